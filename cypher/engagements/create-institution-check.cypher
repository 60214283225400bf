// Records a background check of an assessment institution (测评机构背景审查, ASM-6): (v)-[:HAS_INSTITUTION_CHECK]->(c:InstitutionCheck).
// @mode write
// @param vendorId: string
// @param props: Record<string, unknown>
MATCH (v:Vendor {id: $vendorId})
CREATE (v)-[:HAS_INSTITUTION_CHECK]->(c:InstitutionCheck)
SET c = $props
RETURN c {.*, vendorId: v.id} AS node
