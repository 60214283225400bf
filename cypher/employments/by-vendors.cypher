// Employments at each vendor (valid on $activeOn when given), by start date.
// @mode read
// @param parentIds: readonly string[]
// @param activeOn: string | null
UNWIND $parentIds AS parentId
MATCH (p:Person)-[w:WORKS_FOR]->(e:Vendor {id: parentId})
WHERE ($activeOn IS NULL OR (w.from <= date($activeOn) AND (w.to IS NULL OR w.to >= date($activeOn))))
WITH parentId, p, w, e
ORDER BY w.from, w.id
RETURN parentId, collect(w {.*, personId: p.id, employerId: e.id, employerKind: CASE WHEN e:Vendor THEN 'VENDOR' ELSE 'OPERATOR' END}) AS rows
