// Deletes a product that no vendor has supplied and no system has used (history included).
// @mode write
// @param id: string
MATCH (p:Product {id: $id})
OPTIONAL MATCH (p)-[r:SUPPLIES|USES]-()
WITH p, count(r) AS links
CALL (p, links) {
  WITH p WHERE links = 0
  DETACH DELETE p
}
RETURN links
