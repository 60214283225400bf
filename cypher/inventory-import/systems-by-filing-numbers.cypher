// Systems holding these filing numbers (备案编号), with their natural key (operator USCC + name): a file must not give a filing number to another system.
// @mode read
// @param filingNumbers: string[]
UNWIND $filingNumbers AS filingNumber
MATCH (o:Operator)-[:OPERATES]->(s:System {filingNumber: filingNumber})
RETURN filingNumber, o.uscc AS operatorUscc, s.name AS name
