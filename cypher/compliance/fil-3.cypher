// FIL-3 facts (police SLA): systems in scope, not decommissioned on $asOf, whose filing the police accepted (受理, System.filingAcceptedOn) on or before asOf, with the filing certificate (备案证明) issue date when issued on or before asOf (null otherwise); the certificate is due by WD(filingAcceptedOn, 10). Scope as in grd-1.
// @mode read
// @param scope: Scope
// @param target: Record<string, unknown>
// @param asOf: string
// @param limit: number
MATCH (o:Operator)-[:OPERATES]->(s:System)
WITH o, s, date($asOf) AS d
WHERE ($scope.all OR o.divisionCode IN $scope.divisionCodes OR o.sectorCode IN $scope.sectorCodes OR o.id IN $scope.operatorIds)
  AND ($target.divisionCode IS NULL OR o.divisionCode = $target.divisionCode)
  AND ($target.sectorCode IS NULL OR o.sectorCode = $target.sectorCode)
  AND ($target.operatorId IS NULL OR o.id = $target.operatorId)
  AND ($target.systemId IS NULL OR s.id = $target.systemId)
  AND ($target.vendorId IS NULL OR EXISTS { (:Vendor {id: $target.vendorId})-[r:SERVES]->(s) WHERE r.from <= d AND (r.to IS NULL OR r.to >= d) })
  AND coalesce(s.filingAcceptedOn <= d, false) AND NOT coalesce(s.decommissionedOn <= d, false)
RETURN 'System' AS subjectType, s.id AS subjectId, s.name AS subjectName, s.id AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {filedOn: s.filedOn, filingNumber: s.filingNumber, filingAcceptedOn: s.filingAcceptedOn,
   filingCertificateIssuedOn: CASE WHEN s.filingCertificateIssuedOn <= d THEN s.filingCertificateIssuedOn END} AS facts
ORDER BY s.id
LIMIT $limit
