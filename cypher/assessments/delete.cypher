// Deletes an assessment that has no findings (findings are deleted first, one by one).
// @mode write
// @param id: string
MATCH (a:Assessment {id: $id})
OPTIONAL MATCH (a)-[:FOUND]->(f:Finding)
WITH a, count(f) AS findings
CALL (a, findings) {
  WITH a WHERE findings = 0
  DETACH DELETE a
}
RETURN findings
