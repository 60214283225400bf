// Scans by id: visible with city-wide scope, or to callers of the jurisdiction that imported them.
// @mode read
// @param scope: Scope
// @param jurisdiction: string
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (sc:Scan {id: id})
WHERE $scope.all OR sc.jurisdiction = $jurisdiction
RETURN sc {.*} AS node
