// Registers a person (resident ID only as keyed hash and masked form).
// @mode write
// @param props: Record<string, unknown>
CREATE (p:Person)
SET p = $props
RETURN p {.id, .name, .residentIdMasked} AS node
