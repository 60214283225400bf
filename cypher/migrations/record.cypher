// Records that a schema migration has been applied.
// @mode write
// @param version: number
// @param name: string
// @param checksum: string
MERGE (m:SchemaMigration {version: $version})
SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()
