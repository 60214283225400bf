// One page of vendors in the caller's scope, filtered, ordered by name then id.
// @mode read
// @param scope: Scope
// @param registrationStatus: string | null
// @param serviceKind: string | null
// @param today: string
// @param search: string | null
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (v:Vendor)
WHERE ($scope.all OR EXISTS {
    MATCH (v)-[:SUBCONTRACTS_TO]-{0,5}(:Vendor)(()<-[:WORKS_FOR]-(:Person)){0,1}()-[:SERVES|HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator)
    WHERE o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
  })
  AND ($registrationStatus IS NULL OR v.registrationStatus = $registrationStatus)
  AND ($serviceKind IS NULL OR EXISTS {
    MATCH (v)-[r:SERVES]->(:System)
    WHERE r.kind = $serviceKind AND r.from <= date($today) AND (r.to IS NULL OR r.to >= date($today))
  })
  AND ($search IS NULL OR v.name CONTAINS $search OR v.uscc = toUpper($search))
  AND ($afterKey IS NULL OR v.name > $afterKey OR (v.name = $afterKey AND v.id > $afterId))
RETURN v.name AS sortKey, v {.*} AS node
ORDER BY v.name, v.id
LIMIT $limit
