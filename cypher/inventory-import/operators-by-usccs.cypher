// Operators (网络运营者) already registered under these USCCs, with their division: the import's reference and jurisdiction check.
// @mode read
// @param usccs: string[]
UNWIND $usccs AS uscc
MATCH (o:Operator {uscc: uscc})
RETURN o.uscc AS uscc, o.divisionCode AS divisionCode
