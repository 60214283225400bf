// Systems a vendor reaches at $asOf (供应链可达性): entry systems per channel (rank 0 SERVICE: SERVES; 1 PERSONNEL_ACCESS: staff HAS_ACCESS; 2 PRODUCT: SUPPLIES then USES; 3 SUBCONTRACTOR_SERVICE and 4 SUBCONTRACTOR_PERSONNEL_ACCESS: a SUBCONTRACTS_TO chain of 1–5 tiers), every relationship valid at $asOf, then CONNECTS_TO links valid at $asOf, 0..$maxHops hops.
// Per target the explaining path is the least of (hops, channel rank, entry hops, entry relationship ids, link ids). The entries are first reduced to the distinct entry systems with their least entry, ordered (their position `o` is the entry part of the key); then a breadth-first search from all of them at once, one level per hop (levels above $maxHops and above {{maxHops}}, the statement variant, are skipped), keeps for each newly reached system only its least (predecessor's position, link id): a shortest path's prefix is a shortest path to its predecessor, so this is the least path overall. Each level is ordered to give the next one its positions.
// Targets outside $scope are dropped (intermediate nodes stay, the API shows them as placeholders); operator and scope are joined once per distinct target; CII sectors only for targets among the (few) systems with a membership valid at $asOf, collected once, so the other targets skip a second walk of their relationship chain.
// Paths (node and relationship lists) are built only for the page's rows, not for every reached system.
// One row: the summary over every reached system in scope, and the keyset page (sortKey = hops digit + name, then id) with each row's path as hop maps.
// @mode read
// @bound maxHops: 1..6
// @param maxHops: number
// @param vendorId: string
// @param via: readonly string[]
// @param asOf: string
// @param scope: Scope
// @param afterKey: string | null
// @param afterId: string | null
// @param limit: number
MATCH (v:Vendor {id: $vendorId})
WITH v, date($asOf) AS d
CALL (v, d) {
  WITH v, d
  WHERE 'SERVICE' IN $via
  MATCH (v)-[r:SERVES]->(e:System)
  WHERE r.from <= d AND (r.to IS NULL OR r.to >= d)
  RETURN e, 0 AS rank, [v, e] AS ns, [r] AS rs, (r.remote = true OR r.kind = 'REMOTE_OPERATIONS') AS remote
  UNION ALL
  WITH v, d
  WHERE 'PERSONNEL_ACCESS' IN $via
  MATCH (v)<-[w:WORKS_FOR]-(p:Person)-[a:HAS_ACCESS]->(e:System)
  WHERE w.from <= d AND (w.to IS NULL OR w.to >= d) AND a.from <= d AND (a.to IS NULL OR a.to >= d)
  RETURN e, 1 AS rank, [v, p, e] AS ns, [w, a] AS rs, a.kind = 'REMOTE' AS remote
  UNION ALL
  WITH v, d
  WHERE 'PRODUCT' IN $via
  MATCH (v)-[su:SUPPLIES]->(pr:Product)<-[u:USES]-(e:System)
  WHERE su.from <= d AND (su.to IS NULL OR su.to >= d) AND u.from <= d AND (u.to IS NULL OR u.to >= d)
  RETURN e, 2 AS rank, [v, pr, e] AS ns, [su, u] AS rs, false AS remote
  UNION ALL
  WITH v, d
  WHERE 'SUBCONTRACTOR_SERVICE' IN $via
  MATCH q = (v)-[c:SUBCONTRACTS_TO WHERE c.from <= d AND (c.to IS NULL OR c.to >= d)]->{1,5}(sub:Vendor)-[r:SERVES]->(e:System)
  WHERE sub <> v AND r.from <= d AND (r.to IS NULL OR r.to >= d)
  RETURN e, 3 AS rank, nodes(q) AS ns, relationships(q) AS rs, (r.remote = true OR r.kind = 'REMOTE_OPERATIONS') AS remote
  UNION ALL
  WITH v, d
  WHERE 'SUBCONTRACTOR_PERSONNEL_ACCESS' IN $via
  MATCH q = (v)-[c:SUBCONTRACTS_TO WHERE c.from <= d AND (c.to IS NULL OR c.to >= d)]->{1,5}(sub:Vendor)<-[w:WORKS_FOR]-(p:Person)-[a:HAS_ACCESS]->(e:System)
  WHERE sub <> v AND w.from <= d AND (w.to IS NULL OR w.to >= d) AND a.from <= d AND (a.to IS NULL OR a.to >= d)
  RETURN e, 4 AS rank, nodes(q) AS ns, relationships(q) AS rs, a.kind = 'REMOTE' AS remote
}
WITH d, e, rank, ns, rs, remote
ORDER BY rank, size(rs), [x IN rs | x.id]
WITH d, e, head(collect({rank: rank, ns: ns, rs: rs, remote: remote})) AS entry
ORDER BY entry.rank, size(entry.rs), [x IN entry.rs | x.id]
WITH d, collect({n: e, entry: entry}) AS entries
WITH d, entries, [i IN range(0, size(entries) - 1) | {n: entries[i].n, src: i, o: i, links: []}] AS prev
WITH d, entries, [prev] AS levels, [x IN prev | x.n] AS seen, prev
CALL (d, prev, seen) {
  WITH d, prev, seen
  WHERE {{maxHops}} >= 1 AND $maxHops >= 1
  UNWIND prev AS f
  WITH d, seen, f, f.n AS u
  MATCH (u)-[l:CONNECTS_TO]->(t:System)
  WHERE l.from <= d AND (l.to IS NULL OR l.to >= d) AND NOT t IN seen
  WITH t, f, l
  ORDER BY f.o, l.id
  WITH t, head(collect({src: f.src, links: f.links + l, po: f.o, lid: l.id})) AS b
  ORDER BY b.po, b.lid
  WITH collect({n: t, src: b.src, links: b.links}) AS level
  RETURN [i IN range(0, size(level) - 1) | {n: level[i].n, src: level[i].src, links: level[i].links, o: i}] AS next
}
WITH d, entries, levels + [next] AS levels, seen + [x IN next | x.n] AS seen, next AS prev
CALL (d, prev, seen) {
  WITH d, prev, seen
  WHERE {{maxHops}} >= 2 AND $maxHops >= 2
  UNWIND prev AS f
  WITH d, seen, f, f.n AS u
  MATCH (u)-[l:CONNECTS_TO]->(t:System)
  WHERE l.from <= d AND (l.to IS NULL OR l.to >= d) AND NOT t IN seen
  WITH t, f, l
  ORDER BY f.o, l.id
  WITH t, head(collect({src: f.src, links: f.links + l, po: f.o, lid: l.id})) AS b
  ORDER BY b.po, b.lid
  WITH collect({n: t, src: b.src, links: b.links}) AS level
  RETURN [i IN range(0, size(level) - 1) | {n: level[i].n, src: level[i].src, links: level[i].links, o: i}] AS next
}
WITH d, entries, levels + [next] AS levels, seen + [x IN next | x.n] AS seen, next AS prev
CALL (d, prev, seen) {
  WITH d, prev, seen
  WHERE {{maxHops}} >= 3 AND $maxHops >= 3
  UNWIND prev AS f
  WITH d, seen, f, f.n AS u
  MATCH (u)-[l:CONNECTS_TO]->(t:System)
  WHERE l.from <= d AND (l.to IS NULL OR l.to >= d) AND NOT t IN seen
  WITH t, f, l
  ORDER BY f.o, l.id
  WITH t, head(collect({src: f.src, links: f.links + l, po: f.o, lid: l.id})) AS b
  ORDER BY b.po, b.lid
  WITH collect({n: t, src: b.src, links: b.links}) AS level
  RETURN [i IN range(0, size(level) - 1) | {n: level[i].n, src: level[i].src, links: level[i].links, o: i}] AS next
}
WITH d, entries, levels + [next] AS levels, seen + [x IN next | x.n] AS seen, next AS prev
CALL (d, prev, seen) {
  WITH d, prev, seen
  WHERE {{maxHops}} >= 4 AND $maxHops >= 4
  UNWIND prev AS f
  WITH d, seen, f, f.n AS u
  MATCH (u)-[l:CONNECTS_TO]->(t:System)
  WHERE l.from <= d AND (l.to IS NULL OR l.to >= d) AND NOT t IN seen
  WITH t, f, l
  ORDER BY f.o, l.id
  WITH t, head(collect({src: f.src, links: f.links + l, po: f.o, lid: l.id})) AS b
  ORDER BY b.po, b.lid
  WITH collect({n: t, src: b.src, links: b.links}) AS level
  RETURN [i IN range(0, size(level) - 1) | {n: level[i].n, src: level[i].src, links: level[i].links, o: i}] AS next
}
WITH d, entries, levels + [next] AS levels, seen + [x IN next | x.n] AS seen, next AS prev
CALL (d, prev, seen) {
  WITH d, prev, seen
  WHERE {{maxHops}} >= 5 AND $maxHops >= 5
  UNWIND prev AS f
  WITH d, seen, f, f.n AS u
  MATCH (u)-[l:CONNECTS_TO]->(t:System)
  WHERE l.from <= d AND (l.to IS NULL OR l.to >= d) AND NOT t IN seen
  WITH t, f, l
  ORDER BY f.o, l.id
  WITH t, head(collect({src: f.src, links: f.links + l, po: f.o, lid: l.id})) AS b
  ORDER BY b.po, b.lid
  WITH collect({n: t, src: b.src, links: b.links}) AS level
  RETURN [i IN range(0, size(level) - 1) | {n: level[i].n, src: level[i].src, links: level[i].links, o: i}] AS next
}
WITH d, entries, levels + [next] AS levels, seen + [x IN next | x.n] AS seen, next AS prev
CALL (d, prev, seen) {
  WITH d, prev, seen
  WHERE {{maxHops}} >= 6 AND $maxHops >= 6
  UNWIND prev AS f
  WITH d, seen, f, f.n AS u
  MATCH (u)-[l:CONNECTS_TO]->(t:System)
  WHERE l.from <= d AND (l.to IS NULL OR l.to >= d) AND NOT t IN seen
  WITH t, f, l
  ORDER BY f.o, l.id
  WITH t, head(collect({src: f.src, links: f.links + l, po: f.o, lid: l.id})) AS b
  ORDER BY b.po, b.lid
  WITH collect({n: t, src: b.src, links: b.links}) AS level
  RETURN [i IN range(0, size(level) - 1) | {n: level[i].n, src: level[i].src, links: level[i].links, o: i}] AS next
}
WITH d, entries, levels + [next] AS levels, seen + [x IN next | x.n] AS seen, next AS prev
WITH d, entries, levels,
  COLLECT {
    MATCH (s:System)-[m:PART_OF]->(c:CriticalInfrastructure)
    WHERE m.from <= d AND (m.to IS NULL OR m.to >= d)
    RETURN DISTINCT s
  } AS ciiMembers
UNWIND range(0, size(levels) - 1) AS hops
UNWIND levels[hops] AS r
WITH d, entries, ciiMembers, r.n AS t, hops, r.src AS src, r.links AS links
MATCH (o:Operator)-[:OPERATES]->(t)
WHERE $scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds
WITH d, entries, t, o, hops, src, links,
  CASE WHEN t IN ciiMembers THEN COLLECT {
    WITH t, d
    MATCH (t)-[m:PART_OF]->(c:CriticalInfrastructure)
    WHERE m.from <= d AND (m.to IS NULL OR m.to >= d)
    RETURN coalesce(c.sectorCode, '') AS sector ORDER BY sector
  } ELSE [] END AS ciiSectors
WITH entries, t, hops, src, links, ciiSectors, toString(hops) + t.name AS sortKey, o.sectorCode AS operatorSector, o.divisionCode AS divisionCode
ORDER BY sortKey, t.id
WITH entries, collect({
  id: t.id, sortKey: sortKey, hops: hops, src: src, links: links,
  isCii: size(ciiSectors) > 0, sectorCode: coalesce(nullif(head(ciiSectors), ''), operatorSector),
  level: t.protectionLevel, divisionCode: divisionCode, remote: entries[src].entry.remote
}) AS rows
WITH entries, rows, [r IN rows WHERE $afterKey IS NULL OR r.sortKey > $afterKey OR (r.sortKey = $afterKey AND r.id > $afterId)][0..$limit] AS pageRows
CALL (rows) {
  UNWIND rows AS r
  WITH r.sectorCode AS key, count(*) AS n
  ORDER BY key
  RETURN collect({key: key, count: n}) AS bySector
}
CALL (rows) {
  UNWIND rows AS r
  WITH toString(toInteger(r.level)) AS key, count(*) AS n
  ORDER BY key
  RETURN collect({key: key, count: n}) AS byLevel
}
CALL (rows) {
  UNWIND rows AS r
  WITH r.divisionCode AS key, count(*) AS n
  ORDER BY key
  RETURN collect({key: key, count: n}) AS byDivision
}
RETURN
  {
    systems: size(rows),
    ciiSystems: size([r IN rows WHERE r.isCii]),
    levelThreeOrAbove: size([r IN rows WHERE r.level >= 3]),
    remoteEntries: size([r IN rows WHERE r.remote]),
    bySector: bySector,
    byLevel: byLevel,
    byDivision: byDivision
  } AS summary,
  [r IN pageRows | {
    id: r.id, sortKey: r.sortKey, hops: r.hops, rank: entries[r.src].entry.rank, remote: r.remote,
    isCii: r.isCii, sectorCode: r.sectorCode,
    path: [p IN [{ns: entries[r.src].entry.ns + [x IN r.links | endNode(x)], rs: entries[r.src].entry.rs + r.links}] |
      [i IN range(0, size(p.rs) - 1) | {
        kind: type(p.rs[i]),
        fromType: head(labels(p.ns[i])), fromId: p.ns[i].id,
        toType: head(labels(p.ns[i + 1])), toId: p.ns[i + 1].id,
        reversed: elementId(startNode(p.rs[i])) <> elementId(p.ns[i]),
        validFrom: p.rs[i].from, validTo: p.rs[i].to,
        relKind: p.rs[i].kind, remote: p.rs[i].remote, protocol: p.rs[i].protocol, port: p.rs[i].port
      }]][0]
  }] AS page
