// Bench load: internet exposures (nodes only; EXPOSES comes with the relationships).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
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
})
RETURN count(*) AS count
