/**
 * The graph model: labels, relationship types, enums and the shape of each node and relationship
 * as the repositories return them (dates as ISO `YYYY-MM-DD` strings, parsed at the boundary).
 * Labels and relationship types used anywhere in Cypher come from the allow-lists here.
 */

export const DIVISIONS = {
  '140500': { name: '晋城市', en: 'Jincheng (city level)' },
  '140502': { name: '城区', en: 'Chengqu District' },
  '140521': { name: '沁水县', en: 'Qinshui County' },
  '140522': { name: '阳城县', en: 'Yangcheng County' },
  '140524': { name: '陵川县', en: 'Lingchuan County' },
  '140525': { name: '泽州县', en: 'Zezhou County' },
  '140581': { name: '高平市', en: 'Gaoping (county-level city)' },
} as const;
export type DivisionCode = keyof typeof DIVISIONS;
export const DIVISION_CODES = Object.keys(DIVISIONS) as DivisionCode[];
/** The six county-level divisions (the city-level code excluded). */
export const COUNTY_DIVISION_CODES = DIVISION_CODES.filter((c) => c !== '140500');

export const SYSTEM_STATUSES = ['PLANNED', 'UNDER_CONSTRUCTION', 'LIVE', 'DECOMMISSIONED'] as const;
export type SystemStatus = (typeof SYSTEM_STATUSES)[number];

export const SERVICE_KINDS = [
  'DESIGN',
  'CONSTRUCTION',
  'OPERATIONS',
  'REMOTE_OPERATIONS',
  'TECHNICAL_SERVICE',
  'MONITORING',
  'LEVEL_ASSESSMENT',
  'CRYPTO_ASSESSMENT',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const REGISTRATION_STATUSES = ['REGISTERED', 'PENDING', 'UNREGISTERED', 'REVOKED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const CHECK_STATUSES = ['PASSED', 'FAILED', 'PENDING'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const ACCESS_KINDS = ['ONSITE', 'REMOTE', 'PRIVILEGED'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export const ASSESSMENT_KINDS = ['LEVEL', 'CRYPTO', 'CII_SECURITY'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export const CONCLUSIONS = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export const FINDING_SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_STATUSES = ['OPEN', 'RECTIFIED', 'ACCEPTED'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const PROTOCOLS = ['tcp', 'udp'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const EMPLOYER_KINDS = ['VENDOR', 'OPERATOR'] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];

/** Node labels, one per entity. */
export const LABELS = [
  'Sector',
  'ProtectionDepartment',
  'PoliceUnit',
  'Operator',
  'System',
  'CriticalInfrastructure',
  'Vendor',
  'Person',
  'BackgroundCheck',
  'Product',
  'Exposure',
  'Assessment',
  'Finding',
  // Compliance inputs (issue #5, part 2): disaster backups of CII systems (CII-6).
  'DisasterBackup',
  // Background checks of assessment institutions (ASM-6).
  'InstitutionCheck',
  // Compliance checks MON-1, MON-2, INS-1, CII-5 (issue #5).
  'MonitoringRegistration',
  'InternetEgress',
  'MonitoringDevice',
  'SelfInspection',
  'ExposureJustification',
] as const;
export type Label = (typeof LABELS)[number];

/** Relationship types. Those with validity windows carry `id`, `from`, `to`. */
export const RELATIONSHIP_TYPES = [
  'RESPONSIBLE_FOR',
  'OPERATES',
  'IN_SECTOR',
  'PART_OF',
  'IDENTIFIED',
  'SERVES',
  'SUBCONTRACTS_TO',
  'WORKS_FOR',
  'HAS_ACCESS',
  'HAS_CHECK',
  'SUPPLIES',
  'USES',
  'CONNECTS_TO',
  'EXPOSES',
  'ASSESSES',
  'PERFORMED',
  'FOUND',
  // Compliance inputs (issue #5, part 2): a system's disaster backups (CII-6), the assessors on an assessment (ASM-6).
  'HAS_BACKUP',
  'ASSESSOR_ON',
  'HAS_INSTITUTION_CHECK',
  // Compliance checks MON-1, MON-2, INS-1, CII-5 (issue #5).
  'HAS_MONITORING_REGISTRATION',
  'REGISTERS_VENDOR',
  'HAS_EGRESS',
  'MONITORED_BY',
  'HAD_SELF_INSPECTION',
  'JUSTIFIED_BY',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export interface SectorRecord {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

export interface ProtectionDepartmentRecord {
  id: string;
  name: string;
  divisionCode: DivisionCode;
}

export interface PoliceUnitRecord {
  id: string;
  name: string;
  divisionCode: DivisionCode;
}

export interface OperatorRecord {
  id: string;
  uscc: string;
  name: string;
  divisionCode: DivisionCode;
  inDevelopmentZone: boolean;
  sectorCode: string | null;
  competentDepartment: string | null;
  securityBody: string | null;
  securityHead: string | null;
  /** When the security body was set up (null = not recorded: taken as always there). */
  securityBodyEstablishedOn: string | null;
  contactPhone: string | null;
}

export interface SystemRecord {
  id: string;
  name: string;
  operatorId: string;
  filingNumber: string | null;
  protectionLevel: number | null;
  businessInfoLevel: number | null;
  systemServiceLevel: number | null;
  status: SystemStatus;
  levelDeterminedOn: string | null;
  filedOn: string | null;
  liveOn: string | null;
  decommissionedOn: string | null;
  description: string | null;
  /** FIL-3: the police accepted the filing (受理) on; absent/null = not recorded. */
  filingAcceptedOn?: string | null;
  /** FIL-3: the police issued the filing certificate (备案证明) on; absent/null = not recorded. */
  filingCertificateIssuedOn?: string | null;
}

export interface CriticalInfrastructureRecord {
  id: string;
  name: string;
  sectorCode: string;
  departmentId: string;
  identifiedOn: string;
  operatorNotifiedOn: string | null;
  policeNotifiedOn: string | null;
}

export interface VendorRecord {
  id: string;
  uscc: string;
  name: string;
  registrationStatus: RegistrationStatus;
  registeredOn: string | null;
  registrationNumber: string | null;
}

export interface PersonRecord {
  id: string;
  name: string;
  residentIdMasked: string;
}

export interface BackgroundCheckRecord {
  id: string;
  personId: string;
  status: CheckStatus;
  checkedOn: string;
  expiresOn: string | null;
  checkedBy: string;
}

export interface ProductRecord {
  id: string;
  name: string;
  version: string | null;
  category: string | null;
  certification: string | null;
}

export interface ExposureRecord {
  id: string;
  ip: string;
  port: number;
  protocol: Protocol;
  domain: string | null;
  service: string | null;
  firstSeen: string;
  lastSeen: string;
  /** Page title and banner reported by a search-engine import (absent otherwise). */
  title?: string | null;
  banner?: string | null;
}

export interface AssessmentRecord {
  id: string;
  kind: AssessmentKind;
  on: string;
  conclusion: Conclusion | null;
  score: number | null;
  systemId: string;
  vendorId: string | null;
  /** ASM-4: report submitted to the police (报送公安机关) on; absent/null = not recorded. */
  reportSubmittedToPoliceOn?: string | null;
  /** ASM-4: report submitted to the competent department (报送行业主管部门) on. */
  reportSubmittedToDepartmentOn?: string | null;
  /** ASM-5: confidentiality agreement with the institution (保密协议) signed on. */
  confidentialityAgreementSignedOn?: string | null;
}

export interface FindingRecord {
  id: string;
  assessmentId: string;
  title: string;
  severity: FindingSeverity;
  dueOn: string | null;
  status: FindingStatus;
  closedOn: string | null;
}

/** A relationship with a validity window; `to` null means still in force. */
export interface WindowedRecord {
  id: string;
  from: string;
  to: string | null;
}

export interface ServiceRecord extends WindowedRecord {
  vendorId: string;
  systemId: string;
  kind: ServiceKind;
  remote: boolean;
  remoteEvaluatedOn: string | null;
  contractRef: string | null;
}

export interface SubcontractRecord extends WindowedRecord {
  contractorId: string;
  subcontractorId: string;
}

export interface EmploymentRecord extends WindowedRecord {
  personId: string;
  employerId: string;
  employerKind: EmployerKind;
  keyPosition: boolean;
  role: string | null;
}

export interface AccessRecord extends WindowedRecord {
  personId: string;
  systemId: string;
  kind: AccessKind;
}

export interface SupplyRecord extends WindowedRecord {
  vendorId: string;
  productId: string;
}

export interface ProductUseRecord extends WindowedRecord {
  systemId: string;
  productId: string;
}

export interface LinkRecord extends WindowedRecord {
  fromSystemId: string;
  toSystemId: string;
  protocol: Protocol;
  port: number | null;
}

export interface MembershipRecord extends WindowedRecord {
  systemId: string;
  ciiId: string;
}
