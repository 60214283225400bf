// Registers a police unit (公安机关) of a division.
// @mode write
// @param props: Record<string, unknown>
CREATE (p:PoliceUnit)
SET p = $props
RETURN p {.*} AS node
