// Protection departments (保护工作部门) by name, with the codes of the sectors they are responsible for: the import's reference check for CII designations.
// @mode read
// @param names: string[]
UNWIND $names AS name
MATCH (d:ProtectionDepartment {name: name})
OPTIONAL MATCH (d)-[:RESPONSIBLE_FOR]->(s:Sector)
RETURN d.name AS name, collect(s.code) AS sectorCodes
