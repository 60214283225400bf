// Demo monitoring devices (监测设备) at internet egresses (MON-2), merged on id.
// @mode write
// @param rows: readonly Record<string, unknown>[]
UNWIND $rows AS row
MATCH (g:InternetEgress {id: row.egressId})
MERGE (x:MonitoringDevice {id: row.id})
SET x.serialNumber = row.serialNumber, x.installedOn = date(row.installedOn),
  x.removedOn = CASE WHEN row.removedOn IS NULL THEN null ELSE date(row.removedOn) END,
  x.platformConnectedOn = CASE WHEN row.platformConnectedOn IS NULL THEN null ELSE date(row.platformConnectedOn) END
MERGE (g)-[:MONITORED_BY]->(x)
RETURN count(*) AS count
