// SUP-4 facts: products with a USES valid on $asOf by a system of level ≥ 3 in scope that carry no security certification (blank or missing; as riskFlags UNCERTIFIED_PRODUCT). Subject = the system; one row per (system, product). Scope as in grd-1. The level is the level on $asOf (fragments/level-on-as-of).
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
  AND coalesce(level, 0) >= 3
MATCH (s)-[u:USES]->(pr:Product)
WHERE u.from <= d AND (u.to IS NULL OR u.to >= d)
  AND (pr.certification IS NULL OR trim(pr.certification) = '')
WITH o, s, level, pr, min(u.from) AS since
RETURN 'System' AS subjectType, s.id AS subjectId, s.name AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {protectionLevel: level, product: pr.name, productId: pr.id, productVersion: pr.version, inUseSince: since} AS facts
ORDER BY s.id, pr.id
LIMIT $limit
