// Writes a batch of scanned exposures (created or changed; unchanged ones are only observed), relinks matched
// ones to their system, and records that $scanId observed them with their match status.
// @mode write
// @param scanId: string
// @param rows: readonly { id: string; ip: string; port: number; protocol: string; props: Record<string, unknown>; write: boolean; relink: boolean; systemId: string | null; observed: Record<string, unknown> }[]
MATCH (sc:Scan {id: $scanId})
UNWIND $rows AS row
MERGE (e:Exposure {ip: row.ip, port: row.port, protocol: row.protocol})
ON CREATE SET e.id = row.id
FOREACH (_ IN CASE WHEN row.write THEN [1] ELSE [] END | SET e += row.props)
WITH sc, row, e
CALL (row, e) {
  WITH row, e WHERE row.relink
  OPTIONAL MATCH (e)-[old:EXPOSES]->(:System)
  DELETE old
  WITH DISTINCT row, e
  MATCH (s:System {id: row.systemId})
  CREATE (e)-[:EXPOSES]->(s)
}
CREATE (sc)-[o:OBSERVED]->(e)
SET o = row.observed
RETURN count(o) AS count
