// For each address key, the declared blocks containing it: seeks on the block start keys of every prefix of the
// address (given as $rows[].starts), then keeps the blocks whose range holds it. Answers the owner and its operator.
// @mode read
// @param rows: readonly { key: string; starts: string[] }[]
UNWIND $rows AS row
UNWIND row.starts AS start
MATCH (b:AddressBlock {startKey: start})
WHERE b.endKey >= row.key
MATCH (owner)-[:DECLARES]->(b)
OPTIONAL MATCH (op:Operator)-[:OPERATES]->(owner)
WITH row, b, owner, CASE WHEN owner:Operator THEN owner ELSE op END AS o
RETURN row.key AS key, b.id AS blockId, b.prefix AS prefix, owner.id AS ownerId,
       CASE WHEN owner:System THEN 'System' ELSE 'Operator' END AS ownerKind,
       o.id AS operatorId, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode
