// Compliance model: supervised rectifications (挂牌督办, RCT-2).
CREATE CONSTRAINT supervised_rectification_id IF NOT EXISTS FOR (n:SupervisedRectification) REQUIRE n.id IS UNIQUE;
CREATE INDEX supervised_rectification_deadline IF NOT EXISTS FOR (n:SupervisedRectification) ON (n.deadline);
// Change and cancellation filings (变更/撤销备案, FIL-2).
CREATE CONSTRAINT change_filing_id IF NOT EXISTS FOR (n:ChangeFiling) REQUIRE n.id IS UNIQUE;
