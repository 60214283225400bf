// Records the endpoints a scan no longer saw that the previous scan of its scope had seen (MISSED, "gone").
// @mode write
// @param scanId: string
// @param previousId: string
// @param seen: readonly string[]
MATCH (sc:Scan {id: $scanId}), (prev:Scan {id: $previousId})
MATCH (prev)-[po:OBSERVED]->(e:Exposure)
WHERE NOT (e.ipKey + '|' + toString(e.port) + '|' + e.protocol) IN $seen
CREATE (sc)-[m:MISSED]->(e)
SET m.status = po.status, m.operatorId = po.operatorId
RETURN count(m) AS count
