// Registered CII memberships (PART_OF) of the named systems in the named designations whose window overlaps the given one but starts on another day (a membership with the same start is the one the row updates).
// @mode read
// @param keys: { ciiName: string; operatorUscc: string; systemName: string; from: string; to: string | null }[]
UNWIND $keys AS key
MATCH (:Operator {uscc: key.operatorUscc})-[:OPERATES]->(:System {name: key.systemName})-[x:PART_OF]->(:CriticalInfrastructure {name: key.ciiName})
WHERE x.from <> date(key.from)
  AND x.from <= coalesce(date(key.to), date('9999-12-31'))
  AND (x.to IS NULL OR x.to >= date(key.from))
RETURN key.ciiName AS ciiName, key.operatorUscc AS operatorUscc, key.systemName AS systemName, key.from AS from, toString(x.from) AS otherFrom
