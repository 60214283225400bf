// Records a CII designation: the node, its sector, and the department that identified it (认定).
// @mode write
// @param props: Record<string, unknown>
// @param departmentId: string
// @param identifiedOn: string
MATCH (d:ProtectionDepartment {id: $departmentId})
MATCH (s:Sector {code: $props.sectorCode})
CREATE (c:CriticalInfrastructure)
SET c = $props
CREATE (c)-[:IN_SECTOR]->(s)
CREATE (d)-[i:IDENTIFIED {on: date($identifiedOn)}]->(c)
RETURN c {.*, departmentId: d.id, identifiedOn: i.on} AS node
