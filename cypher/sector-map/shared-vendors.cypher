// Vendors serving (SERVES directly, or through subcontractors of tiers 1..5; all valid at $asOf) in-scope systems of at least $minCii different CII designations of each sector (by sector id); by number of CII desc, vendor name, id. Each row carries the CII (with their identifying department) and the number of such systems.
// @mode read
// @param scope: Scope
// @param parentIds: readonly string[]
// @param asOf: string
// @param minCii: number
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
UNWIND $parentIds AS parentId
MATCH (sec:Sector {id: parentId})
MATCH (c:CriticalInfrastructure {sectorCode: sec.code})<-[m:PART_OF]-(s:System)<-[:OPERATES]-(o:Operator)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND m.from <= date($asOf) AND (m.to IS NULL OR m.to >= date($asOf))
CALL (s) {
  MATCH (v:Vendor)-[r:SERVES]->(s)
  WHERE r.from <= date($asOf) AND (r.to IS NULL OR r.to >= date($asOf))
  RETURN v
  UNION
  MATCH (v:Vendor) (()-[k:SUBCONTRACTS_TO]->() WHERE k.from <= date($asOf) AND (k.to IS NULL OR k.to >= date($asOf))){1,5} (sub:Vendor)-[r:SERVES]->(s)
  WHERE sub <> v AND r.from <= date($asOf) AND (r.to IS NULL OR r.to >= date($asOf))
  RETURN v
}
WITH parentId, v, collect(DISTINCT c) AS cii, count(DISTINCT s) AS systems
WHERE size(cii) >= $minCii
WITH parentId, v, cii, systems, right('000000' + toString(999999 - size(cii)), 6) + v.name AS sortKey
WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND v.id > $afterId)
WITH parentId, v, cii, systems, sortKey
ORDER BY sortKey, v.id
WITH parentId, collect({
    sortKey: sortKey,
    node: {
      id: v.id,
      vendor: v {.*},
      systems: systems,
      criticalInfrastructures: [c IN cii | c {
        .*,
        departmentId: head([(d:ProtectionDepartment)-[:IDENTIFIED]->(c) | d.id]),
        identifiedOn: coalesce(head([(:ProtectionDepartment)-[i:IDENTIFIED]->(c) | i.on]), c.identifiedOn)
      }]
    }
  })[0..$limit] AS rows
RETURN parentId, rows
