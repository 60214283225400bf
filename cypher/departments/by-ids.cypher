// Protection departments by id, with the codes of the sectors they are responsible for (public reference data: no scope).
// @mode read
// @param ids: readonly string[]
UNWIND $ids AS id
MATCH (d:ProtectionDepartment {id: id})
OPTIONAL MATCH (d)-[:RESPONSIBLE_FOR]->(s:Sector)
WITH d, s
ORDER BY s.code
RETURN d {.*} AS node, collect(s.code) AS sectorCodes
