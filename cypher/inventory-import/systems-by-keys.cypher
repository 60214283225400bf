// Systems named by natural key (operator USCC + system name), with the operator's division: the import's reference and jurisdiction check for relationships.
// @mode read
// @param keys: { operatorUscc: string; name: string }[]
UNWIND $keys AS key
MATCH (o:Operator {uscc: key.operatorUscc})-[:OPERATES]->(:System {name: key.name})
RETURN DISTINCT key.operatorUscc AS operatorUscc, key.name AS name, o.divisionCode AS divisionCode
