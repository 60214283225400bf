// Records that a person works for a vendor (labels cannot be parameters: one statement per employer label).
// @mode write
// @param personId: string
// @param employerId: string
// @param props: Record<string, unknown>
MATCH (p:Person {id: $personId})
MATCH (e:Vendor {id: $employerId})
CREATE (p)-[w:WORKS_FOR]->(e)
SET w = $props
RETURN w {.*, personId: p.id, employerId: e.id, employerKind: CASE WHEN e:Vendor THEN 'VENDOR' ELSE 'OPERATOR' END} AS node
