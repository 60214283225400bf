// How many vendors in the caller's scope match the filter.
// @mode read
// @param scope: Scope
// @param registrationStatus: string | null
// @param serviceKind: string | null
// @param today: string
// @param search: string | null
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
RETURN count(v) AS total
