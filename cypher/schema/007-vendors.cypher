// Indexes behind the product filters and the window checks of subcontracting, supply and use.
CREATE INDEX product_name IF NOT EXISTS FOR (n:Product) ON (n.name);
CREATE INDEX product_certification IF NOT EXISTS FOR (n:Product) ON (n.certification);
CREATE INDEX subcontracts_to_to IF NOT EXISTS FOR ()-[r:SUBCONTRACTS_TO]-() ON (r.to);
CREATE INDEX serves_to IF NOT EXISTS FOR ()-[r:SERVES]-() ON (r.to);
