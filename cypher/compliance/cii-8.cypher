// CII-8 facts: procurements (采购) that may affect national security (affectsNationalSecurity = true) of systems in scope, purchased on or before $asOf while the system was part of a CII (membership valid on the purchase date), without a security review (网络安全审查) passed on or before asOf. Subject = the procurement. Scope as in grd-1.
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
MATCH (s)-[:HAS_PROCUREMENT]->(p:Procurement)
WHERE p.affectsNationalSecurity = true AND p.purchasedOn <= d
  AND (p.reviewPassedOn IS NULL OR p.reviewPassedOn > d)
  AND EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= p.purchasedOn AND (m.to IS NULL OR m.to >= p.purchasedOn) }
RETURN 'Procurement' AS subjectType, p.id AS subjectId, p.title AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {purchasedOn: p.purchasedOn, reviewPassedOn: p.reviewPassedOn, system: s.name} AS facts
ORDER BY p.id
LIMIT $limit
