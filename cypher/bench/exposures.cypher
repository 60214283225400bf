// Bench load: internet exposures, each EXPOSES its system (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (s:System {id: row.systemId})
CREATE (:Exposure {
  id: row.id,
  ip: row.ip,
  ipKey: row.ipKey,
  port: row.port,
  protocol: row.protocol,
  domain: row.domain,
  service: row.service,
  firstSeen: date(row.firstSeen),
  lastSeen: date(row.lastSeen)
})-[:EXPOSES]->(s)
RETURN count(*) AS count
