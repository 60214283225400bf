/**
 * The yearly evaluation of part 四.(四): per county/district and per operator (unit), the share of
 * systems with no blocker finding on the evaluation date, and the lists behind it. A blocker finding
 * counts against its system; one without a system (CII-3, on a person of the operator) counts
 * against every CII system of that operator.
 */
import { GraphQLError } from 'graphql';
import { compliance as q } from '../cypher.generated.js';
import { complianceFindings, type obligations } from './engine.js';

type Ctx = Parameters<typeof obligations>[0];

export interface SystemRef {
  id: string;
  name: string;
}

export interface OperatorEvaluation {
  id: string;
  operatorName: string;
  divisionCode: string;
  systems: number;
  compliant: SystemRef[];
  nonCompliant: SystemRef[];
}

export interface DivisionEvaluation {
  divisionCode: string;
  operators: number;
  systems: number;
  compliantSystems: number;
}

export interface Evaluation {
  asOf: string;
  divisions: DivisionEvaluation[];
  operators: OperatorEvaluation[];
}

export async function evaluate(ctx: Ctx, asOf: string, divisionCode: string | null): Promise<Evaluation> {
  const limit = ctx.config.compliance.maxRowsPerRule;
  const rows = await ctx.db.run(q.evaluationSystems, {
    scope: ctx.principal.scope,
    divisionCode,
    asOf,
    limit,
  });
  if (rows.length >= limit) {
    throw new GraphQLError(`more than ${limit - 1} operators; raise COMPLIANCE_MAX_ROWS_PER_RULE`, {
      extensions: { code: 'SCOPE_TOO_LARGE' },
    });
  }
  const findings = (
    await complianceFindings(ctx, divisionCode ? { divisionCode } : { city: true }, asOf)
  ).filter((f) => f.severity === 'BLOCKER');
  const badSystems = new Set(findings.filter((f) => f.systemId).map((f) => f.systemId));
  const badCiiOperators = new Set(findings.filter((f) => !f.systemId).map((f) => f.operatorId));
  const operators: OperatorEvaluation[] = rows.map((row) => {
    const systems = row.systems as { id: string; name: string; cii: boolean }[];
    const bad = (s: { id: string; cii: boolean }) =>
      badSystems.has(s.id) || (s.cii && badCiiOperators.has(String(row.operatorId)));
    return {
      id: String(row.operatorId),
      operatorName: String(row.operatorName),
      divisionCode: String(row.divisionCode),
      systems: systems.length,
      compliant: systems.filter((s) => !bad(s)).map(({ id, name }) => ({ id, name })),
      nonCompliant: systems.filter(bad).map(({ id, name }) => ({ id, name })),
    };
  });
  const byDivision = new Map<string, DivisionEvaluation>();
  for (const o of operators) {
    const d = byDivision.get(o.divisionCode) ?? {
      divisionCode: o.divisionCode,
      operators: 0,
      systems: 0,
      compliantSystems: 0,
    };
    d.operators++;
    d.systems += o.systems;
    d.compliantSystems += o.compliant.length;
    byDivision.set(o.divisionCode, d);
  }
  const divisions = [...byDivision.values()].sort((a, b) => a.divisionCode.localeCompare(b.divisionCode));
  return { asOf, divisions, operators };
}
