// Bench load: drops one constraint by name (a name read from SHOW INDEXES, passed as a parameter).
// @mode write
// @param name: string
DROP CONSTRAINT $name IF EXISTS
