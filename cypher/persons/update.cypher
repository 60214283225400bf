// Changes a person's name and/or resident ID (hash and masked form).
// @mode write
// @param id: string
// @param props: Record<string, unknown>
MATCH (p:Person {id: $id})
SET p += $props
RETURN p {.id, .name, .residentIdMasked} AS node
