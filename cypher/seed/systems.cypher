// Seeds systems, each operated by its operator (one UNWIND batch).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (o:Operator {id: row.operatorId})
MERGE (s:System {id: row.id})
SET s.name = row.name,
  s.filingNumber = row.filingNumber,
  s.protectionLevel = row.protectionLevel,
  s.businessInfoLevel = row.businessInfoLevel,
  s.systemServiceLevel = row.systemServiceLevel,
  s.status = row.status,
  s.levelDeterminedOn = CASE WHEN row.levelDeterminedOn IS NULL THEN null ELSE date(row.levelDeterminedOn) END,
  s.filedOn = CASE WHEN row.filedOn IS NULL THEN null ELSE date(row.filedOn) END,
  s.liveOn = CASE WHEN row.liveOn IS NULL THEN null ELSE date(row.liveOn) END,
  s.decommissionedOn = CASE WHEN row.decommissionedOn IS NULL THEN null ELSE date(row.decommissionedOn) END,
  s.description = row.description
MERGE (o)-[:OPERATES]->(s)
RETURN count(*) AS count
