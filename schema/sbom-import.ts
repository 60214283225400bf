/** SBOM imports (软件物料清单导入): a CycloneDX JSON file's components become products a system uses. */
import { importSbom, type SbomReport } from '../server/import/sbom/import.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId } from './common.js';
import { BadRowRef } from './exposure-import.js';

const SbomReportRef = builder.objectRef<SbomReport>('SbomImportReport').implement({
  description: 'What an SBOM import did (物料清单导入报告).',
  fields: (t) => ({
    components: t.exposeInt('components', { description: 'Distinct components read (组件数).' }),
    productsCreated: t.exposeInt('productsCreated', { description: 'Products created (新建产品).' }),
    productsExisting: t.exposeInt('productsExisting', {
      description: 'Components already recorded as products (same purl, else name@version).',
    }),
    usesCreated: t.exposeInt('usesCreated', {
      description: 'New USES links of the system (使用关系); 0 when all were already in force.',
    }),
    suppliesCreated: t.exposeInt('suppliesCreated', {
      description: 'New SUPPLIES links from matched vendors (供应关系).',
    }),
    vendorsMatched: t.exposeInt('vendorsMatched', {
      description: 'Vendors (供应商) matched by supplier name (normalised) or USCC.',
    }),
    badComponents: t.field({
      type: [BadRowRef],
      description: 'Components left out with the reason, by JSON path (the first 1000).',
      resolve: (r) => r.badComponents,
    }),
  }),
});

const ImportSbomInput = builder.inputType('ImportSbomInput', {
  description: 'A CycloneDX JSON SBOM (spec 1.4–1.6) of a system.',
  fields: (t) => ({
    fileName: t.string({
      required: true,
      description: 'File name (for the record), at most 200 characters.',
    }),
    content: t.string({ required: true, description: 'The file content (JSON text).' }),
  }),
});

builder.mutationField('importSbom', (t) =>
  t.field({
    type: SbomReportRef,
    description:
      'Imports a CycloneDX SBOM for a system (导入软件物料清单): components become products (with supplier, ' +
      'version, purl) that the system USES, supplied by the vendors their supplier names. Idempotent.',
    errors: { types: MUTATION_ERRORS },
    args: {
      systemId: t.arg.id({ required: true, description: 'Global id of the system the SBOM describes.' }),
      input: t.arg({ type: ImportSbomInput, required: true }),
    },
    resolve: (_root, { systemId, input }, ctx) =>
      importSbom(ctx, decodeId(systemId, 'System', 'systemId'), input),
  }),
);
