// Every background check of each person, most recent first (checkedOn, then id, descending).
// @mode read
// @param parentIds: readonly string[]
UNWIND $parentIds AS parentId
MATCH (p:Person {id: parentId})-[:HAS_CHECK]->(c:BackgroundCheck)
WITH parentId, p, c
ORDER BY c.checkedOn DESC, c.id DESC
RETURN parentId, collect(c {.*, personId: p.id}) AS rows
