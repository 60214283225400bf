// Every vendor's id, name and USCC, for matching SBOM suppliers by normalised name or USCC.
// @mode read
MATCH (v:Vendor)
RETURN v.id AS id, v.name AS name, v.uscc AS uscc
