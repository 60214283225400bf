// Bench load: node indexes and constraints the load does not look nodes up by (everything but the `*_id` keys, the sector code and the migration record), to drop before a bulk load and rebuild after it.
// @mode read
SHOW INDEXES YIELD name, type, entityType, owningConstraint
WHERE type <> 'LOOKUP' AND entityType = 'NODE'
  AND NOT (name ENDS WITH '_id' AND owningConstraint IS NOT NULL)
  AND NOT name IN ['sector_code', 'migration_version']
RETURN name, owningConstraint IS NOT NULL AS isConstraint
ORDER BY name
