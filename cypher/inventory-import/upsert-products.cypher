// Imports a batch of products (网络产品) keyed by (supplying vendor USCC, name, version), each with its supply (SUPPLIES, keyed by its start) and optionally its use by a system (USES, keyed by system and start); rows run one after the other so that rows of one product share it. Counts rows that created something, changed something, or nothing.
// @mode write
// @param rows: { id: string; vendorUscc: string; version: string | null; product: Record<string, unknown>; supply: Record<string, unknown>; operatorUscc: string | null; systemName: string | null; use: Record<string, unknown> | null; productId: string; useId: string }[]
UNWIND $rows AS row
CALL (row) {
  MATCH (v:Vendor {uscc: row.vendorUscc})
  OPTIONAL MATCH (v)-[:SUPPLIES]->(candidate:Product {name: row.product.name})
  WHERE coalesce(candidate.version, '') = coalesce(row.version, '')
  WITH row, v, head(collect(candidate)) AS found
  CALL (row, found) {
    WITH row, found
    WHERE found IS NULL
    CREATE (created:Product {id: row.productId})
    RETURN created AS p
    UNION
    WITH row, found
    WHERE found IS NOT NULL
    RETURN found AS p
  }
  WITH row, v, p, found IS NULL AS productNew, properties(p) AS before
  WITH row, v, p, productNew, any(k IN keys(row.product) WHERE coalesce(before[k] <> row.product[k], (before[k] IS NULL) <> (row.product[k] IS NULL))) AS productChanged
  FOREACH (_ IN CASE WHEN productChanged THEN [1] ELSE [] END | SET p += row.product)
  WITH row, v, p, productNew, productChanged
  OPTIONAL MATCH (v)-[existingSupply:SUPPLIES {from: row.supply.from}]->(p)
  WITH row, v, p, productNew, productChanged, head(collect(existingSupply)) AS supply
  WITH row, v, p, productNew, productChanged, supply, supply IS NULL AS supplyNew, properties(supply) AS supplyBefore
  WITH row, v, p, productNew, productChanged, supply, supplyNew, NOT supplyNew AND any(k IN keys(row.supply) WHERE coalesce(supplyBefore[k] <> row.supply[k], (supplyBefore[k] IS NULL) <> (row.supply[k] IS NULL))) AS supplyChanged
  FOREACH (_ IN CASE WHEN supplyNew THEN [1] ELSE [] END | CREATE (v)-[r:SUPPLIES]->(p) SET r = row.supply, r.id = row.id)
  FOREACH (_ IN CASE WHEN supplyChanged THEN [1] ELSE [] END | SET supply += row.supply)
  WITH row, p, productNew, productChanged, supplyNew, supplyChanged
  OPTIONAL MATCH (:Operator {uscc: row.operatorUscc})-[:OPERATES]->(candidateSystem:System {name: row.systemName})
  WITH row, p, productNew, productChanged, supplyNew, supplyChanged, head(collect(candidateSystem)) AS s
  OPTIONAL MATCH (s)-[existingUse:USES {from: row.use.from}]->(p)
  WITH row, p, productNew, productChanged, supplyNew, supplyChanged, s, head(collect(existingUse)) AS use
  WITH row, p, productNew, productChanged, supplyNew, supplyChanged, s, use, s IS NOT NULL AND use IS NULL AS useNew, properties(use) AS useBefore
  WITH row, p, productNew, productChanged, supplyNew, supplyChanged, s, use, useNew, use IS NOT NULL AND any(k IN keys(row.use) WHERE coalesce(useBefore[k] <> row.use[k], (useBefore[k] IS NULL) <> (row.use[k] IS NULL))) AS useChanged
  FOREACH (_ IN CASE WHEN useNew THEN [1] ELSE [] END | CREATE (s)-[r:USES]->(p) SET r = row.use, r.id = row.useId)
  FOREACH (_ IN CASE WHEN useChanged THEN [1] ELSE [] END | SET use += row.use)
  RETURN productNew OR supplyNew OR useNew AS isNew, productChanged OR supplyChanged OR useChanged AS changed
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed AND NOT isNew THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN isNew OR changed THEN 0 ELSE 1 END) AS unchanged
