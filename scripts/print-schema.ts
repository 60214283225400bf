/** Prints the schema (sorted) to schema/schema.graphql, the file codegen and reviewers read. */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../schema/index.js';

const out = new URL('../schema/schema.graphql', import.meta.url).pathname;
writeFileSync(out, `${printSchema(schema)}\n`);
console.log('wrote schema/schema.graphql');
