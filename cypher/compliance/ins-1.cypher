// INS-1 facts: systems in scope live on $asOf (liveOn <= asOf, not decommissioned), with go-live and the last self-inspection (自查) held on or before asOf of the system itself or of its operator (an operator-wide self-inspection covers each of its systems). Scope as in grd-1.
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
  AND coalesce(s.liveOn <= d, false)
  AND NOT coalesce(s.decommissionedOn <= d, false)
WITH o, s, d,
  COLLECT { MATCH (s)-[:HAD_SELF_INSPECTION]->(x:SelfInspection) WHERE x.heldOn <= d RETURN max(x.heldOn) AS h }[0] AS ofSystem,
  COLLECT { MATCH (o)-[:HAD_SELF_INSPECTION]->(x:SelfInspection) WHERE x.heldOn <= d RETURN max(x.heldOn) AS h }[0] AS ofOperator
RETURN 'System' AS subjectType, s.id AS subjectId, s.name AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {liveOn: s.liveOn,
   lastSelfInspectionOn: CASE WHEN ofSystem IS NULL OR ofOperator > ofSystem THEN ofOperator ELSE ofSystem END} AS facts
ORDER BY s.id
LIMIT $limit
