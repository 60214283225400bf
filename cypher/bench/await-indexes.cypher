// Bench load: waits until every index is online (populated), at most 10 minutes.
// @mode read
CALL db.awaitIndexes(600)
