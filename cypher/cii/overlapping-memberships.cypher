// Memberships of a system in a CII whose validity window overlaps [from, to] (to null = open-ended).
// @mode read
// @param systemId: string
// @param ciiId: string
// @param from: string
// @param to: string | null
MATCH (:System {id: $systemId})-[r:PART_OF]->(:CriticalInfrastructure {id: $ciiId})
WHERE r.from <= coalesce(date($to), date('9999-12-31')) AND (r.to IS NULL OR r.to >= date($from))
RETURN r.id AS id
