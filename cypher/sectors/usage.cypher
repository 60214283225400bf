// How many operators and CII designations are in a sector (all of them: an integrity check, not a listing).
// @mode read
// @param id: string
MATCH (s:Sector {id: $id})
RETURN COUNT { MATCH (o:Operator) WHERE o.sectorCode = s.code } AS operators,
  COUNT { MATCH (c:CriticalInfrastructure) WHERE c.sectorCode = s.code } AS criticalInfrastructures
