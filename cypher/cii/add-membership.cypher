// Makes a system part of a CII for a validity window, unless an overlapping membership exists (then no row).
// @mode write
// @param id: string
// @param systemId: string
// @param ciiId: string
// @param from: string
// @param to: string | null
MATCH (s:System {id: $systemId})
MATCH (c:CriticalInfrastructure {id: $ciiId})
WHERE NOT EXISTS {
  MATCH (s)-[x:PART_OF]->(c)
  WHERE x.from <= coalesce(date($to), date('9999-12-31')) AND (x.to IS NULL OR x.to >= date($from))
}
CREATE (s)-[r:PART_OF {id: $id, from: date($from)}]->(c)
SET r.to = date($to)
RETURN r {.*, systemId: s.id, ciiId: c.id} AS node
