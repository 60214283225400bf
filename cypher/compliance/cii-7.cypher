// CII-7 facts: data transfers of systems in scope that are part of a CII on $asOf, in force on asOf (startedOn <= asOf, no endedOn on or before asOf): STORED_ABROAD (personal information or important data stored outside China: never allowed) or CROSS_BORDER_TRANSFER without a security assessment (数据出境安全评估) on or before asOf. Subject = the transfer. Scope as in grd-1.
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
  AND EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) }
MATCH (s)-[:HAS_DATA_TRANSFER]->(t:DataTransfer)
WHERE t.startedOn <= d AND (t.endedOn IS NULL OR t.endedOn > d)
  AND (t.kind = 'STORED_ABROAD' OR t.assessedOn IS NULL OR t.assessedOn > d)
RETURN 'DataTransfer' AS subjectType, t.id AS subjectId, t.destination AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {kind: t.kind, dataCategory: t.dataCategory, destination: t.destination, startedOn: t.startedOn, assessedOn: t.assessedOn, system: s.name} AS facts
ORDER BY t.id
LIMIT $limit
