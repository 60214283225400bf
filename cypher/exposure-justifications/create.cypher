// Records a justification (暴露面说明, CII-5) of an internet exposure: (e)-[:JUSTIFIED_BY]->(j:ExposureJustification).
// @mode write
// @param exposureId: string
// @param props: Record<string, unknown>
MATCH (e:Exposure {id: $exposureId})
CREATE (e)-[:JUSTIFIED_BY]->(j:ExposureJustification)
SET j = $props
RETURN j {.*, exposureId: e.id} AS node
