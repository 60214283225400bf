/** Assembles the schema: each import registers one domain's types and fields on the builder. */
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './sectors.js';
import './operators.js';
import './systems.js';
import './cii.js';
import './vendors.js';
import './personnel.js';
import './exposures.js';
import './assessments.js';

export const schema = lexicographicSortSchema(builder.toSchema());
