// ASM-2 facts: systems in scope of level ≥ 3 live on $asOf, with the date of the first LEVEL assessment on or before go-live whose conclusion is not POOR (passed; null = none). Scope as in grd-1. The level is the level on $asOf (fragments/level-on-as-of).
// @mode read
// @param scope: Scope
// @param target: Record<string, unknown>
// @param asOf: string
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)
WITH o, s, date($asOf) AS d
WITH o, s, d, {{@levelOnAsOf}} AS level
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($target.divisionCode IS NULL OR o.divisionCode = $target.divisionCode)
  AND ($target.sectorCode IS NULL OR o.sectorCode = $target.sectorCode)
  AND ($target.operatorId IS NULL OR o.id = $target.operatorId)
  AND ($target.systemId IS NULL OR s.id = $target.systemId)
  AND ($target.vendorId IS NULL OR EXISTS { (:Vendor {id: $target.vendorId})-[r:SERVES]->(s) WHERE r.from <= d AND (r.to IS NULL OR r.to >= d) })
  AND coalesce(level, 0) >= 3 AND coalesce(s.liveOn <= d, false) AND NOT coalesce(s.decommissionedOn <= d, false)
RETURN 'System' AS subjectType, s.id AS subjectId, s.name AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {protectionLevel: level, liveOn: s.liveOn,
   passedAssessmentOn: COLLECT { MATCH (a:Assessment {kind: 'LEVEL'})-[:ASSESSES]->(s) WHERE a.on <= s.liveOn AND a.conclusion IS NOT NULL AND a.conclusion <> 'POOR' RETURN a.on ORDER BY a.on LIMIT 1 }[0]} AS facts
ORDER BY s.id
LIMIT $limit
