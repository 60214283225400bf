/** Internet exposures (互联网暴露面): endpoints reachable from the internet, matched to systems. */
import { GraphQLError } from 'graphql';
import {
  countExposures,
  createExposure,
  deleteExposure,
  type ExposureFilter,
  type ExposureRow,
  listExposures,
  listExposuresOfSystems,
  loadExposure,
  toExposure,
  updateExposure,
} from '../server/repositories/exposures.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, groupRows, nestedPage, page, totalCountField } from './common.js';
import { ExposureRef, SystemRef } from './refs.js';

/** The database id inside a global id given as a query filter; a bad one is a BAD_USER_INPUT error. */
export function filterId(
  globalId: string | null | undefined,
  typename: string,
  field: string,
): string | null {
  if (globalId == null) return null;
  try {
    return decodeId(globalId, typename, field);
  } catch {
    throw new GraphQLError(`${field}: "${globalId.slice(0, 60)}" is not the id of a ${typename}`, {
      extensions: { code: 'BAD_USER_INPUT', argument: field },
    });
  }
}

/** The exposure rows carry the exposed system read in the same statement. */
const systemOf = (e: unknown) => (e as ExposureRow).system ?? null;

builder.node(ExposureRef, {
  description:
    'An internet exposure (互联网暴露面): a service reachable from the internet at ip:port/protocol, found by a scan, ' +
    'matched to the system it exposes (CII-5: every exposed service of a CII system must be justified).',
  id: { resolve: (e) => e.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadExposure(ctx, id))),
  fields: (t) => ({
    ip: t.exposeString('ip', {
      description:
        'IP address (IP地址), normalised: IPv4 dotted decimal, IPv6 in RFC 5952 form (IPv4-mapped IPv6 as IPv4).',
    }),
    port: t.exposeInt('port', { description: 'Port (端口), 1–65535.' }),
    protocol: t.exposeString('protocol', { description: 'Transport protocol (协议): `tcp` or `udp`.' }),
    domain: t.exposeString('domain', {
      nullable: true,
      description: 'Domain name (域名) served there, lower-case ASCII (IDNA).',
    }),
    service: t.exposeString('service', {
      nullable: true,
      description: 'Service seen (服务), e.g. `https`, `ssh`, a product banner.',
    }),
    firstSeen: t.field({
      type: 'Date',
      description: 'First seen (首次发现日期).',
      resolve: (e) => e.firstSeen,
    }),
    lastSeen: t.field({
      type: 'Date',
      description: 'Last seen (最近发现日期).',
      resolve: (e) => e.lastSeen,
    }),
    system: t.field({
      type: SystemRef,
      nullable: true,
      description:
        'The protected system it exposes (所属等级保护对象); null when not matched (未认领暴露面).',
      resolve: (e) => systemOf(e),
    }),
  }),
});

const ExposureEdge = builder.edgeObject({
  type: ExposureRef,
  name: 'ExposureEdge',
  description: 'An internet exposure in a page.',
});

const ExposureFilterInput = builder.inputType('ExposureFilter', {
  description: 'Filters for internet exposures (暴露面筛选); all given conditions apply.',
  fields: (t) => ({
    ip: t.string({ description: 'Exact IP address (any textual form; normalised before matching).' }),
    cidr: t.string({
      description:
        'Address range (网段) in CIDR notation, e.g. `10.8.0.0/16`, `2001:db8:1::/64`; a bare address is /32 or /128. ' +
        'An IPv6 range never contains IPv4 addresses.',
    }),
    port: t.int({ description: 'Port (端口), 1–65535.' }),
    protocol: t.string({ description: 'Protocol (协议): tcp or udp.' }),
    domain: t.string({
      description:
        'Exact domain name (normalised), or `*.` + suffix for every subdomain, e.g. `*.jcgov.cn` ' +
        '(matches `www.jcgov.cn`, `a.b.jcgov.cn`, not `jcgov.cn` itself).',
    }),
    systemId: t.id({ description: 'Only exposures of this system (System id).' }),
    unmatched: t.boolean({
      description: 'true: only exposures matched to no system (未认领); false: only matched ones.',
    }),
  }),
});

function toFilter(filter: Omit<ExposureFilter, 'systemId'> & { systemId?: string | null }): ExposureFilter {
  return { ...filter, systemId: filterId(filter.systemId, 'System', 'filter.systemId') };
}

builder.queryField('exposures', (t) =>
  t.connection(
    {
      type: ExposureRef,
      description:
        'Internet exposures in your jurisdiction (互联网暴露面列表), ordered by address (IPv4 before IPv6, numerically), ' +
        'port, protocol. Unmatched exposures are visible with city-wide access only. ' +
        'An invalid filter value is a BAD_USER_INPUT error naming the field, e.g. `filter.cidr`.',
      args: { filter: t.arg({ type: ExposureFilterInput }) },
      resolve: (_root, args, ctx) => {
        const filter = toFilter(args.filter ?? {});
        return page(
          ctx,
          args,
          (p) => listExposures(ctx, filter, p),
          () => countExposures(ctx, filter),
        );
      },
    },
    {
      name: 'ExposureConnection',
      description: 'A page of internet exposures.',
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    ExposureEdge,
  ),
);

const ExposureListConnection = builder.connectionObject(
  {
    type: ExposureRef,
    name: 'ExposureListConnection',
    description: 'A page of the internet exposures of one object.',
  },
  ExposureEdge,
);

builder.objectField(SystemRef, 'exposures', (t) =>
  t.connection(
    {
      type: ExposureRef,
      description:
        'Internet exposures of this system (互联网暴露面), by address, port, protocol. Batched over all systems of a page.',
      resolve: (system, args, ctx) =>
        nestedPage(ctx, 'system.exposures', system.id, args, async (ids, p) =>
          groupRows(await listExposuresOfSystems(ctx, ids, p), toExposure),
        ),
    },
    ExposureListConnection,
  ),
);

const exposureInput = (create: boolean) =>
  builder.inputType(create ? 'CreateExposureInput' : 'UpdateExposureInput', {
    description: create
      ? 'A newly found internet exposure (新增暴露面). The endpoint (ip, port, protocol) is unique.'
      : 'Changes to an internet exposure; absent fields stay as they are.',
    fields: (t) => ({
      ip: t.string({ required: create, description: 'IP address (IP地址), IPv4 or IPv6.' }),
      port: t.int({ required: create, description: 'Port (端口), 1–65535.' }),
      protocol: t.string({ required: create, description: 'Protocol (协议): tcp or udp.' }),
      domain: t.string({ description: 'Domain name (域名); internationalised names are IDNA-encoded.' }),
      service: t.string({ description: 'Service seen (服务).' }),
      firstSeen: t.field({ type: 'Date', required: create, description: 'First seen (首次发现日期).' }),
      lastSeen: t.field({
        type: 'Date',
        description: create
          ? 'Last seen (最近发现日期), not before firstSeen; defaults to firstSeen.'
          : 'Last seen (最近发现日期), not before firstSeen.',
      }),
      systemId: t.id({
        description: create
          ? 'The system it exposes (所属系统); omit for an unmatched exposure.'
          : 'Re-links to this system; null unlinks (unmatched); absent keeps the link.',
      }),
    }),
  });
const CreateExposureInput = exposureInput(true);
const UpdateExposureInput = exposureInput(false);

const systemIdOf = (id: string | null | undefined) =>
  id === undefined ? undefined : id === null ? null : decodeId(id, 'System', 'input.systemId');

builder.mutationFields((t) => ({
  createExposure: t.field({
    type: ExposureRef,
    description:
      'Records an internet exposure (登记暴露面). A second exposure of the same endpoint (ip, port, protocol, ' +
      'whatever textual form the ip has) is a ConflictError on `input.ip`.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateExposureInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createExposure(ctx, { ...input, systemId: systemIdOf(input.systemId) }),
  }),
  updateExposure: t.field({
    type: ExposureRef,
    description: 'Changes an internet exposure, re-links or unlinks its system (变更暴露面).',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateExposureInput, required: true }) },
    resolve: (_root, { id, input }, ctx) =>
      updateExposure(ctx, decodeId(id, 'Exposure'), { ...input, systemId: systemIdOf(input.systemId) }),
  }),
  deleteExposure: t.field({
    type: 'ID',
    description: 'Deletes an internet exposure (删除暴露面), e.g. once closed. Returns the deleted id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteExposure(ctx, decodeId(id, 'Exposure'));
      return id;
    },
  }),
}));
