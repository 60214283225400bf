/**
 * Importing a CycloneDX JSON SBOM (软件物料清单, spec 1.4–1.6) for one system: every component (nested
 * ones too) becomes a Product, the system USES it, and the vendor whose name (or USCC) matches the
 * component's supplier SUPPLIES it, so reach and risk queries see the components.
 *
 * - Product key (idempotent): `sbomKey` = the purl when given, else `name@version`. A product
 *   recorded by hand (no sbomKey) is not merged with a component. name = `group/name` when the
 *   component has a group (npm scopes: `@envelop/core`).
 * - Supplier: supplier.name, else manufacturer.name, else publisher, else author (string) or the
 *   first authors[].name (1.6). Stored as `supplier` on the product.
 * - Vendor match: the supplier text equals a vendor's name after normalisation (NFKC, case-folded,
 *   whitespace removed, full-width brackets as ASCII), or contains the vendor's 18-character USCC.
 * - USES / SUPPLIES are created from today (Asia/Shanghai) unless one in force already links the
 *   pair: re-importing the same SBOM creates nothing.
 * - Components without a name, or with fields that are not strings, are bad components (reported
 *   with their JSON path); the others are imported. A file that is not CycloneDX JSON is a
 *   ValidationError and nothing is written. Everything is written in ONE transaction.
 */
import type { Context } from '../../context.js';
import { sbom as q } from '../../cypher.generated.js';
import { NotFoundError } from '../../errors.js';
import { newId, toDbDate, todayInChina } from '../../repositories/common.js';
import { loadScopedSystem } from '../../repositories/exposures.js';
import { InputValidator } from '../../validation/input.js';
import type { BadRow } from '../exposures/parse.js';

export interface SbomInput {
  fileName?: string | null;
  content?: string | null;
}

export interface SbomReport {
  components: number;
  productsCreated: number;
  productsExisting: number;
  usesCreated: number;
  suppliesCreated: number;
  vendorsMatched: number;
  badComponents: BadRow[];
}

interface Component {
  key: string;
  name: string;
  version: string | null;
  purl: string | null;
  supplier: string | null;
}

export function normalizeName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 300) : null;

function supplierOf(c: Record<string, unknown>): string | null {
  const named = (v: unknown) => str((v as { name?: unknown } | undefined)?.name);
  const authors = Array.isArray(c.authors) ? c.authors : [];
  return (
    named(c.supplier) ??
    named(c.manufacturer) ??
    str(c.publisher) ??
    str(c.author) ??
    (authors.length ? named(authors[0]) : null)
  );
}

/** The components of a CycloneDX document (nested ones included), or a file-level problem. */
export function parseCycloneDx(content: string): { components: Component[]; bad: BadRow[] } | string {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(content);
  } catch (error) {
    return `not JSON: ${(error as Error).message.slice(0, 120)}`;
  }
  if (!doc || typeof doc !== 'object' || doc.bomFormat !== 'CycloneDX')
    return 'not a CycloneDX SBOM (bomFormat)';
  if (!['1.4', '1.5', '1.6'].includes(String(doc.specVersion))) {
    return `CycloneDX spec ${String(doc.specVersion)} is not supported (1.4–1.6)`;
  }
  const components: Component[] = [];
  const bad: BadRow[] = [];
  const walk = (list: unknown, path: string) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      bad.push({ location: path, field: 'components', value: null, reason: 'is not a list' });
      return;
    }
    list.forEach((item, i) => {
      const at = `${path}[${i}]`;
      const c = (item ?? {}) as Record<string, unknown>;
      const name = str(c.name);
      if (!name) bad.push({ location: at, field: 'name', value: null, reason: 'a component needs a name' });
      else if (c.version !== undefined && typeof c.version !== 'string') {
        bad.push({
          location: at,
          field: 'version',
          value: String(c.version).slice(0, 60),
          reason: 'is not a string',
        });
      } else if (c.purl !== undefined && (typeof c.purl !== 'string' || !c.purl.startsWith('pkg:'))) {
        bad.push({
          location: at,
          field: 'purl',
          value: String(c.purl).slice(0, 60),
          reason: 'is not a package URL (pkg:…)',
        });
      } else {
        const group = str(c.group);
        const full = group ? `${group}/${name}` : name;
        const version = str(c.version);
        const purl = str(c.purl);
        components.push({
          key: purl ?? `${full}@${version ?? ''}`,
          name: full,
          version,
          purl,
          supplier: supplierOf(c),
        });
      }
      walk(c.components, `${at}.components`);
    });
  };
  walk(doc.components, 'components');
  return { components, bad };
}

export async function importSbom(ctx: Context, systemId: string, input: SbomInput): Promise<SbomReport> {
  const v = new InputValidator();
  if (v.required('input.fileName', input.fileName)) v.text('input.fileName', input.fileName, 200);
  if (v.required('input.content', input.content) && input.content.length > 50_000_000) {
    v.issue('input.content', 'is larger than 50 MB');
  }
  v.done();
  const parsed = parseCycloneDx(input.content as string);
  if (typeof parsed === 'string') {
    const check = new InputValidator();
    check.issue('input.content', parsed);
    check.done();
    throw new Error('unreachable');
  }
  if (!(await loadScopedSystem(ctx, systemId))) throw new NotFoundError('systemId', systemId, 'system');
  // One product per key (the same component listed twice is one product).
  const byKey = new Map(parsed.components.map((c) => [c.key, c]));
  const components = [...byKey.values()];
  const vendors = await ctx.db.run(q.vendorNames, {});
  const byName = new Map(vendors.map((r) => [normalizeName(String(r.name)), r.id as string]));
  const vendorOf = (supplier: string | null): string | null => {
    if (!supplier) return null;
    const exact = byName.get(normalizeName(supplier));
    if (exact) return exact;
    const uscc = vendors.find((r) => typeof r.uscc === 'string' && supplier.toUpperCase().includes(r.uscc));
    return (uscc?.id as string | undefined) ?? null;
  };
  const today = toDbDate(todayInChina());
  return ctx.db.writeTransaction('sbom-import', async (tx) => {
    const rows = components.map((c) => ({
      key: c.key,
      id: newId(),
      props: Object.fromEntries(
        Object.entries({
          name: c.name,
          version: c.version,
          purl: c.purl,
          supplier: c.supplier,
          category: 'software component',
        }).filter(([, value]) => value !== null),
      ),
    }));
    const ids = new Map<string, string>();
    let productsCreated = 0;
    for (const r of await tx.run(q.upsertProducts, { rows })) {
      ids.set(r.key as string, r.id as string);
      if (r.created) productsCreated++;
    }
    const [uses] = await tx.run(q.linkUses, {
      systemId,
      today,
      rows: components.map((c) => ({ productId: ids.get(c.key) as string, id: newId() })),
    });
    const supplies = components
      .map((c) => ({ vendorId: vendorOf(c.supplier), productId: ids.get(c.key) as string, id: newId() }))
      .filter((s): s is { vendorId: string; productId: string; id: string } => s.vendorId !== null);
    const [sup] = supplies.length ? await tx.run(q.linkSupplies, { today, rows: supplies }) : [];
    return {
      components: components.length,
      productsCreated,
      productsExisting: components.length - productsCreated,
      usesCreated: Number(uses?.created ?? 0),
      suppliesCreated: Number(sup?.created ?? 0),
      vendorsMatched: new Set(supplies.map((s) => s.vendorId)).size,
      badComponents: parsed.bad.slice(0, 1000),
    };
  });
}
