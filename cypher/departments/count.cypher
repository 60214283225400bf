// How many protection departments match the filter.
// @mode read
// @param sectorCode: string | null
MATCH (d:ProtectionDepartment)
WHERE $sectorCode IS NULL OR EXISTS { (d)-[:RESPONSIBLE_FOR]->(:Sector {code: $sectorCode}) }
RETURN count(d) AS total
