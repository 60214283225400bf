/**
 * Network-security service companies (网络安全服务公司 / 服务机构) and the supply chain (供应链):
 * services to systems (SERVES), subcontracting (SUBCONTRACTS_TO), network products (网络产品),
 * their supply (SUPPLIES) and use (USES).
 */
import { GraphQLError } from 'graphql';
import type { RegistrationStatus, ServiceKind } from '../server/model.js';
import type { PageArgs } from '../server/pagination.js';
import {
  addProductUse,
  addSupply,
  countProducts,
  createProduct,
  deleteProduct,
  endProductUse,
  endSupply,
  listProducts,
  loadProduct,
  loadProductUse,
  loadSupply,
  type ProductFilter,
  suppliesOfProducts,
  suppliesOfVendors,
  toProductUse,
  toSupply,
  updateProduct,
  usesOfProducts,
  usesOfSystems,
} from '../server/repositories/products.js';
import {
  addService,
  endService,
  loadService,
  servicesOfSystems,
  servicesOfVendors,
  toService,
  vendorsOfSystems,
} from '../server/repositories/services.js';
import {
  addSubcontract,
  endSubcontract,
  loadSubcontract,
  subcontractsOfContractors,
  subcontractsOfSubcontractors,
  toSubcontract,
} from '../server/repositories/subcontracts.js';
import { loadSystem } from '../server/repositories/systems.js';
import {
  countVendors,
  createVendor,
  deleteVendor,
  listVendors,
  loadVendor,
  loadVendorByUscc,
  toVendor,
  updateVendor,
  type VendorFilter,
} from '../server/repositories/vendors.js';
import { normalizeIsoDate } from '../server/validation/identifiers.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, enumValues, groupRows, nestedPage, page, totalCountField } from './common.js';
import {
  ProductRef,
  ProductUseRef,
  ServiceRef,
  SubcontractRef,
  SupplyRef,
  SystemRef,
  VendorRef,
} from './refs.js';

export const RegistrationStatusEnum = builder.enumType('RegistrationStatus', {
  description: 'Registration (报备) of a security service company with the city public security bureau.',
  values: enumValues<RegistrationStatus>({
    REGISTERED: 'Registered (已报备); the registration date is recorded.',
    PENDING: 'Registration in progress (报备中).',
    UNREGISTERED: 'Not registered (未报备).',
    REVOKED: 'Registration revoked (已撤销).',
  }),
});

export const ServiceKindEnum = builder.enumType('ServiceKind', {
  description: 'Kind of service a vendor provides to a protected system (服务类型).',
  values: enumValues<ServiceKind>({
    DESIGN: 'Design (设计).',
    CONSTRUCTION: 'Construction, integration (建设).',
    OPERATIONS: 'Operation and maintenance on site (运维).',
    REMOTE_OPERATIONS: 'Remote operation and maintenance over the internet (远程运维); always remote.',
    TECHNICAL_SERVICE: 'Technical service (技术服务).',
    MONITORING: 'Security monitoring (安全监测).',
    LEVEL_ASSESSMENT: 'MLPS level assessment (等级测评).',
    CRYPTO_ASSESSMENT: 'Cryptography application security assessment (密码应用安全性评估, 密评).',
  }),
});

function badArg(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** A date argument of a query field, checked (BAD_USER_INPUT naming the argument when impossible). */
function dateArg(argument: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  const parsed = normalizeIsoDate(value);
  if (!parsed.ok) throw badArg(argument, parsed.message);
  return parsed.value;
}

/** A global id in a query filter: one of another type or malformed simply matches nothing. */
function filterId(globalId: string | null | undefined, typename: string): string | null {
  if (globalId == null) return null;
  try {
    return decodeId(globalId, typename);
  } catch {
    return globalId;
  }
}

// ---------------------------------------------------------------------------------------------------
// Vendor

builder.node(VendorRef, {
  description:
    'A network-security service company (网络安全服务公司 / 服务机构): designs, builds, operates, maintains, monitors or assesses protected systems, and supplies network products.',
  id: { resolve: (v) => v.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadVendor(ctx, id))),
  fields: (t) => ({
    uscc: t.exposeString('uscc', {
      description: 'Unified social credit code (统一社会信用代码), 18 characters.',
    }),
    name: t.exposeString('name', { description: 'Registered name (单位名称).' }),
    registrationStatus: t.field({
      type: RegistrationStatusEnum,
      description: 'Registration with the city public security bureau (公安机关报备状态).',
      resolve: (v) => v.registrationStatus,
    }),
    registeredOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Date of the registration (报备日期); always set when REGISTERED.',
      resolve: (v) => v.registeredOn,
    }),
    registrationNumber: t.exposeString('registrationNumber', {
      nullable: true,
      description: 'Registration number given by the police (报备编号).',
    }),
  }),
});

const VendorFilterInput = builder.inputType('VendorFilter', {
  description: 'Filters for vendors (服务机构筛选).',
  fields: (t) => ({
    registrationStatus: t.field({
      type: RegistrationStatusEnum,
      description: 'Registration status (报备状态).',
    }),
    serviceKind: t.field({
      type: ServiceKindEnum,
      description: 'Has a service of this kind in force today (当前提供该类服务), to any system.',
    }),
    search: t.string({ description: 'Part of the name, or the exact USCC (any case).' }),
  }),
});

builder.queryFields((t) => ({
  vendors: t.connection(
    {
      type: VendorRef,
      description:
        'Vendors in your jurisdiction (服务机构列表), by name. A vendor is in your jurisdiction when it, or a vendor it subcontracts with, serves a system there.',
      args: { filter: t.arg({ type: VendorFilterInput }) },
      resolve: (_root, args, ctx) => {
        const filter: VendorFilter = args.filter ?? {};
        return page(
          ctx,
          args,
          (p) => listVendors(ctx, filter, p),
          () => countVendors(ctx, filter),
        );
      },
    },
    {
      name: 'VendorConnection',
      description: 'A page of vendors.',
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    { name: 'VendorEdge', description: 'A vendor in a page.' },
  ),
  vendorByUscc: t.field({
    type: VendorRef,
    nullable: true,
    description: 'A vendor by its unified social credit code (按统一社会信用代码查询服务机构).',
    args: { uscc: t.arg.string({ required: true, description: 'USCC (统一社会信用代码), any case.' }) },
    resolve: (_root, { uscc }, ctx) => loadVendorByUscc(ctx, uscc),
  }),
}));

const vendorInput = (create: boolean) =>
  builder.inputType(create ? 'CreateVendorInput' : 'UpdateVendorInput', {
    description: create
      ? 'A new vendor (新增服务机构).'
      : 'Changes to a vendor; absent fields stay as they are, null clears an optional one.',
    fields: (t) => ({
      uscc: t.string({ required: create, description: 'Unified social credit code (统一社会信用代码).' }),
      name: t.string({ required: create, description: 'Registered name (单位名称).' }),
      registrationStatus: t.field({
        type: RegistrationStatusEnum,
        required: create,
        description: 'Registration status (报备状态); REGISTERED requires registeredOn.',
      }),
      registeredOn: t.field({ type: 'Date', description: 'Date of the registration (报备日期).' }),
      registrationNumber: t.string({ description: 'Registration number (报备编号).' }),
    }),
  });
const CreateVendorInput = vendorInput(true);
const UpdateVendorInput = vendorInput(false);

// ---------------------------------------------------------------------------------------------------
// Service (SERVES)

builder.node(ServiceRef, {
  description:
    'A service (服务) a vendor provides to a protected system — design, construction, O&M, technical service, monitoring or assessment — with its validity window (有效期).',
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadService(ctx, id))),
  fields: (t) => ({
    vendor: t.field({
      type: VendorRef,
      description: 'The vendor providing the service (服务机构).',
      resolve: async (s, _args, ctx) => {
        const vendor = await loadVendor(ctx, s.vendorId);
        if (!vendor) throw new Error(`vendor ${s.vendorId} of service ${s.id} not visible`);
        return vendor;
      },
    }),
    system: t.field({
      type: SystemRef,
      description: 'The protected system served (服务对象).',
      resolve: async (s, _args, ctx) => {
        const system = await loadSystem(ctx, s.systemId);
        if (!system) throw new Error(`system ${s.systemId} of service ${s.id} not visible`);
        return system;
      },
    }),
    kind: t.field({
      type: ServiceKindEnum,
      description: 'Kind of service (服务类型).',
      resolve: (s) => s.kind,
    }),
    remote: t.exposeBoolean('remote', {
      description: 'Done remotely over the internet (互联网远程运维); always true for REMOTE_OPERATIONS.',
    }),
    remoteEvaluatedOn: t.field({
      type: 'Date',
      nullable: true,
      description:
        'Date of the evaluation (评估论证) that allows the remote service (SUP-2); only for remote services.',
      resolve: (s) => s.remoteEvaluatedOn,
    }),
    contractRef: t.exposeString('contractRef', {
      nullable: true,
      description: 'Reference of the contract (合同编号).',
    }),
    validFrom: t.field({
      type: 'Date',
      description: 'First day the service is in force (生效日期).',
      resolve: (r) => r.from,
    }),
    validTo: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day the service is in force (终止日期, inclusive); null while in force.',
      resolve: (r) => r.to,
    }),
  }),
});

builder.objectField(SystemRef, 'services', (t) =>
  t.connection(
    {
      type: ServiceRef,
      description:
        'Services vendors provide to the system (服务记录), by start date. `activeOn` keeps those in force that day; absent: all, history included.',
      args: {
        activeOn: t.arg({ type: 'Date', description: 'Only services valid on this date (有效日期).' }),
        kind: t.arg({ type: ServiceKindEnum, description: 'Only services of this kind (服务类型).' }),
      },
      resolve: (s, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        const kind = args.kind ?? null;
        return nestedPage(ctx, 'system.services', s.id, { ...pageOf(args), activeOn, kind }, async (ids, p) =>
          groupRows(await servicesOfSystems(ctx, ids, { activeOn, kind }, p), toService),
        );
      },
    },
    { name: 'SystemServiceConnection', description: "A page of a system's services." },
    { name: 'SystemServiceEdge', description: "One of a system's services." },
  ),
);

builder.objectField(SystemRef, 'vendors', (t) =>
  t.connection(
    {
      type: VendorRef,
      description:
        'Distinct vendors directly serving the system (服务机构), by name; subcontractors are not included. `activeOn` keeps vendors with a service in force that day; absent: any service, history included.',
      args: {
        activeOn: t.arg({ type: 'Date', description: 'Only vendors serving on this date (有效日期).' }),
      },
      resolve: (s, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        return nestedPage(ctx, 'system.vendors', s.id, { ...pageOf(args), activeOn }, async (ids, p) =>
          groupRows(await vendorsOfSystems(ctx, ids, activeOn, p), toVendor),
        );
      },
    },
    { name: 'SystemVendorConnection', description: 'A page of vendors serving a system.' },
    { name: 'SystemVendorEdge', description: 'A vendor serving a system.' },
  ),
);

builder.objectField(VendorRef, 'services', (t) =>
  t.connection(
    {
      type: ServiceRef,
      description:
        'Services the vendor provides to systems in your jurisdiction (服务记录), by start date. `activeOn` keeps those in force that day; absent: all, history included.',
      args: {
        activeOn: t.arg({ type: 'Date', description: 'Only services valid on this date (有效日期).' }),
        kind: t.arg({ type: ServiceKindEnum, description: 'Only services of this kind (服务类型).' }),
      },
      resolve: (v, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        const kind = args.kind ?? null;
        return nestedPage(ctx, 'vendor.services', v.id, { ...pageOf(args), activeOn, kind }, async (ids, p) =>
          groupRows(await servicesOfVendors(ctx, ids, { activeOn, kind }, p), toService),
        );
      },
    },
    { name: 'VendorServiceConnection', description: "A page of a vendor's services." },
    { name: 'VendorServiceEdge', description: "One of a vendor's services." },
  ),
);

const AddServiceInput = builder.inputType('AddServiceInput', {
  description: 'A new service of a vendor to a protected system (登记服务).',
  fields: (t) => ({
    vendorId: t.id({ required: true, description: 'Global id of the vendor (服务机构).' }),
    systemId: t.id({ required: true, description: 'Global id of the protected system (服务对象).' }),
    kind: t.field({ type: ServiceKindEnum, required: true, description: 'Kind of service (服务类型).' }),
    remote: t.boolean({
      description:
        'Done remotely over the internet (互联网远程运维). Absent: true for REMOTE_OPERATIONS, else false; false is refused for REMOTE_OPERATIONS.',
    }),
    remoteEvaluatedOn: t.field({
      type: 'Date',
      description: 'Date of the evaluation allowing remote work (远程运维评估论证); only with remote.',
    }),
    contractRef: t.string({ description: 'Reference of the contract (合同编号).' }),
    from: t.field({ type: 'Date', required: true, description: 'First valid day (生效日期).' }),
    to: t.field({ type: 'Date', description: 'Last valid day (终止日期), inclusive; absent: in force.' }),
  }),
});

// ---------------------------------------------------------------------------------------------------
// Subcontract (SUBCONTRACTS_TO)

builder.node(SubcontractRef, {
  description:
    'A subcontract (分包): the contractor (总包方) passes work to the subcontractor (分包方), with its validity window (有效期).',
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadSubcontract(ctx, id))),
  fields: (t) => ({
    contractor: t.field({
      type: VendorRef,
      description: 'The vendor giving the work out (总包方).',
      resolve: async (s, _args, ctx) => {
        const vendor = await loadVendor(ctx, s.contractorId);
        if (!vendor) throw new Error(`contractor ${s.contractorId} of subcontract ${s.id} not visible`);
        return vendor;
      },
    }),
    subcontractor: t.field({
      type: VendorRef,
      description: 'The vendor doing the subcontracted work (分包方).',
      resolve: async (s, _args, ctx) => {
        const vendor = await loadVendor(ctx, s.subcontractorId);
        if (!vendor) throw new Error(`subcontractor ${s.subcontractorId} of subcontract ${s.id} not visible`);
        return vendor;
      },
    }),
    validFrom: t.field({
      type: 'Date',
      description: 'First day the subcontract is in force (生效日期).',
      resolve: (r) => r.from,
    }),
    validTo: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day the subcontract is in force (终止日期, inclusive); null while in force.',
      resolve: (r) => r.to,
    }),
  }),
});

builder.objectField(VendorRef, 'subcontractors', (t) =>
  t.connection(
    {
      type: SubcontractRef,
      description:
        'Subcontracts the vendor gives out (分包给其他机构), by start date. `activeOn` keeps those in force that day; absent: all, history included.',
      args: {
        activeOn: t.arg({ type: 'Date', description: 'Only subcontracts valid on this date (有效日期).' }),
      },
      resolve: (v, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        return nestedPage(ctx, 'vendor.subcontractors', v.id, { ...pageOf(args), activeOn }, async (ids, p) =>
          groupRows(await subcontractsOfContractors(ctx, ids, activeOn, p), toSubcontract),
        );
      },
    },
    { name: 'VendorSubcontractorConnection', description: 'A page of subcontracts a vendor gives out.' },
    { name: 'VendorSubcontractorEdge', description: 'A subcontract a vendor gives out.' },
  ),
);

builder.objectField(VendorRef, 'contractors', (t) =>
  t.connection(
    {
      type: SubcontractRef,
      description:
        'Subcontracts the vendor takes from contractors (承接的分包), by start date. `activeOn` keeps those in force that day; absent: all, history included.',
      args: {
        activeOn: t.arg({ type: 'Date', description: 'Only subcontracts valid on this date (有效日期).' }),
      },
      resolve: (v, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        return nestedPage(ctx, 'vendor.contractors', v.id, { ...pageOf(args), activeOn }, async (ids, p) =>
          groupRows(await subcontractsOfSubcontractors(ctx, ids, activeOn, p), toSubcontract),
        );
      },
    },
    { name: 'VendorContractorConnection', description: 'A page of subcontracts a vendor takes.' },
    { name: 'VendorContractorEdge', description: 'A subcontract a vendor takes.' },
  ),
);

const AddSubcontractInput = builder.inputType('AddSubcontractInput', {
  description: 'A new subcontract between two vendors (登记分包关系).',
  fields: (t) => ({
    contractorId: t.id({ required: true, description: 'Global id of the contractor (总包方).' }),
    subcontractorId: t.id({
      required: true,
      description:
        'Global id of the subcontractor (分包方): not the contractor itself, and not a vendor the contractor already works for downstream (no cycles).',
    }),
    from: t.field({ type: 'Date', required: true, description: 'First valid day (生效日期).' }),
    to: t.field({ type: 'Date', description: 'Last valid day (终止日期), inclusive; absent: in force.' }),
  }),
});

// ---------------------------------------------------------------------------------------------------
// Product, Supply (SUPPLIES), ProductUse (USES)

builder.node(ProductRef, {
  description:
    'A network product (网络产品), e.g. a firewall or database, with its security certification (安全可信认证) if any.',
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadProduct(ctx, id))),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Product name (产品名称).' }),
    version: t.exposeString('version', { nullable: true, description: 'Version or model (版本/型号).' }),
    category: t.exposeString('category', { nullable: true, description: 'Category (产品类别).' }),
    certification: t.exposeString('certification', {
      nullable: true,
      description: 'Security certification (安全可信认证), e.g. the certificate number; null = none (SUP-4).',
    }),
    certified: t.boolean({
      description: 'Has a security certification (已通过安全可信认证).',
      resolve: (p) => p.certification !== null,
    }),
  }),
});

builder.node(SupplyRef, {
  description: 'A vendor supplying a network product (供货关系), with its validity window (有效期).',
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadSupply(ctx, id))),
  fields: (t) => ({
    vendor: t.field({
      type: VendorRef,
      description: 'The supplier (供应商).',
      resolve: async (s, _args, ctx) => {
        const vendor = await loadVendor(ctx, s.vendorId);
        if (!vendor) throw new Error(`vendor ${s.vendorId} of supply ${s.id} not visible`);
        return vendor;
      },
    }),
    product: t.field({
      type: ProductRef,
      description: 'The product supplied (产品).',
      resolve: async (s, _args, ctx) => {
        const product = await loadProduct(ctx, s.productId);
        if (!product) throw new Error(`product ${s.productId} of supply ${s.id} not visible`);
        return product;
      },
    }),
    validFrom: t.field({
      type: 'Date',
      description: 'First day the supply is in force (生效日期).',
      resolve: (r) => r.from,
    }),
    validTo: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day the supply is in force (终止日期, inclusive); null while in force.',
      resolve: (r) => r.to,
    }),
  }),
});

builder.node(ProductUseRef, {
  description: 'A protected system using a network product (产品使用), with its validity window (有效期).',
  id: { resolve: (u) => u.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadProductUse(ctx, id))),
  fields: (t) => ({
    system: t.field({
      type: SystemRef,
      description: 'The system using the product (使用系统).',
      resolve: async (u, _args, ctx) => {
        const system = await loadSystem(ctx, u.systemId);
        if (!system) throw new Error(`system ${u.systemId} of product use ${u.id} not visible`);
        return system;
      },
    }),
    product: t.field({
      type: ProductRef,
      description: 'The product used (产品).',
      resolve: async (u, _args, ctx) => {
        const product = await loadProduct(ctx, u.productId);
        if (!product) throw new Error(`product ${u.productId} of product use ${u.id} not visible`);
        return product;
      },
    }),
    validFrom: t.field({
      type: 'Date',
      description: 'First day the product use is in force (生效日期).',
      resolve: (r) => r.from,
    }),
    validTo: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day the product use is in force (终止日期, inclusive); null while in force.',
      resolve: (r) => r.to,
    }),
  }),
});

const ProductFilterInput = builder.inputType('ProductFilter', {
  description: 'Filters for network products (网络产品筛选).',
  fields: (t) => ({
    search: t.string({ description: 'Part of the product name (产品名称).' }),
    certified: t.boolean({
      description: 'true: with a security certification (已认证); false: without (未认证).',
    }),
    vendorId: t.id({ description: 'Supplied by this vendor (供应商), ended supplies included.' }),
  }),
});

builder.queryField('products', (t) =>
  t.connection(
    {
      type: ProductRef,
      description:
        'Network products in your jurisdiction (网络产品列表), by name: those used by a system there (all of them with full access).',
      args: { filter: t.arg({ type: ProductFilterInput }) },
      resolve: (_root, args, ctx) => {
        const filter: ProductFilter = {
          search: args.filter?.search ?? null,
          certified: args.filter?.certified ?? null,
          vendorId: filterId(args.filter?.vendorId, 'Vendor'),
        };
        return page(
          ctx,
          args,
          (p) => listProducts(ctx, filter, p),
          () => countProducts(ctx, filter),
        );
      },
    },
    {
      name: 'ProductConnection',
      description: 'A page of network products.',
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    { name: 'ProductEdge', description: 'A network product in a page.' },
  ),
);

builder.objectField(VendorRef, 'products', (t) =>
  t.connection(
    {
      type: SupplyRef,
      description:
        'Products the vendor supplies (供应的产品), by start date. `activeOn` keeps supplies in force that day; absent: all, history included.',
      args: {
        activeOn: t.arg({ type: 'Date', description: 'Only supplies valid on this date (有效日期).' }),
      },
      resolve: (v, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        return nestedPage(ctx, 'vendor.products', v.id, { ...pageOf(args), activeOn }, async (ids, p) =>
          groupRows(await suppliesOfVendors(ctx, ids, activeOn, p), toSupply),
        );
      },
    },
    { name: 'VendorSupplyConnection', description: 'A page of supplies of a vendor.' },
    { name: 'VendorSupplyEdge', description: 'A supply of a vendor.' },
  ),
);

builder.objectField(SystemRef, 'products', (t) =>
  t.connection(
    {
      type: ProductUseRef,
      description:
        'Network products the system uses (使用的网络产品), by start date. `activeOn` keeps uses in force that day; absent: all, history included.',
      args: { activeOn: t.arg({ type: 'Date', description: 'Only uses valid on this date (有效日期).' }) },
      resolve: (s, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        return nestedPage(ctx, 'system.products', s.id, { ...pageOf(args), activeOn }, async (ids, p) =>
          groupRows(await usesOfSystems(ctx, ids, activeOn, p), toProductUse),
        );
      },
    },
    { name: 'SystemProductUseConnection', description: "A page of a system's product uses." },
    { name: 'SystemProductUseEdge', description: "One of a system's product uses." },
  ),
);

builder.objectField(ProductRef, 'suppliers', (t) =>
  t.connection(
    {
      type: SupplyRef,
      description:
        'Vendors supplying the product (供应商), as supplies by start date. `activeOn` keeps supplies in force that day; absent: all, history included.',
      args: {
        activeOn: t.arg({ type: 'Date', description: 'Only supplies valid on this date (有效日期).' }),
      },
      resolve: (pr, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        return nestedPage(ctx, 'product.suppliers', pr.id, { ...pageOf(args), activeOn }, async (ids, p) =>
          groupRows(await suppliesOfProducts(ctx, ids, activeOn, p), toSupply),
        );
      },
    },
    { name: 'ProductSupplyConnection', description: 'A page of supplies of a product.' },
    { name: 'ProductSupplyEdge', description: 'A supply of a product.' },
  ),
);

builder.objectField(ProductRef, 'usedBy', (t) =>
  t.connection(
    {
      type: ProductUseRef,
      description:
        'Systems in your jurisdiction using the product (使用该产品的系统), as uses by start date. `activeOn` keeps uses in force that day; absent: all, history included.',
      args: { activeOn: t.arg({ type: 'Date', description: 'Only uses valid on this date (有效日期).' }) },
      resolve: (pr, args, ctx) => {
        const activeOn = dateArg('activeOn', args.activeOn);
        return nestedPage(ctx, 'product.usedBy', pr.id, { ...pageOf(args), activeOn }, async (ids, p) =>
          groupRows(await usesOfProducts(ctx, ids, activeOn, p), toProductUse),
        );
      },
    },
    { name: 'ProductUseConnection', description: 'A page of uses of a product.' },
    { name: 'ProductUseEdge', description: 'A use of a product.' },
  ),
);

const productInput = (create: boolean) =>
  builder.inputType(create ? 'CreateProductInput' : 'UpdateProductInput', {
    description: create
      ? 'A new network product (新增网络产品).'
      : 'Changes to a product; absent fields stay as they are, null clears an optional one.',
    fields: (t) => ({
      name: t.string({ required: create, description: 'Product name (产品名称).' }),
      version: t.string({ description: 'Version or model (版本/型号).' }),
      category: t.string({ description: 'Category (产品类别).' }),
      certification: t.string({
        description: 'Security certification (安全可信认证), e.g. certificate number; null = none.',
      }),
    }),
  });
const CreateProductInput = productInput(true);
const UpdateProductInput = productInput(false);

const AddSupplyInput = builder.inputType('AddSupplyInput', {
  description: 'A vendor starting to supply a product (登记供货关系).',
  fields: (t) => ({
    vendorId: t.id({ required: true, description: 'Global id of the supplier (供应商).' }),
    productId: t.id({ required: true, description: 'Global id of the product (产品).' }),
    from: t.field({ type: 'Date', required: true, description: 'First valid day (生效日期).' }),
    to: t.field({ type: 'Date', description: 'Last valid day (终止日期), inclusive; absent: in force.' }),
  }),
});

const AddProductUseInput = builder.inputType('AddProductUseInput', {
  description: 'A system starting to use a product (登记产品使用).',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'Global id of the protected system (使用系统).' }),
    productId: t.id({ required: true, description: 'Global id of the product (产品).' }),
    from: t.field({ type: 'Date', required: true, description: 'First valid day (生效日期).' }),
    to: t.field({ type: 'Date', description: 'Last valid day (终止日期), inclusive; absent: in force.' }),
  }),
});

/** Only the page arguments (the loader key gets the other, normalised, arguments separately). */
function pageOf(args: PageArgs): PageArgs {
  return { first: args.first, after: args.after, last: args.last, before: args.before };
}

// ---------------------------------------------------------------------------------------------------
// Mutations

builder.mutationFields((t) => {
  const end = {
    id: t.arg.id({ required: true }),
    to: t.arg({ type: 'Date', required: true, description: 'Last valid day (终止日期), inclusive.' }),
  };
  return {
    createVendor: t.field({
      type: VendorRef,
      description: 'Registers a security service company (登记服务机构). REGISTERED requires registeredOn.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: CreateVendorInput, required: true }) },
      resolve: (_root, { input }, ctx) => createVendor(ctx, input),
    }),
    updateVendor: t.field({
      type: VendorRef,
      description:
        'Changes a vendor (变更服务机构信息); the registration rule is checked on the result (existing values + changes).',
      errors: { types: MUTATION_ERRORS },
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateVendorInput, required: true }) },
      resolve: (_root, { id, input }, ctx) => updateVendor(ctx, decodeId(id, 'Vendor'), input),
    }),
    deleteVendor: t.field({
      type: 'ID',
      description:
        'Deletes a vendor (删除服务机构). Refused (ValidationError on `id`) while the vendor has any service (SERVES), ended ones included: service history is kept. Otherwise its subcontracts, supplies and employments are removed with it. Returns the deleted id.',
      errors: { types: MUTATION_ERRORS },
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, { id }, ctx) => {
        await deleteVendor(ctx, decodeId(id, 'Vendor'));
        return id;
      },
    }),
    addService: t.field({
      type: ServiceRef,
      description:
        'Records a service of a vendor to a system (登记服务). REMOTE_OPERATIONS is always remote; remoteEvaluatedOn only with remote; to not before from.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: AddServiceInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        addService(ctx, {
          ...input,
          vendorId: decodeId(input.vendorId, 'Vendor', 'input.vendorId'),
          systemId: decodeId(input.systemId, 'System', 'input.systemId'),
        }),
    }),
    endService: t.field({
      type: ServiceRef,
      description: 'Ends a service (终止服务): `to` is its last valid day. The service is kept as history.',
      errors: { types: MUTATION_ERRORS },
      args: end,
      resolve: (_root, { id, to }, ctx) => endService(ctx, decodeId(id, 'Service'), to),
    }),
    addSubcontract: t.field({
      type: SubcontractRef,
      description:
        'Records a subcontract (登记分包关系). Refused on `input.subcontractorId` for the contractor itself, or when the contractor is already downstream of the subcontractor through subcontracts in force today or later, within 10 tiers (a cycle).',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: AddSubcontractInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        addSubcontract(ctx, {
          ...input,
          contractorId: decodeId(input.contractorId, 'Vendor', 'input.contractorId'),
          subcontractorId: decodeId(input.subcontractorId, 'Vendor', 'input.subcontractorId'),
        }),
    }),
    endSubcontract: t.field({
      type: SubcontractRef,
      description: 'Ends a subcontract (终止分包关系): `to` is its last valid day. Kept as history.',
      errors: { types: MUTATION_ERRORS },
      args: end,
      resolve: (_root, { id, to }, ctx) => endSubcontract(ctx, decodeId(id, 'Subcontract'), to),
    }),
    createProduct: t.field({
      type: ProductRef,
      description: 'Registers a network product (登记网络产品).',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: CreateProductInput, required: true }) },
      resolve: (_root, { input }, ctx) => createProduct(ctx, input),
    }),
    updateProduct: t.field({
      type: ProductRef,
      description: 'Changes a network product (变更网络产品信息), e.g. records its certification.',
      errors: { types: MUTATION_ERRORS },
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateProductInput, required: true }) },
      resolve: (_root, { id, input }, ctx) => updateProduct(ctx, decodeId(id, 'Product'), input),
    }),
    deleteProduct: t.field({
      type: 'ID',
      description:
        'Deletes a network product (删除网络产品). Refused (ValidationError on `id`) while any supply or use of it is recorded, ended ones included. Returns the deleted id.',
      errors: { types: MUTATION_ERRORS },
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, { id }, ctx) => {
        await deleteProduct(ctx, decodeId(id, 'Product'));
        return id;
      },
    }),
    addSupply: t.field({
      type: SupplyRef,
      description: 'Records that a vendor supplies a product (登记供货关系).',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: AddSupplyInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        addSupply(ctx, {
          ...input,
          vendorId: decodeId(input.vendorId, 'Vendor', 'input.vendorId'),
          productId: decodeId(input.productId, 'Product', 'input.productId'),
        }),
    }),
    endSupply: t.field({
      type: SupplyRef,
      description: 'Ends a supply (终止供货关系): `to` is its last valid day. Kept as history.',
      errors: { types: MUTATION_ERRORS },
      args: end,
      resolve: (_root, { id, to }, ctx) => endSupply(ctx, decodeId(id, 'Supply'), to),
    }),
    addProductUse: t.field({
      type: ProductUseRef,
      description: 'Records that a system uses a product (登记产品使用).',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: AddProductUseInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        addProductUse(ctx, {
          ...input,
          systemId: decodeId(input.systemId, 'System', 'input.systemId'),
          productId: decodeId(input.productId, 'Product', 'input.productId'),
        }),
    }),
    endProductUse: t.field({
      type: ProductUseRef,
      description: 'Ends a product use (终止产品使用): `to` is its last valid day. Kept as history.',
      errors: { types: MUTATION_ERRORS },
      args: end,
      resolve: (_root, { id, to }, ctx) => endProductUse(ctx, decodeId(id, 'ProductUse'), to),
    }),
  };
});
