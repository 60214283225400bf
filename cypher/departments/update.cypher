// Changes a protection department; with $replaceSectors its sectors become exactly $sectorCodes.
// @mode write
// @param id: string
// @param props: Record<string, unknown>
// @param replaceSectors: boolean
// @param sectorCodes: readonly string[]
MATCH (d:ProtectionDepartment {id: $id})
SET d += $props
WITH d
CALL (d) {
  OPTIONAL MATCH (d)-[old:RESPONSIBLE_FOR]->(s:Sector)
  WITH old, s WHERE $replaceSectors AND NOT s.code IN $sectorCodes
  DELETE old
}
CALL (d) {
  UNWIND CASE WHEN $replaceSectors THEN $sectorCodes ELSE [] END AS code
  MATCH (s:Sector {code: code})
  MERGE (d)-[:RESPONSIBLE_FOR]->(s)
}
RETURN d {.*} AS node
