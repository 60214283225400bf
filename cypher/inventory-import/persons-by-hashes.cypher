// Persons registered under these resident-ID hashes: the import's reference check for background checks.
// @mode read
// @param hashes: string[]
UNWIND $hashes AS hash
MATCH (p:Person {residentIdHash: hash})
RETURN p.residentIdHash AS hash
