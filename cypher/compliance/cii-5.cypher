// CII-5 facts: internet exposures (互联网暴露面) first seen on or before $asOf of systems in scope that are part of a CII on asOf, without a justification (ExposureJustification) made on or before asOf and valid on asOf (expiresOn null or >= asOf). Subject = the exposure. Scope as in grd-1.
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
MATCH (e:Exposure)-[:EXPOSES]->(s)
WHERE e.firstSeen <= d
  AND NOT EXISTS { (e)-[:JUSTIFIED_BY]->(j:ExposureJustification) WHERE j.justifiedOn <= d AND (j.expiresOn IS NULL OR j.expiresOn >= d) }
RETURN 'Exposure' AS subjectType, e.id AS subjectId, e.ip + ':' + toString(e.port) + '/' + e.protocol AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {system: s.name, ip: e.ip, port: e.port, protocol: e.protocol, domain: e.domain, service: e.service, firstSeen: e.firstSeen, lastSeen: e.lastSeen,
   lastJustificationExpiredOn: COLLECT { MATCH (e)-[:JUSTIFIED_BY]->(j:ExposureJustification) WHERE j.justifiedOn <= d RETURN j.expiresOn ORDER BY j.expiresOn DESC LIMIT 1 }[0]} AS facts
ORDER BY e.id
LIMIT $limit
