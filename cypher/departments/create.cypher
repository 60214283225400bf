// Registers a protection department and links it to the sectors it is responsible for.
// @mode write
// @param props: Record<string, unknown>
// @param sectorCodes: readonly string[]
CREATE (d:ProtectionDepartment)
SET d = $props
WITH d
CALL (d) {
  UNWIND $sectorCodes AS code
  MATCH (s:Sector {code: code})
  MERGE (d)-[:RESPONSIBLE_FOR]->(s)
}
RETURN d {.*} AS node
