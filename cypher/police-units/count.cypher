// How many police units are registered.
// @mode read
MATCH (p:PoliceUnit)
RETURN count(p) AS total
