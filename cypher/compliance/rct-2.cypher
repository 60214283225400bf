// RCT-2 facts: supervised rectifications (挂牌督办) of systems in scope listed on or before $asOf and not delisted by then (delistedOn null or after asOf), with the stage reached on asOf. Subject = the rectification. Scope as in grd-1.
// @mode read
// @param scope: Scope
// @param target: Record<string, unknown>
// @param asOf: string
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)
WITH o, s, date($asOf) AS d
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($target.divisionCode IS NULL OR o.divisionCode = $target.divisionCode)
  AND ($target.sectorCode IS NULL OR o.sectorCode = $target.sectorCode)
  AND ($target.operatorId IS NULL OR o.id = $target.operatorId)
  AND ($target.systemId IS NULL OR s.id = $target.systemId)
  AND ($target.vendorId IS NULL OR EXISTS { (:Vendor {id: $target.vendorId})-[r:SERVES]->(s) WHERE r.from <= d AND (r.to IS NULL OR r.to >= d) })
MATCH (s)-[:UNDER_SUPERVISION]->(x:SupervisedRectification)
WHERE x.listedOn <= d AND NOT coalesce(x.delistedOn <= d, false)
RETURN 'SupervisedRectification' AS subjectType, x.id AS subjectId, x.title AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {system: s.name, listedOn: x.listedOn, deadline: x.deadline,
   stage: CASE WHEN coalesce(x.verifiedOn <= d, false) THEN 'VERIFIED' WHEN coalesce(x.rectifyingOn <= d, false) THEN 'RECTIFYING' ELSE 'LISTED' END} AS facts
ORDER BY x.id
LIMIT $limit
