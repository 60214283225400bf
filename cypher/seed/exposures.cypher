// Seeds internet exposures and the systems they expose, when known (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MERGE (e:Exposure {id: row.id})
SET e.ip = row.ip,
  e.ipKey = row.ipKey,
  e.port = row.port,
  e.protocol = row.protocol,
  e.domain = row.domain,
  e.service = row.service,
  e.firstSeen = date(row.firstSeen),
  e.lastSeen = date(row.lastSeen)
WITH e, row
OPTIONAL MATCH (s:System {id: row.systemId})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (e)-[:EXPOSES]->(s))
RETURN count(*) AS count
