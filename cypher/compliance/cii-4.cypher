// CII-4 facts: systems in scope that are part of a CII on $asOf (PART_OF valid on asOf) and not decommissioned, with the earliest start of their current CII membership, the last LEVEL and the last CII_SECURITY assessment on or before asOf (null = none). Scope as in grd-1. The level is the level on $asOf (fragments/level-on-as-of).
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
  AND NOT coalesce(s.decommissionedOn <= d, false)
WITH o, s, d, level, COLLECT { MATCH (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) RETURN m.from ORDER BY m.from LIMIT 1 }[0] AS ciiSince
WHERE ciiSince IS NOT NULL
RETURN 'System' AS subjectType, s.id AS subjectId, s.name AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {protectionLevel: level, ciiSince: ciiSince,
   lastAssessedOn: COLLECT { MATCH (a:Assessment {kind: 'LEVEL'})-[:ASSESSES]->(s) WHERE a.on <= d RETURN a.on ORDER BY a.on DESC LIMIT 1 }[0],
   lastCiiAssessedOn: COLLECT { MATCH (a:Assessment {kind: 'CII_SECURITY'})-[:ASSESSES]->(s) WHERE a.on <= d RETURN a.on ORDER BY a.on DESC LIMIT 1 }[0]} AS facts
ORDER BY s.id
LIMIT $limit
