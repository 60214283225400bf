// Compliance inputs: procurements of CII systems and their national-security reviews (网络安全审查, CII-8).
CREATE CONSTRAINT procurement_id IF NOT EXISTS FOR (n:Procurement) REQUIRE n.id IS UNIQUE;
CREATE INDEX procurement_purchased_on IF NOT EXISTS FOR (n:Procurement) ON (n.purchasedOn);
