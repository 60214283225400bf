/**
 * Store functions for network products (网络产品), their supply by vendors (Vendor SUPPLIES Product)
 * and their use by systems (System USES Product).
 */

import type { Context } from '../context.js';
import { products as q } from '../cypher.generated.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { ProductRecord, ProductUseRecord, SupplyRecord } from '../model.js';
import type { PageParams } from '../pagination.js';
import { InputValidator } from '../validation/input.js';
import {
  keyedRows,
  keysetParams,
  loadByKey,
  nestedWindowPages,
  newId,
  scopedIds,
  toProps,
  toRecord,
  totalOf,
} from './common.js';
import { loadSystem } from './systems.js';
import { checkEnd, loadVendor } from './vendors.js';

export const PRODUCT_FIELDS = [
  'id',
  'name',
  'version',
  'category',
  'certification',
] as const satisfies readonly (keyof ProductRecord)[];
export const SUPPLY_FIELDS = [
  'id',
  'vendorId',
  'productId',
  'from',
  'to',
] as const satisfies readonly (keyof SupplyRecord)[];
export const PRODUCT_USE_FIELDS = [
  'id',
  'systemId',
  'productId',
  'from',
  'to',
] as const satisfies readonly (keyof ProductUseRecord)[];

export const toProduct = (node: unknown) => toRecord<ProductRecord>(node, PRODUCT_FIELDS);
export const toSupply = (node: unknown) => toRecord<SupplyRecord>(node, SUPPLY_FIELDS);
export const toProductUse = (node: unknown) => toRecord<ProductUseRecord>(node, PRODUCT_USE_FIELDS);

export interface ProductFilter {
  search?: string | null;
  /** true: with a certification (安全可信认证); false: without. */
  certified?: boolean | null;
  /** Supplied by this vendor (any supply, ended ones included). */
  vendorId?: string | null;
}

function filterParams(f: ProductFilter) {
  return {
    search: f.search?.trim() || null,
    certified: f.certified ?? null,
    vendorId: f.vendorId ?? null,
  };
}

export async function listProducts(ctx: Context, filter: ProductFilter, page: PageParams) {
  const rows = await ctx.db.run(q.list, {
    scope: ctx.principal.scope,
    ...filterParams(filter),
    ...keysetParams(page),
  });
  return keyedRows(rows, toProduct);
}

export async function countProducts(ctx: Context, filter: ProductFilter) {
  return totalOf(await ctx.db.run(q.count, { scope: ctx.principal.scope, ...filterParams(filter) }));
}

export function loadProduct(ctx: Context, id: string): Promise<ProductRecord | null> {
  return loadByKey(ctx, 'product.byId', q.byIds, scopedIds, toProduct, id);
}

export function loadSupply(ctx: Context, id: string): Promise<SupplyRecord | null> {
  return loadByKey(ctx, 'supply.byId', q.supplyByIds, scopedIds, toSupply, id);
}

export function loadProductUse(ctx: Context, id: string): Promise<ProductUseRecord | null> {
  return loadByKey(ctx, 'productUse.byId', q.useByIds, scopedIds, toProductUse, id);
}

/** Rows `{parentId, rows}` (toSupply) of each vendor's supplies: one statement for the batch. */
export const suppliesOfVendors = nestedWindowPages(q.suppliesOfVendors);
/** Rows `{parentId, rows}` (toSupply) of each product's supplies: one statement for the batch. */
export const suppliesOfProducts = nestedWindowPages(q.suppliesOfProducts);
/** Rows `{parentId, rows}` (toProductUse) of each system's product uses: one statement for the batch. */
export const usesOfSystems = nestedWindowPages(q.usesOfSystems);
/** Rows `{parentId, rows}` (toProductUse) of each product's uses: one statement for the batch. */
export const usesOfProducts = nestedWindowPages(q.usesOfProducts);

export interface ProductInput {
  name?: string | null;
  version?: string | null;
  category?: string | null;
  certification?: string | null;
}

function validate(input: ProductInput, partial: boolean) {
  const v = new InputValidator();
  const props: Partial<ProductRecord> = {};
  if ((!partial || input.name !== undefined) && v.required('input.name', input.name))
    props.name = v.text('input.name', input.name, 200) ?? '';
  for (const k of ['version', 'category', 'certification'] as const) {
    if (input[k] !== undefined) props[k] = v.text(`input.${k}`, input[k], 200);
  }
  v.done();
  return props;
}

export async function createProduct(ctx: Context, input: ProductInput): Promise<ProductRecord> {
  const props = validate(input, false);
  const [row] = await ctx.db.run(q.create, { props: { ...toProps(props), id: newId() } });
  return toProduct(row?.node);
}

export async function updateProduct(ctx: Context, id: string, input: ProductInput): Promise<ProductRecord> {
  const props = validate(input, true);
  if (!(await loadProduct(ctx, id))) throw new NotFoundError('id', id, 'product');
  const [row] = await ctx.db.run(q.update, { id, props: toProps(props) });
  return toProduct(row?.node);
}

/** Refused while any vendor supplies or any system uses the product (history included). */
export async function deleteProduct(ctx: Context, id: string): Promise<string> {
  if (!(await loadProduct(ctx, id))) throw new NotFoundError('id', id, 'product');
  const [row] = await ctx.db.run(q.delete, { id });
  const links = (row?.links as number) ?? 0;
  if (links > 0) {
    throw new ValidationError([
      {
        field: 'id',
        message: `the product has ${links} supply or use record(s) (history included); it cannot be deleted`,
      },
    ]);
  }
  return id;
}

export interface SupplyInput {
  vendorId: string;
  productId: string;
  from?: string | null;
  to?: string | null;
}

export async function addSupply(ctx: Context, input: SupplyInput): Promise<SupplyRecord> {
  const v = new InputValidator();
  const window = v.window('input', input.from, input.to);
  v.done();
  const [vendor, product] = await Promise.all([
    loadVendor(ctx, input.vendorId),
    loadProduct(ctx, input.productId),
  ]);
  if (!vendor) throw new NotFoundError('input.vendorId', input.vendorId, 'vendor');
  if (!product) throw new NotFoundError('input.productId', input.productId, 'product');
  const [row] = await ctx.db.run(q.supplyAdd, {
    vendorId: vendor.id,
    productId: product.id,
    props: { ...toProps(window), id: newId() },
  });
  return toSupply(row?.node);
}

export async function endSupply(ctx: Context, id: string, to: string): Promise<SupplyRecord> {
  const supply = await loadSupply(ctx, id);
  if (!supply) throw new NotFoundError('id', id, 'supply');
  const day = checkEnd(supply, to);
  const [row] = await ctx.db.run(q.supplyEnd, { id, to: day });
  if (!row) throw new NotFoundError('id', id, 'supply');
  return toSupply(row.node);
}

export interface ProductUseInput {
  systemId: string;
  productId: string;
  from?: string | null;
  to?: string | null;
}

export async function addProductUse(ctx: Context, input: ProductUseInput): Promise<ProductUseRecord> {
  const v = new InputValidator();
  const window = v.window('input', input.from, input.to);
  v.done();
  const [system, product] = await Promise.all([
    loadSystem(ctx, input.systemId),
    loadProduct(ctx, input.productId),
  ]);
  if (!system) throw new NotFoundError('input.systemId', input.systemId, 'system');
  if (!product) throw new NotFoundError('input.productId', input.productId, 'product');
  const [row] = await ctx.db.run(q.useAdd, {
    systemId: system.id,
    productId: product.id,
    props: { ...toProps(window), id: newId() },
  });
  return toProductUse(row?.node);
}

export async function endProductUse(ctx: Context, id: string, to: string): Promise<ProductUseRecord> {
  const use = await loadProductUse(ctx, id);
  if (!use) throw new NotFoundError('id', id, 'product use');
  const day = checkEnd(use, to);
  const [row] = await ctx.db.run(q.useEnd, { id, to: day });
  if (!row) throw new NotFoundError('id', id, 'product use');
  return toProductUse(row.node);
}
