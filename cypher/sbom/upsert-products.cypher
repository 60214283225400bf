// Records the components of an SBOM as products, idempotent on their SBOM key (purl, else name@version); answers each product id and whether it was created.
// @mode write
// @param rows: readonly { key: string; id: string; props: Record<string, unknown> }[]
UNWIND $rows AS row
MERGE (p:Product {sbomKey: row.key})
ON CREATE SET p += row.props, p.id = row.id
RETURN row.key AS key, p.id AS id, p.id = row.id AS created
