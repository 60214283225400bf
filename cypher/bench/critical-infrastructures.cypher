// Bench load: CII designations (nodes only; IN_SECTOR and IDENTIFIED come with the relationships).
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
CREATE (:CriticalInfrastructure {
  id: row.id,
  name: row.name,
  sectorCode: row.sectorCode,
  identifiedOn: date(row.identifiedOn),
  operatorNotifiedOn: date(row.operatorNotifiedOn),
  policeNotifiedOn: date(row.policeNotifiedOn)
})
RETURN count(*) AS count
