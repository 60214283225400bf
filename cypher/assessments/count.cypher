// How many assessments in the caller's scope match the filter.
// @mode read
// @param scope: Scope
// @param systemId: string | null
// @param vendorId: string | null
// @param kind: string | null
// @param onOrAfter: string | null
// @param onOrBefore: string | null
MATCH (a:Assessment)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($onOrAfter IS NULL OR a.on >= date($onOrAfter))
  AND ($onOrBefore IS NULL OR a.on <= date($onOrBefore))
OPTIONAL MATCH (a)-[:ASSESSES]->(s:System)
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
WITH a, s, o
WHERE ($systemId IS NULL OR s.id = $systemId)
  AND ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
OPTIONAL MATCH (v:Vendor)-[:PERFORMED]->(a)
WITH a, s, o, v
WHERE ($vendorId IS NULL OR v.id = $vendorId)
RETURN count(a) AS total
