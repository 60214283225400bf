// Exposures already recorded at the given endpoints, with the system each is linked to and that system's operator.
// @mode read
// @param endpoints: readonly { ip: string; port: number; protocol: string }[]
UNWIND $endpoints AS ep
MATCH (e:Exposure {ip: ep.ip, port: ep.port, protocol: ep.protocol})
OPTIONAL MATCH (e)-[:EXPOSES]->(s:System)
OPTIONAL MATCH (o:Operator)-[:OPERATES]->(s)
RETURN e {.*, systemId: s.id, operatorId: o.id, divisionCode: o.divisionCode, sectorCode: o.sectorCode} AS node
