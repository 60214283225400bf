// The latest earlier scan of the same scope (source, jurisdiction, label), with the endpoints it observed.
// @mode read
// @param scopeKey: string
MATCH (sc:Scan {scopeKey: $scopeKey})
WITH sc ORDER BY sc.importedAt DESC, sc.id DESC LIMIT 1
OPTIONAL MATCH (sc)-[:OBSERVED]->(e:Exposure)
RETURN sc {.*} AS scan, collect(e.ipKey + '|' + toString(e.port) + '|' + e.protocol) AS endpoints
