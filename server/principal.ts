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

export interface Principal {
  subject: string;
  role: 'CITY_POLICE' | 'COUNTY_POLICE' | 'PROTECTION_DEPARTMENT' | 'OPERATOR' | 'REGISTRAR' | 'AUDITOR';
  scope: Scope;
  canWrite: boolean;
}

/** Until access control lands, every request runs as this one full-access principal. */
export const FULL_ACCESS: Principal = {
  subject: 'local-full-access',
  role: 'CITY_POLICE',
  scope: { all: true, divisionCodes: [], sectorCodes: [], operatorIds: [] },
  canWrite: true,
};
