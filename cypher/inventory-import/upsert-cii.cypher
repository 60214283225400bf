// Imports a batch of CII designations (关键信息基础设施认定) keyed by name, with sector (IN_SECTOR), identifying department (IDENTIFIED {on}) and optionally a member system (PART_OF, keyed by system and start); rows run one after the other so that rows of one designation share it. Counts rows that created something, changed something, or nothing.
// @mode write
// @param rows: { id: string; cii: Record<string, unknown>; department: string; identifiedOn: string; operatorUscc: string | null; systemName: string | null; member: Record<string, unknown> | null; ciiId: string; memberId: string }[]
UNWIND $rows AS row
CALL (row) {
  MATCH (d:ProtectionDepartment {name: row.department})
  MATCH (sec:Sector {code: row.cii.sectorCode})
  OPTIONAL MATCH (candidate:CriticalInfrastructure {name: row.cii.name})
  WITH row, d, sec, head(collect(candidate)) AS found
  CALL (row, found) {
    WITH row, found
    WHERE found IS NULL
    CREATE (created:CriticalInfrastructure {id: row.ciiId})
    RETURN created AS c
    UNION
    WITH row, found
    WHERE found IS NOT NULL
    RETURN found AS c
  }
  WITH row, d, sec, c, found IS NULL AS ciiNew, properties(c) AS before
  OPTIONAL MATCH (oldDepartment:ProtectionDepartment)-[oldIdentified:IDENTIFIED]->(c)
  WITH row, d, sec, c, ciiNew, before, collect(oldIdentified) AS identified, collect(oldDepartment) AS identifiers
  OPTIONAL MATCH (c)-[oldSector:IN_SECTOR]->(:Sector)
  WITH row, d, sec, c, ciiNew, before, identified, identifiers, collect(oldSector) AS sectorLinks
  WITH row, d, sec, c, ciiNew, identified, sectorLinks,
       any(k IN keys(row.cii) WHERE coalesce(before[k] <> row.cii[k], (before[k] IS NULL) <> (row.cii[k] IS NULL)))
       OR size(identified) <> 1 OR identifiers[0] <> d OR identified[0].on <> date(row.identifiedOn)
       OR size(sectorLinks) <> 1 OR NOT EXISTS { (c)-[:IN_SECTOR]->(sec) } AS ciiChanged
  FOREACH (_ IN CASE WHEN ciiChanged THEN [1] ELSE [] END |
    SET c += row.cii
    CREATE (c)-[:IN_SECTOR]->(sec)
    CREATE (d)-[:IDENTIFIED {on: date(row.identifiedOn)}]->(c))
  FOREACH (r IN CASE WHEN ciiChanged THEN identified + sectorLinks ELSE [] END | DELETE r)
  WITH row, c, ciiNew, ciiChanged
  OPTIONAL MATCH (:Operator {uscc: row.operatorUscc})-[:OPERATES]->(candidateSystem:System {name: row.systemName})
  WITH row, c, ciiNew, ciiChanged, head(collect(candidateSystem)) AS s
  OPTIONAL MATCH (s)-[existingMember:PART_OF {from: row.member.from}]->(c)
  WITH row, c, ciiNew, ciiChanged, s, head(collect(existingMember)) AS member
  WITH row, c, ciiNew, ciiChanged, s, member, s IS NOT NULL AND member IS NULL AS memberNew, properties(member) AS memberBefore
  WITH row, c, ciiNew, ciiChanged, s, member, memberNew, member IS NOT NULL AND any(k IN keys(row.member) WHERE coalesce(memberBefore[k] <> row.member[k], (memberBefore[k] IS NULL) <> (row.member[k] IS NULL))) AS memberChanged
  FOREACH (_ IN CASE WHEN memberNew THEN [1] ELSE [] END | CREATE (s)-[r:PART_OF]->(c) SET r = row.member, r.id = row.memberId)
  FOREACH (_ IN CASE WHEN memberChanged THEN [1] ELSE [] END | SET member += row.member)
  RETURN ciiNew OR memberNew AS isNew, ciiChanged OR memberChanged AS changed
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT isNew THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN isNew OR changed THEN 0 ELSE 1 END) AS unchanged
