// Bench load: drops one index by name (a name read from SHOW INDEXES, passed as a parameter).
// @mode write
// @param name: string
DROP INDEX $name IF EXISTS
