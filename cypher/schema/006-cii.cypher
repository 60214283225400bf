// Indexes behind the CII, department and police-unit listings.
CREATE INDEX cii_name IF NOT EXISTS FOR (n:CriticalInfrastructure) ON (n.name);
CREATE INDEX police_unit_name IF NOT EXISTS FOR (n:PoliceUnit) ON (n.name);
CREATE INDEX part_of_from IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.from);
