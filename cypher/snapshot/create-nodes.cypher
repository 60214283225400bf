// Restores a batch of nodes (labels checked against the model's allow-list before), answering their new element ids.
// @mode write
// @param rows: readonly { key: string; labels: string[]; props: Record<string, unknown> }[]
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
RETURN row.key AS key, elementId(n) AS element
