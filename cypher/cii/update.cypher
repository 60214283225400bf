// Changes a CII designation's properties and re-links its sector and identifying department.
// @mode write
// @param id: string
// @param props: Record<string, unknown>
// @param departmentId: string
// @param identifiedOn: string
MATCH (c:CriticalInfrastructure {id: $id})
MATCH (d:ProtectionDepartment {id: $departmentId})
SET c += $props
WITH c, d
OPTIONAL MATCH (c)-[oldSector:IN_SECTOR]->(:Sector)
DELETE oldSector
WITH DISTINCT c, d
OPTIONAL MATCH (:ProtectionDepartment)-[oldIdentified:IDENTIFIED]->(c)
DELETE oldIdentified
WITH DISTINCT c, d
MATCH (s:Sector {code: c.sectorCode})
CREATE (c)-[:IN_SECTOR]->(s)
CREATE (d)-[i:IDENTIFIED {on: date($identifiedOn)}]->(c)
RETURN c {.*, departmentId: d.id, identifiedOn: i.on} AS node
