// Indexes behind the filters users apply and the validity-window checks of traversals.
CREATE INDEX operator_division IF NOT EXISTS FOR (n:Operator) ON (n.divisionCode);
CREATE INDEX operator_sector IF NOT EXISTS FOR (n:Operator) ON (n.sectorCode);
CREATE INDEX operator_name IF NOT EXISTS FOR (n:Operator) ON (n.name);
CREATE INDEX system_level IF NOT EXISTS FOR (n:System) ON (n.protectionLevel);
CREATE INDEX system_status IF NOT EXISTS FOR (n:System) ON (n.status);
CREATE INDEX system_name IF NOT EXISTS FOR (n:System) ON (n.name);
CREATE INDEX vendor_registration IF NOT EXISTS FOR (n:Vendor) ON (n.registrationStatus);
CREATE INDEX vendor_name IF NOT EXISTS FOR (n:Vendor) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX exposure_port IF NOT EXISTS FOR (n:Exposure) ON (n.port);
CREATE INDEX exposure_domain IF NOT EXISTS FOR (n:Exposure) ON (n.domain);
CREATE INDEX cii_sector IF NOT EXISTS FOR (n:CriticalInfrastructure) ON (n.sectorCode);
CREATE INDEX serves_kind IF NOT EXISTS FOR ()-[r:SERVES]-() ON (r.kind);
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:SchemaMigration) REQUIRE n.version IS UNIQUE;
