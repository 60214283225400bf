// FIL-2 facts: changes of systems in scope on or before $asOf that need a filing: each ChangeFiling (LEVEL_CHANGE or CANCELLATION) with changedOn <= asOf, with its filing date if filed on or before asOf; and each system decommissioned on or before asOf without any CANCELLATION record (subject = the system, changedOn = decommissionedOn). Scope as in grd-1.
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
CALL (o, s, d) {
  MATCH (s)-[:HAS_CHANGE]->(c:ChangeFiling)
  WHERE c.changedOn <= d
  RETURN 'ChangeFiling' AS subjectType, c.id AS subjectId, c.kind + ' of ' + s.name AS subjectName,
    {kind: c.kind, system: s.name, changedOn: c.changedOn, toLevel: c.toLevel, filedOn: CASE WHEN c.filedOn <= d THEN c.filedOn ELSE null END} AS facts
  UNION
  WITH o, s, d
  WHERE coalesce(s.decommissionedOn <= d, false) AND NOT EXISTS { (s)-[:HAS_CHANGE]->(:ChangeFiling {kind: 'CANCELLATION'}) }
  RETURN 'System' AS subjectType, s.id AS subjectId, s.name AS subjectName,
    {kind: 'CANCELLATION', system: s.name, changedOn: s.decommissionedOn, toLevel: null, filedOn: null} AS facts
}
RETURN subjectType, subjectId, subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode, facts
ORDER BY subjectId
LIMIT $limit
