// How many persons in the caller's scope match the filter.
// @mode read
// @param scope: Scope
// @param search: string | null
// @param residentIdHash: string | null
// @param checkStatus: string | null
// @param employerId: string | null
// @param employerLabel: string | null
// @param today: string
MATCH (p:Person)
WHERE ($scope.all
    OR EXISTS { MATCH (p)-[:WORKS_FOR]->(o:Operator) WHERE (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds) }
    OR EXISTS { MATCH (p)-[:WORKS_FOR]->(:Vendor)-[:SUBCONTRACTS_TO*0..1]->(:Vendor)-[:SERVES]->(:System)<-[:OPERATES]-(o:Operator) WHERE (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds) }
    OR EXISTS { MATCH (p)-[:HAS_ACCESS]->(:System)<-[:OPERATES]-(o:Operator) WHERE (o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds) })
  AND ($search IS NULL OR p.name CONTAINS $search)
  AND ($residentIdHash IS NULL OR p.residentIdHash = $residentIdHash)
  AND ($checkStatus IS NULL OR COLLECT {
    MATCH (p)-[:HAS_CHECK]->(c:BackgroundCheck) RETURN c.status ORDER BY c.checkedOn DESC, c.id DESC LIMIT 1
  }[0] = $checkStatus)
  AND ($employerId IS NULL OR EXISTS {
    MATCH (p)-[w:WORKS_FOR]->(e {id: $employerId})
    WHERE $employerLabel IN labels(e) AND w.from <= date($today) AND (w.to IS NULL OR w.to >= date($today))
  })
RETURN count(p) AS total
