// Systems counted by the yearly evaluation (四.(四)) as of $asOf: per operator in the caller's scope (and in $divisionCode when given), its systems not decommissioned by asOf, with whether each is part of a CII on asOf. Ordered by operator id.
// @mode read
// @param scope: Scope
// @param divisionCode: string | null
// @param asOf: string
// @param limit: number
MATCH (o:Operator)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($divisionCode IS NULL OR o.divisionCode = $divisionCode)
WITH o, date($asOf) AS d
WITH o, COLLECT {
  MATCH (o)-[:OPERATES]->(s:System)
  WHERE NOT coalesce(s.decommissionedOn <= d, false)
  RETURN {id: s.id, name: s.name, cii: EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) }} AS sys
  ORDER BY s.id
} AS systems
WHERE size(systems) > 0
RETURN o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, systems
ORDER BY o.id
LIMIT $limit
