// Demo justifications (暴露面说明, CII-5) of internet exposures, merged on id.
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (e:Exposure {id: row.exposureId})
MERGE (j:ExposureJustification {id: row.id})
SET j.reason = row.reason, j.justifiedOn = date(row.justifiedOn),
  j.expiresOn = CASE WHEN row.expiresOn IS NULL THEN null ELSE date(row.expiresOn) END
MERGE (e)-[:JUSTIFIED_BY]->(j)
RETURN count(*) AS count
