/** Configurable parameters of the compliance checks (rules.md "configurable"), from the environment. */
import { type Env, envReader } from '../env.js';

export interface ComplianceConfig {
  /** FIL-1: working days from grading to filing (定级后 10 个工作日内备案). */
  filingWorkingDays: number;
  /** CRY-1: years between cryptography assessments (密评), default 1. */
  cryptoIntervalYears: number;
  /** CII-4: years between CII security tests/evaluations (关基安全检测评估), default 1. */
  ciiSecurityIntervalYears: number;
  /** DRL-1: years between emergency drills (应急演练) of level ≥ 3 and CII systems, default 1. */
  drillIntervalYears: number;
  /** INS-1: years between self-inspections (自查) of a live system or its operator, default 1. */
  selfInspectionIntervalYears: number;
  /** INC-1: hours from discovery to report for a major (重大/特别重大) incident of a CII system, default 1. */
  ciiMajorIncidentReportHours: number;
  /** INC-1: hours from discovery to report for other incidents of level 较大 and above, default 4. */
  incidentReportHours: number;
  /** Largest number of fact rows one rule statement may return for one request (memory bound). */
  maxRowsPerRule: number;
  /** Lifetime of a CSV download link. */
  exportLinkSeconds: number;
}

export const DEFAULT_COMPLIANCE_CONFIG: ComplianceConfig = {
  filingWorkingDays: 10,
  cryptoIntervalYears: 1,
  ciiSecurityIntervalYears: 1,
  ciiMajorIncidentReportHours: 1,
  drillIntervalYears: 1,
  selfInspectionIntervalYears: 1,
  incidentReportHours: 4,
  maxRowsPerRule: 50_000,
  exportLinkSeconds: 300,
};

/** Reads COMPLIANCE_* variables; a bad value is added to `problems`. */
export function loadComplianceConfig(env: Env, problems: string[]): ComplianceConfig {
  const { int } = envReader(env, problems);
  const d = DEFAULT_COMPLIANCE_CONFIG;
  return {
    filingWorkingDays: int('COMPLIANCE_FILING_WORKING_DAYS', d.filingWorkingDays, 1, 60),
    cryptoIntervalYears: int('COMPLIANCE_CRYPTO_INTERVAL_YEARS', d.cryptoIntervalYears, 1, 5),
    ciiSecurityIntervalYears: int('COMPLIANCE_CII_SECURITY_INTERVAL_YEARS', d.ciiSecurityIntervalYears, 1, 5),
    ciiMajorIncidentReportHours: int(
      'COMPLIANCE_CII_MAJOR_INCIDENT_REPORT_HOURS',
      d.ciiMajorIncidentReportHours,
      1,
      72,
    ),
    drillIntervalYears: int('COMPLIANCE_DRILL_INTERVAL_YEARS', d.drillIntervalYears, 1, 5),
    selfInspectionIntervalYears: int(
      'COMPLIANCE_SELF_INSPECTION_INTERVAL_YEARS',
      d.selfInspectionIntervalYears,
      1,
      5,
    ),
    incidentReportHours: int('COMPLIANCE_INCIDENT_REPORT_HOURS', d.incidentReportHours, 1, 72),
    maxRowsPerRule: int('COMPLIANCE_MAX_ROWS_PER_RULE', d.maxRowsPerRule, 100, 1_000_000),
    exportLinkSeconds: int('COMPLIANCE_EXPORT_LINK_SECONDS', d.exportLinkSeconds, 10, 3600),
  };
}
