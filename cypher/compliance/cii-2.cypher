// CII-2 facts: operators in scope that operate a system part of a CII on $asOf (关基运营者) whose dedicated security management body (专门安全管理机构, Operator.securityBody) or responsible head (负责人, Operator.securityHead) is not recorded (null or blank). Subject = the operator; facts name the body and whether a head is recorded (never the head's name: personal data). The body counts from Operator.securityBodyEstablishedOn (机构设立日期) when recorded: before that date there was no body; without the date the body is taken as always there (name and head are the current record). Scope as in grd-1 (system/vendor targets: operators of those systems).
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
  AND EXISTS { (s)-[m:PART_OF]->(:CriticalInfrastructure) WHERE m.from <= d AND (m.to IS NULL OR m.to >= d) }
WITH DISTINCT o, d
WHERE trim(coalesce(o.securityBody, '')) = '' OR trim(coalesce(o.securityHead, '')) = ''
  OR coalesce(o.securityBodyEstablishedOn > d, false)
RETURN 'Operator' AS subjectType, o.id AS subjectId, o.name AS subjectName, null AS systemId, o.id AS operatorId, o.name AS operatorName, o.divisionCode AS divisionCode, o.sectorCode AS sectorCode,
  {securityBody: CASE WHEN coalesce(o.securityBodyEstablishedOn > d, false) THEN null ELSE o.securityBody END,
   securityBodyEstablishedOn: o.securityBodyEstablishedOn,
   securityHeadRecorded: trim(coalesce(o.securityHead, '')) <> ''} AS facts
ORDER BY o.id
LIMIT $limit
