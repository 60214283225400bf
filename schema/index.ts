/** Assembles the schema: each import registers one domain's types and fields on the builder. */
import { type GraphQLSchema, isObjectType, lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './sectors.js';
import './operators.js';
import './systems.js';
import './cii.js';
import './vendors.js';
import './personnel.js';
import './exposures.js';
import './exposure-import.js';
import './sbom-import.js';
import './assessments.js';
import './audit.js';
import './concentration.js';
import './sector-map.js';
import './reach.js';
import './supply-chain.js';
import './risk.js';
import './import.js';
import './compliance.js';
import './compliance-inputs.js';
import './compliance-inputs-2.js';
import './compliance-checks.js';

/**
 * Arguments and fields that mean the same everywhere (`id`, `input`, `filter`, `to`, a success's
 * `data`) get their description here once, where a module left it out.
 */
const GENERIC_DESCRIPTIONS: Record<string, string> = {
  id: 'Global id (全局标识) of the object.',
  input: 'The values (输入); all of them are validated before anything is written.',
  filter: 'Conditions the results must all meet (筛选条件); absent ones do not restrict.',
  to: 'Last day the relationship is in force (终止日期, inclusive); its history is kept.',
  data: 'The object as stored after the change.',
};

function describeGenerics(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.description && field.name === 'data') field.description = GENERIC_DESCRIPTIONS.data;
      for (const arg of field.args) arg.description ??= GENERIC_DESCRIPTIONS[arg.name];
    }
  }
  return schema;
}

export const schema = describeGenerics(lexicographicSortSchema(builder.toSchema()));
