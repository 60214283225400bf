// Vendors already registered under these USCCs: the import's reference check.
// @mode read
// @param usccs: string[]
UNWIND $usccs AS uscc
MATCH (v:Vendor {uscc: uscc})
RETURN v.uscc AS uscc
