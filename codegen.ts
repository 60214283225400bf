import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the GraphQL operations the tests (and shipped clients) send. */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/operations/**/*.graphql'],
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string' } },
    },
  },
  emitLegacyCommonJSImports: false,
  ignoreNoDocuments: false,
  silent: true,
};

export default config;
