// Every sector code (a small reference list): the import checks sector columns against it.
// @mode read
MATCH (s:Sector)
RETURN s.code AS code
