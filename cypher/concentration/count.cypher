// How many vendors hold access (directly or through subcontractors of tiers 1..5, valid at $asOf) to at least one system in the filter, within the caller's scope.
// @mode read
// @param scope: Scope
// @param asOf: string
// @param sectorCode: string | null
// @param divisionCode: string | null
MATCH (o:Operator)-[:OPERATES]->(s:System)
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($divisionCode IS NULL OR o.divisionCode = $divisionCode)
  AND ($sectorCode IS NULL OR o.sectorCode = $sectorCode OR EXISTS {
    MATCH (s)-[m:PART_OF]->(c:CriticalInfrastructure)
    WHERE c.sectorCode = $sectorCode AND m.from <= date($asOf) AND (m.to IS NULL OR m.to >= date($asOf))
  })
CALL (s) {
  MATCH (v:Vendor)-[r:SERVES]->(s)
  WHERE r.from <= date($asOf) AND (r.to IS NULL OR r.to >= date($asOf))
  RETURN v
  UNION
  MATCH (v:Vendor)<-[e:WORKS_FOR]-(:Person)-[a:HAS_ACCESS]->(s)
  WHERE e.from <= date($asOf) AND (e.to IS NULL OR e.to >= date($asOf))
    AND a.from <= date($asOf) AND (a.to IS NULL OR a.to >= date($asOf))
  RETURN v
  UNION
  MATCH (v:Vendor) (()-[k:SUBCONTRACTS_TO]->() WHERE k.from <= date($asOf) AND (k.to IS NULL OR k.to >= date($asOf))){1,5} (sub:Vendor)-[r:SERVES]->(s)
  WHERE sub <> v AND r.from <= date($asOf) AND (r.to IS NULL OR r.to >= date($asOf))
  RETURN v
  UNION
  MATCH (v:Vendor) (()-[k:SUBCONTRACTS_TO]->() WHERE k.from <= date($asOf) AND (k.to IS NULL OR k.to >= date($asOf))){1,5} (sub:Vendor)<-[e:WORKS_FOR]-(:Person)-[a:HAS_ACCESS]->(s)
  WHERE sub <> v
    AND e.from <= date($asOf) AND (e.to IS NULL OR e.to >= date($asOf))
    AND a.from <= date($asOf) AND (a.to IS NULL OR a.to >= date($asOf))
  RETURN v
}
RETURN count(DISTINCT v) AS total
