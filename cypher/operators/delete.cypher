// Deletes an operator that operates no system (a registry keeps systems' history).
// @mode write
// @param id: string
MATCH (o:Operator {id: $id})
OPTIONAL MATCH (o)-[:OPERATES]->(s:System)
WITH o, count(s) AS systems
CALL (o, systems) {
  WITH o WHERE systems = 0
  DETACH DELETE o
}
RETURN systems
