// MON-1 facts: vendors with a SERVES of kind MONITORING (第三方监测) valid on $asOf to a system in scope, with the start of that monitoring (earliest from of those services) and the earliest monitoring registration (监测报备: MonitoringRegistration of that system naming that vendor) made on or before asOf; rows only where it is missing or later than the start. Subject = the vendor; one row per (vendor, system). Scope as in grd-1 (vendor target: that vendor only).
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
WHERE r.kind = 'MONITORING' AND r.from <= d AND (r.to IS NULL OR r.to >= d)
  AND ($target.vendorId IS NULL OR v.id = $target.vendorId)
WITH o, s, d, v, min(r.from) AS since
WITH o, s, d, v, since,
  COLLECT { MATCH (s)-[:HAS_MONITORING_REGISTRATION]->(m:MonitoringRegistration)-[:REGISTERS_VENDOR]->(v) WHERE m.registeredOn <= d RETURN m.registeredOn ORDER BY m.registeredOn LIMIT 1 }[0] AS registeredOn
WHERE registeredOn IS NULL OR registeredOn > since
RETURN 'Vendor' AS subjectType, v.id AS subjectId, v.name AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {system: s.name, monitoringSince: since, registeredOn: registeredOn} AS facts
ORDER BY v.id, s.id
LIMIT $limit
