// Restores a batch of relationships between restored nodes (by new element id; types checked against the allow-list before).
// @mode write
// @param rows: readonly { from: string; to: string; type: string; props: Record<string, unknown> }[]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS count
