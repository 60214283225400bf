// Range index on the fixed-width address key of internet exposures, so that a CIDR filter is an index range seek.
CREATE RANGE INDEX exposure_ip_key IF NOT EXISTS FOR (n:Exposure) ON (n.ipKey);
