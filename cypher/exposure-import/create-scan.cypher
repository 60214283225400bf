// Records an exposure import (Scan).
// @mode write
// @param props: Record<string, unknown>
CREATE (sc:Scan)
SET sc = $props, sc.importedAt = datetime()
RETURN sc {.*} AS scan
