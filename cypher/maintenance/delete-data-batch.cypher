// Deletes up to $batch data nodes (everything but the migration records); run until it returns 0.
// @mode write
// @param batch: number
MATCH (n)
WHERE NOT n:SchemaMigration
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
