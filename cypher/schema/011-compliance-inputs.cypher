// Compliance inputs: procurements of CII systems and their national-security reviews (网络安全审查, CII-8).
CREATE CONSTRAINT procurement_id IF NOT EXISTS FOR (n:Procurement) REQUIRE n.id IS UNIQUE;
CREATE INDEX procurement_purchased_on IF NOT EXISTS FOR (n:Procurement) ON (n.purchasedOn);
// Security incidents of systems and their reports to the filing police (网络安全事件报告, INC-1).
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE;
CREATE INDEX incident_discovered_at IF NOT EXISTS FOR (n:Incident) ON (n.discoveredAt);
// Data stored abroad and cross-border transfers of CII systems with their security assessments (数据出境安全评估, CII-7).
CREATE CONSTRAINT data_transfer_id IF NOT EXISTS FOR (n:DataTransfer) REQUIRE n.id IS UNIQUE;
// Expert review and competent-department approval of a system's grading (专家评审/核准, GRD-2, GRD-3).
CREATE CONSTRAINT grading_review_id IF NOT EXISTS FOR (n:GradingReview) REQUIRE n.id IS UNIQUE;
// Emergency drills of systems (应急演练, DRL-1).
CREATE CONSTRAINT drill_id IF NOT EXISTS FOR (n:Drill) REQUIRE n.id IS UNIQUE;
