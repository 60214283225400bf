/**
 * Object refs of every domain type, declared once so that domain modules can point at each other's
 * types without import cycles. Each domain module implements its own refs (`builder.node(...)`).
 */
import type {
  AccessRecord,
  AssessmentRecord,
  BackgroundCheckRecord,
  CriticalInfrastructureRecord,
  EmploymentRecord,
  ExposureRecord,
  FindingRecord,
  LinkRecord,
  MembershipRecord,
  OperatorRecord,
  PersonRecord,
  PoliceUnitRecord,
  ProductRecord,
  ProductUseRecord,
  ProtectionDepartmentRecord,
  SectorRecord,
  ServiceRecord,
  SubcontractRecord,
  SupplyRecord,
  SystemRecord,
  VendorRecord,
} from '../server/model.js';
import { builder } from './builder.js';

export const SectorRef = builder.objectRef<SectorRecord>('Sector');
export const OperatorRef = builder.objectRef<OperatorRecord>('Operator');
export const SystemRef = builder.objectRef<SystemRecord>('System');
export const LinkRef = builder.objectRef<LinkRecord>('SystemLink');
export const CriticalInfrastructureRef =
  builder.objectRef<CriticalInfrastructureRecord>('CriticalInfrastructure');
export const MembershipRef = builder.objectRef<MembershipRecord>('CiiMembership');
export const ProtectionDepartmentRef = builder.objectRef<ProtectionDepartmentRecord>('ProtectionDepartment');
export const PoliceUnitRef = builder.objectRef<PoliceUnitRecord>('PoliceUnit');
export const VendorRef = builder.objectRef<VendorRecord>('Vendor');
export const ServiceRef = builder.objectRef<ServiceRecord>('Service');
export const SubcontractRef = builder.objectRef<SubcontractRecord>('Subcontract');
export const ProductRef = builder.objectRef<ProductRecord>('Product');
export const SupplyRef = builder.objectRef<SupplyRecord>('Supply');
export const ProductUseRef = builder.objectRef<ProductUseRecord>('ProductUse');
export const PersonRef = builder.objectRef<PersonRecord>('Person');
export const BackgroundCheckRef = builder.objectRef<BackgroundCheckRecord>('BackgroundCheck');
export const EmploymentRef = builder.objectRef<EmploymentRecord>('Employment');
export const AccessRef = builder.objectRef<AccessRecord>('Access');
export const ExposureRef = builder.objectRef<ExposureRecord>('Exposure');
export const AssessmentRef = builder.objectRef<AssessmentRecord>('Assessment');
export const FindingRef = builder.objectRef<FindingRecord>('Finding');
