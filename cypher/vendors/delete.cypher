// Deletes a vendor that has never served a system (any SERVES, ended ones included, keeps it); its subcontracts, supplies and employments go with it.
// @mode write
// @param id: string
MATCH (v:Vendor {id: $id})
OPTIONAL MATCH (v)-[r:SERVES]->(:System)
WITH v, count(r) AS services
CALL (v, services) {
  WITH v WHERE services = 0
  DETACH DELETE v
}
RETURN services
