// The protection level of system `s` on date `d` (the level on asOf): the level before the first
// LEVEL_CHANGE dated after `d` (its fromLevel), else the system's current level. Used as
// `{{@levelOnAsOf}}` by every compliance rule that depends on the level.
coalesce(COLLECT { MATCH (s)-[:HAS_CHANGE]->(c:ChangeFiling {kind: 'LEVEL_CHANGE'}) WHERE c.changedOn > d RETURN c.fromLevel ORDER BY c.changedOn, c.id LIMIT 1 }[0], s.protectionLevel)
