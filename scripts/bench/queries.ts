/**
 * The measured GraphQL documents, built from the schema as it is: a query is measured only when its
 * field exists, its variables are declared with the argument types the schema gives, and its
 * selection is generated — every scalar of the result types, `{ id name }` of the registry's
 * entities (Relay nodes: their own lists are not part of what is measured), connections with their
 * edges and page info. So the bench follows the query engineers' API without editing.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import type { BenchPicks } from './generate.js';

export interface BenchQuery {
  /** Row label in the results table. */
  name: string;
  document: string;
  /** Variable sets, rotated across iterations (e.g. a large, a median and a small vendor). */
  variants: { label: string; variables: Record<string, unknown> }[];
}

const MAX_SELECTION_DEPTH = 6;

/** The vendor-reach query over uniformly sampled vendors: the one the p95 target is judged on. */
export const SAMPLED_REACH_QUERY = 'vendorReach maxHops 4, sampled vendors';

const isNodeType = (type: GraphQLNamedType) =>
  isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node');

function hasRequiredArgs(field: GraphQLField<unknown, unknown>) {
  return field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
}

/** A selection set for `type`: scalars, entity references as `{ id name }`, nested result objects. */
export function autoSelection(type: GraphQLNamedType, depth = MAX_SELECTION_DEPTH): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (isUnionType(type)) return '{ __typename }';
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  if (isNodeType(type)) {
    const fields = type.getFields();
    const name = fields.name && isScalarType(getNamedType(fields.name.type)) ? ' name' : '';
    return `{ id${name} }`;
  }
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (hasRequiredArgs(field)) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (depth > 1) {
      const sub = autoSelection(named, depth - 1);
      if (sub) parts.push(`${field.name} ${sub}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

/** `query Name($a: T, …) { <prefix> field(a: $a, …) <selection> <suffix> }` with the schema's argument types. */
function fieldDocument(
  name: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  wrap: (call: string) => string = (c) => c,
  extraVariables: string[] = [],
): string {
  const used = field.args.filter((a) => a.name in args);
  const declarations = [...extraVariables, ...used.map((a) => `$${a.name}: ${String(a.type)}`)];
  const call = `${field.name}${used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''} ${autoSelection(getNamedType(field.type))}`;
  return `query ${name}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${wrap(call)} }`;
}

const onlyKnown = (field: GraphQLField<unknown, unknown>, values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => field.args.some((a) => a.name === k)));

export interface QueryAvailability {
  vendorReach: boolean;
  supplyChain: boolean;
  vendorConcentration: boolean;
}

export function availability(schema: GraphQLSchema): QueryAvailability {
  const query = schema.getQueryType()?.getFields() ?? {};
  const system = schema.getType('System');
  return {
    vendorReach: 'vendorReach' in query,
    supplyChain: isObjectType(system) && 'supplyChain' in system.getFields(),
    vendorConcentration: 'vendorConcentration' in query,
  };
}

export function benchQueries(schema: GraphQLSchema, picks: BenchPicks): BenchQuery[] {
  const out: BenchQuery[] = [];
  const query = schema.getQueryType()?.getFields() ?? {};

  const reach = query.vendorReach;
  if (reach) {
    for (const maxHops of [2, 4, 6]) {
      const sample = onlyKnown(reach, { vendorId: 'x', maxHops, first: 50 });
      out.push({
        name: `vendorReach maxHops ${maxHops}`,
        document: fieldDocument(`BenchVendorReach${maxHops}`, reach, sample),
        variants: picks.vendors.map((v) => ({
          label: `${v.label} vendor (${v.serves} SERVES)`,
          variables: { ...sample, vendorId: encodeGlobalID('Vendor', v.id) },
        })),
      });
    }
    // The same question over vendors drawn uniformly at random: the latency distribution of the
    // requests police units make (the fixed trio above weighs the largest vendor as 1 request in 3).
    const sample = onlyKnown(reach, { vendorId: 'x', maxHops: 4, first: 50 });
    out.push({
      name: SAMPLED_REACH_QUERY,
      document: fieldDocument('BenchVendorReachSampled', reach, sample),
      variants: picks.sampledVendors.map((v) => ({
        label: `${v.label} vendor (${v.serves} SERVES)`,
        variables: { ...sample, vendorId: encodeGlobalID('Vendor', v.id) },
      })),
    });
  }

  const system = schema.getType('System');
  const supplyChain = isObjectType(system) ? system.getFields().supplyChain : undefined;
  if (supplyChain) {
    const sample = onlyKnown(supplyChain, { depth: 3 });
    out.push({
      name: 'System.supplyChain depth 3',
      document: fieldDocument(
        'BenchSupplyChain',
        supplyChain,
        sample,
        (call) => `node(id: $systemId) { ... on System { id ${call} } }`,
        ['$systemId: ID!'],
      ),
      variants: picks.level3Systems.map((id, i) => ({
        label: `level-3 system #${i + 1}`,
        variables: { ...sample, systemId: encodeGlobalID('System', id) },
      })),
    });
  }

  const concentration = query.vendorConcentration;
  if (concentration) {
    const sample = onlyKnown(concentration, { sectorCode: picks.sectorCode, minLevel: 3, first: 20 });
    out.push({
      name: `vendorConcentration ${picks.sectorCode} minLevel 3`,
      document: fieldDocument('BenchVendorConcentration', concentration, sample),
      variants: [{ label: `sector ${picks.sectorCode}`, variables: sample }],
    });
  }
  return out;
}
