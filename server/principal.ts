/**
 * Who is asking, and what part of the city they may see. Every read statement receives the scope
 * as the `$scope` parameter, so restricting a role only changes the values passed, never Cypher.
 */
import type { DivisionCode } from './model.js';

export interface Scope {
  /** Everything in the city. */
  all: boolean;
  /** Operators (and what hangs off them) in these divisions. */
  divisionCodes: DivisionCode[];
  /** Operators in these sectors. */
  sectorCodes: string[];
  /** These operators only. */
  operatorIds: string[];
}

export const ROLES = [
  'CITY_POLICE',
  'COUNTY_POLICE',
  'PROTECTION_DEPARTMENT',
  'OPERATOR',
  'REGISTRAR',
  'AUDITOR',
] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The token's subject (a user or service account id). */
  subject: string;
  role: Role;
  /** What the role covers, for the audit trail: "city", "division:140522", "sectors:ENERGY,FINANCE", "operator:<id>". */
  jurisdiction: string;
  scope: Scope;
  /** May run mutations (REGISTRAR only), within the scope. */
  canWrite: boolean;
  /** Sees personal names and masked resident ID numbers (police roles). */
  seesPersonalData: boolean;
  /** May read the audit trail (AUDITOR only); such a principal sees no registry data. */
  canReadAudit: boolean;
}

export const NO_SCOPE: Scope = { all: false, divisionCodes: [], sectorCodes: [], operatorIds: [] };
export const CITY_SCOPE: Scope = { ...NO_SCOPE, all: true };
