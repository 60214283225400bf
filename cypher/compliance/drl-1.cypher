// DRL-1 facts: systems in scope, not decommissioned on $asOf, that are live and of level ≥ 3 or part of a CII on asOf, with the date the drill duty started (the earlier of go-live for level ≥ 3 and the start of the CII membership) and the last emergency drill (应急演练) held on or before asOf (null = none). Scope as in grd-1. The level is the level on $asOf (fragments/level-on-as-of).
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
WITH o, s, d, level,
  CASE WHEN coalesce(level, 0) >= 3 AND coalesce(s.liveOn <= d, false) THEN s.liveOn END AS liveSince,
  COLLECT { MATCH (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) RETURN m.from ORDER BY m.from LIMIT 1 }[0] AS ciiSince
WHERE liveSince IS NOT NULL OR ciiSince IS NOT NULL
RETURN 'System' AS subjectType, s.id AS subjectId, s.name AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {protectionLevel: level,
   dutySince: CASE WHEN liveSince IS NULL OR (ciiSince IS NOT NULL AND ciiSince < liveSince) THEN ciiSince ELSE liveSince END,
   lastDrillOn: COLLECT { MATCH (s)-[:HAD_DRILL]->(x:Drill) WHERE x.heldOn <= d RETURN x.heldOn ORDER BY x.heldOn DESC LIMIT 1 }[0]} AS facts
ORDER BY s.id
LIMIT $limit
