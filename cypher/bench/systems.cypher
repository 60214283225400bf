// Bench load: systems (nodes only; OPERATES comes with the relationships).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
CREATE (:System {
  id: row.id,
  name: row.name,
  filingNumber: row.filingNumber,
  protectionLevel: row.protectionLevel,
  businessInfoLevel: row.businessInfoLevel,
  systemServiceLevel: row.systemServiceLevel,
  status: row.status,
  levelDeterminedOn: date(row.levelDeterminedOn),
  filedOn: date(row.filedOn),
  liveOn: date(row.liveOn),
  decommissionedOn: date(row.decommissionedOn),
  description: row.description
})
RETURN count(*) AS count
