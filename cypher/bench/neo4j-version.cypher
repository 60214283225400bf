// Bench: the server's product name, version and edition (for the results' machine section).
// @mode read
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
