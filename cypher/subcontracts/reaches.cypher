// Whether the target vendor is reachable downstream from the start vendor through subcontracts in force today or later, within 10 hops (a new subcontract target → start would close a cycle).
// @mode read
// @param startId: string
// @param targetId: string
// @param today: string
MATCH (start:Vendor {id: $startId}), (target:Vendor {id: $targetId})
RETURN EXISTS {
  MATCH (start)-[rs:SUBCONTRACTS_TO*1..10]->(target)
  WHERE all(r IN rs WHERE r.to IS NULL OR r.to >= date($today))
} AS reaches
