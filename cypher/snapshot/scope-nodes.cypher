// The nodes of a jurisdiction snapshot: operators in $scope, the systems they operate, every node attached
// to those (not another operator or system), and the findings of those assessments, the checks of those persons, the monitoring devices of those egresses and the justifications of those exposures.
// @mode read
// @param scope: Scope
MATCH (o:Operator)
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
OPTIONAL MATCH (o)-[:OPERATES]->(s:System)
WITH collect(DISTINCT o) + collect(DISTINCT s) AS core
UNWIND core AS c
OPTIONAL MATCH (c)--(x)
WHERE NOT x:Operator AND NOT x:System AND NOT x:SchemaMigration
OPTIONAL MATCH (x)--(y)
WHERE y:Finding OR y:BackgroundCheck OR y:MonitoringDevice OR y:ExposureJustification
WITH core, collect(DISTINCT x) + collect(DISTINCT y) AS attached
UNWIND core + attached AS n
WITH DISTINCT n
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props
