// SUP-2 facts: services (SERVES valid on $asOf) to systems in scope that are remote (remote = true or kind REMOTE_OPERATIONS) without a remote evaluation (评估论证) on or before asOf. Subject = the system. Scope as in grd-1 (vendor target: that vendor's services only).
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
MATCH (v:Vendor)-[r:SERVES]->(s)
WHERE r.from <= d AND (r.to IS NULL OR r.to >= d) AND (r.remote = true OR r.kind = 'REMOTE_OPERATIONS')
  AND (r.remoteEvaluatedOn IS NULL OR r.remoteEvaluatedOn > d)
  AND ($target.vendorId IS NULL OR v.id = $target.vendorId)
RETURN 'System' AS subjectType, s.id AS subjectId, s.name AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {service: r.id, vendor: v.name, vendorId: v.id, kind: r.kind, since: r.from} AS facts
ORDER BY s.id, r.id
LIMIT $limit
