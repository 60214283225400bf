// Address declarations (AddressBlock) matched by an index seek on their start key; scans (Scan) of exposure imports; SBOM product keys.
CREATE CONSTRAINT address_block_id IF NOT EXISTS FOR (n:AddressBlock) REQUIRE n.id IS UNIQUE;
CREATE RANGE INDEX address_block_start_key IF NOT EXISTS FOR (n:AddressBlock) ON (n.startKey);
CREATE CONSTRAINT scan_id IF NOT EXISTS FOR (n:Scan) REQUIRE n.id IS UNIQUE;
CREATE INDEX scan_scope_key IF NOT EXISTS FOR (n:Scan) ON (n.scopeKey);
CREATE INDEX product_sbom_key IF NOT EXISTS FOR (n:Product) ON (n.sbomKey);
