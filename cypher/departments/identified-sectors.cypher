// The sector codes of the CII designations a department identified (all of them: an integrity check, not a listing).
// @mode read
// @param id: string
MATCH (:ProtectionDepartment {id: $id})-[:IDENTIFIED]->(c:CriticalInfrastructure)
RETURN c.sectorCode AS sectorCode, count(c) AS designations
ORDER BY sectorCode
