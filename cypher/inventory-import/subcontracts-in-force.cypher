// Subcontracts (SUBCONTRACTS_TO) in force on $today or later, as vendor USCC pairs: the import's cycle check for subcontracting.
// @mode read
// @param today: string
MATCH (c:Vendor)-[r:SUBCONTRACTS_TO]->(s:Vendor)
WHERE r.to IS NULL OR r.to >= date($today)
RETURN DISTINCT c.uscc AS contractorUscc, s.uscc AS subcontractorUscc
