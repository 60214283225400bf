/**
 * Inputs of the compliance checks MON-1, MON-2, INS-1 and CII-5 (issue #5): monitoring registrations
 * (第三方监测报备), internet egresses (互联网出口) and their monitoring devices (监测设备), self-inspections
 * (自查) and justifications of internet exposures (暴露面说明). Each is a dated node written by one
 * mutation and read through a paginated connection limited to the caller's jurisdiction.
 */
import {
  countExposureJustifications,
  type ExposureJustificationRecord,
  justifyExposure,
  listExposureJustifications,
} from '../server/compliance/exposure-justifications.js';
import {
  countInternetEgresses,
  countMonitoringDevices,
  countMonitoringRegistrations,
  endInternetEgress,
  type InternetEgressRecord,
  listInternetEgresses,
  listMonitoringDevices,
  listMonitoringRegistrations,
  type MonitoringDeviceRecord,
  type MonitoringRegistrationRecord,
  recordInternetEgress,
  recordMonitoringDevice,
  recordMonitoringRegistration,
  updateMonitoringDevice,
} from '../server/compliance/monitoring.js';
import {
  countSelfInspections,
  listSelfInspections,
  recordSelfInspection,
  type SelfInspectionRecord,
} from '../server/compliance/self-inspections.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, encodeGlobalID, page, totalCountField } from './common.js';
import { filterId } from './exposures.js';

const gid = (type: string, id: string | null) => (id == null ? null : encodeGlobalID(type, id));
const optionalId = (globalId: string | null | undefined, type: string, field: string) =>
  globalId == null ? null : decodeId(globalId, type, field);

// ---------------------------------------------------------------------------------------------------
// MON-1: monitoring registrations

const MonitoringRegistrationRef = builder
  .objectRef<MonitoringRegistrationRecord>('MonitoringRegistration')
  .implement({
    description:
      'A report to the police (报备) that a third-party company will monitor a system (第三方监测报备), MON-1: it must be made before the monitoring starts.',
    fields: (t) => ({
      id: t.id({
        description: 'Global id.',
        resolve: (m) => encodeGlobalID('MonitoringRegistration', m.id),
      }),
      systemId: t.id({
        description: 'The monitored system (System id).',
        resolve: (m) => encodeGlobalID('System', m.systemId),
      }),
      vendorId: t.id({
        description: 'The monitoring company (Vendor id).',
        resolve: (m) => encodeGlobalID('Vendor', m.vendorId),
      }),
      vendorName: t.exposeString('vendorName', { nullable: true, description: 'Its name (监测机构名称).' }),
      registeredOn: t.field({
        type: 'Date',
        description: 'Reported to the police on (报备日期).',
        resolve: (m) => m.registeredOn,
      }),
      reference: t.exposeString('reference', {
        nullable: true,
        description: 'Reference of the report (报备编号), when known.',
      }),
    }),
  });

const RecordMonitoringRegistrationInput = builder.inputType('RecordMonitoringRegistrationInput', {
  description: 'A monitoring registration (第三方监测报备), MON-1.',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'The monitored system (System id).' }),
    vendorId: t.id({ required: true, description: 'The monitoring company (Vendor id).' }),
    registeredOn: t.field({ type: 'Date', required: true, description: 'Reported on (报备日期).' }),
    reference: t.string({ description: 'Reference of the report (报备编号), up to 100 characters.' }),
  }),
});

// ---------------------------------------------------------------------------------------------------
// MON-2: internet egresses and monitoring devices

const InternetEgressRef = builder.objectRef<InternetEgressRecord>('InternetEgress').implement({
  description:
    'An internet egress (互联网出口) of a system, MON-2: each egress of an important system needs a monitoring device feeding the police platform.',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (g) => encodeGlobalID('InternetEgress', g.id) }),
    systemId: t.id({
      description: 'The system (System id).',
      resolve: (g) => encodeGlobalID('System', g.systemId),
    }),
    name: t.exposeString('name', { description: 'Name of the egress (出口名称), e.g. the line or link.' }),
    address: t.exposeString('address', {
      nullable: true,
      description: 'Public address or range (出口地址), as recorded.',
    }),
    from: t.field({ type: 'Date', description: 'In use since (启用日期).', resolve: (g) => g.from }),
    to: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day in use (停用日期, inclusive); null = still in use.',
      resolve: (g) => g.to,
    }),
  }),
});

const RecordInternetEgressInput = builder.inputType('RecordInternetEgressInput', {
  description: 'An internet egress of a system (互联网出口), MON-2.',
  fields: (t) => ({
    systemId: t.id({ required: true, description: 'The system (System id).' }),
    name: t.string({ required: true, description: 'Name of the egress (出口名称), up to 100 characters.' }),
    address: t.string({ description: 'Public address or range (出口地址), up to 100 characters.' }),
    from: t.field({ type: 'Date', required: true, description: 'In use since (启用日期).' }),
    to: t.field({ type: 'Date', description: 'Last day in use (停用日期, inclusive), when known.' }),
  }),
});

const MonitoringDeviceRef = builder.objectRef<MonitoringDeviceRecord>('MonitoringDevice').implement({
  description:
    'A monitoring device (监测设备) at an internet egress, feeding the police platform (汇入公安机关网络安全技术平台), MON-2.',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (x) => encodeGlobalID('MonitoringDevice', x.id) }),
    egressId: t.id({
      description: 'The egress (InternetEgress id).',
      resolve: (x) => encodeGlobalID('InternetEgress', x.egressId),
    }),
    systemId: t.id({
      description: 'The system of the egress (System id).',
      resolve: (x) => encodeGlobalID('System', x.systemId),
    }),
    serialNumber: t.exposeString('serialNumber', { description: 'Serial number (设备序列号).' }),
    installedOn: t.field({
      type: 'Date',
      description: 'Installed on (部署日期).',
      resolve: (x) => x.installedOn,
    }),
    removedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day in place (撤除日期, inclusive); null = still in place.',
      resolve: (x) => x.removedOn,
    }),
    platformConnectedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Feeds the police platform since (接入公安平台日期); null = not connected.',
      resolve: (x) => x.platformConnectedOn,
    }),
  }),
});

const RecordMonitoringDeviceInput = builder.inputType('RecordMonitoringDeviceInput', {
  description: 'A monitoring device at an internet egress (监测设备), MON-2.',
  fields: (t) => ({
    egressId: t.id({ required: true, description: 'The egress (InternetEgress id).' }),
    serialNumber: t.string({
      required: true,
      description: 'Serial number (设备序列号), up to 100 characters.',
    }),
    installedOn: t.field({ type: 'Date', required: true, description: 'Installed on (部署日期).' }),
    removedOn: t.field({
      type: 'Date',
      description: 'Last day in place (撤除日期, inclusive), when removed.',
    }),
    platformConnectedOn: t.field({
      type: 'Date',
      description:
        'Feeds the police platform since (接入公安平台日期), not before installation; absent = not connected.',
    }),
  }),
});

const UpdateMonitoringDeviceInput = builder.inputType('UpdateMonitoringDeviceInput', {
  description:
    'Later dates of a monitoring device (监测设备), MON-2: at least one; absent ones stay as they are.',
  fields: (t) => ({
    removedOn: t.field({ type: 'Date', description: 'Last day in place (撤除日期, inclusive).' }),
    platformConnectedOn: t.field({
      type: 'Date',
      description: 'Feeds the police platform since (接入公安平台日期), not before installation.',
    }),
  }),
});

// ---------------------------------------------------------------------------------------------------
// INS-1: self-inspections

const SelfInspectionRef = builder.objectRef<SelfInspectionRecord>('SelfInspection').implement({
  description:
    'A self-inspection (自查) of an operator (all its systems) or of one system, INS-1: due yearly (configurable).',
  fields: (t) => ({
    id: t.id({ description: 'Global id.', resolve: (x) => encodeGlobalID('SelfInspection', x.id) }),
    operatorId: t.id({
      nullable: true,
      description: 'The operator, for an operator-wide self-inspection (Operator id); null otherwise.',
      resolve: (x) => gid('Operator', x.operatorId),
    }),
    systemId: t.id({
      nullable: true,
      description: 'The system, for a self-inspection of one system (System id); null otherwise.',
      resolve: (x) => gid('System', x.systemId),
    }),
    title: t.exposeString('title', { description: 'What was inspected (自查内容).' }),
    heldOn: t.field({ type: 'Date', description: 'Held on (自查日期).', resolve: (x) => x.heldOn }),
  }),
});

const RecordSelfInspectionInput = builder.inputType('RecordSelfInspectionInput', {
  description: 'A self-inspection (自查), INS-1: set exactly one of operatorId and systemId.',
  fields: (t) => ({
    operatorId: t.id({ description: 'The operator, for an operator-wide self-inspection (Operator id).' }),
    systemId: t.id({ description: 'The system, for a self-inspection of one system (System id).' }),
    title: t.string({ required: true, description: 'What was inspected (自查内容).' }),
    heldOn: t.field({ type: 'Date', required: true, description: 'Held on (自查日期).' }),
  }),
});

// ---------------------------------------------------------------------------------------------------
// CII-5: exposure justifications

const ExposureJustificationRef = builder
  .objectRef<ExposureJustificationRecord>('ExposureJustification')
  .implement({
    description:
      'Why a service is reachable from the internet (暴露面说明), CII-5: every internet exposure of a CII system needs one in force.',
    fields: (t) => ({
      id: t.id({
        description: 'Global id.',
        resolve: (j) => encodeGlobalID('ExposureJustification', j.id),
      }),
      exposureId: t.id({
        description: 'The exposure (Exposure id).',
        resolve: (j) => encodeGlobalID('Exposure', j.exposureId),
      }),
      reason: t.exposeString('reason', { description: 'The business reason (暴露理由).' }),
      justifiedOn: t.field({
        type: 'Date',
        description: 'Justified on (说明日期).',
        resolve: (j) => j.justifiedOn,
      }),
      expiresOn: t.field({
        type: 'Date',
        nullable: true,
        description: 'Last day it holds (有效期至, inclusive); null = open-ended.',
        resolve: (j) => j.expiresOn,
      }),
    }),
  });

const JustifyExposureInput = builder.inputType('JustifyExposureInput', {
  description: 'A justification of an internet exposure (暴露面说明), CII-5.',
  fields: (t) => ({
    exposureId: t.id({ required: true, description: 'The exposure (Exposure id), matched to a system.' }),
    reason: t.string({ required: true, description: 'The business reason (暴露理由).' }),
    justifiedOn: t.field({ type: 'Date', required: true, description: 'Justified on (说明日期).' }),
    expiresOn: t.field({
      type: 'Date',
      description: 'Last day it holds (有效期至, inclusive), when limited.',
    }),
  }),
});

// ---------------------------------------------------------------------------------------------------
// Mutations

builder.mutationFields((t) => ({
  recordMonitoringRegistration: t.field({
    type: MonitoringRegistrationRef,
    description:
      'Records that monitoring of a system by a third party was reported to the police (登记第三方监测报备), MON-1.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordMonitoringRegistrationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordMonitoringRegistration(ctx, {
        ...input,
        systemId: decodeId(input.systemId, 'System', 'input.systemId'),
        vendorId: decodeId(input.vendorId, 'Vendor', 'input.vendorId'),
      }),
  }),
  recordInternetEgress: t.field({
    type: InternetEgressRef,
    description: 'Records an internet egress of a system (登记互联网出口), MON-2.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordInternetEgressInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordInternetEgress(ctx, { ...input, systemId: decodeId(input.systemId, 'System', 'input.systemId') }),
  }),
  recordMonitoringDevice: t.field({
    type: MonitoringDeviceRef,
    description: 'Records a monitoring device at an internet egress (登记监测设备), MON-2.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordMonitoringDeviceInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordMonitoringDevice(ctx, {
        ...input,
        egressId: decodeId(input.egressId, 'InternetEgress', 'input.egressId'),
      }),
  }),
  endInternetEgress: t.field({
    type: InternetEgressRef,
    description:
      'Records the last day an internet egress is in use (停用互联网出口), MON-2; its history stays.',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The egress (InternetEgress id).' }),
      to: t.arg({ type: 'Date', required: true, description: 'Last day in use (停用日期, inclusive).' }),
    },
    resolve: (_root, { id, to }, ctx) => endInternetEgress(ctx, decodeId(id, 'InternetEgress'), to),
  }),
  updateMonitoringDevice: t.field({
    type: MonitoringDeviceRef,
    description:
      'Records when a monitoring device was connected to the police platform and/or removed (更新监测设备), MON-2.',
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The device (MonitoringDevice id).' }),
      input: t.arg({ type: UpdateMonitoringDeviceInput, required: true }),
    },
    resolve: (_root, { id, input }, ctx) =>
      updateMonitoringDevice(ctx, decodeId(id, 'MonitoringDevice'), input),
  }),
  recordSelfInspection: t.field({
    type: SelfInspectionRef,
    description: 'Records a self-inspection of an operator or a system (登记自查), INS-1.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordSelfInspectionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordSelfInspection(ctx, {
        ...input,
        operatorId: optionalId(input.operatorId, 'Operator', 'input.operatorId'),
        systemId: optionalId(input.systemId, 'System', 'input.systemId'),
      }),
  }),
  justifyExposure: t.field({
    type: ExposureJustificationRef,
    description: 'Records why an internet exposure is needed (登记暴露面说明), CII-5.',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: JustifyExposureInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      justifyExposure(ctx, {
        ...input,
        exposureId: decodeId(input.exposureId, 'Exposure', 'input.exposureId'),
      }),
  }),
}));

// ---------------------------------------------------------------------------------------------------
// Lists

const connection = (name: string, what: string) => ({
  name: `${name}Connection`,
  description: `A page of ${what}.`,
});
const edge = (name: string, what: string) => ({
  name: `${name}Edge`,
  description: `One of ${what} in a page.`,
});

builder.queryFields((t) => ({
  monitoringRegistrations: t.connection(
    {
      type: MonitoringRegistrationRef,
      description:
        'Monitoring registrations (第三方监测报备) of systems in your jurisdiction, by registration date, MON-1.',
      args: {
        systemId: t.arg.id({ description: 'Only those of this system (System id).' }),
        vendorId: t.arg.id({ description: 'Only those naming this company (Vendor id).' }),
      },
      resolve: (_root, args, ctx) => {
        const filter = {
          systemId: filterId(args.systemId, 'System', 'systemId'),
          vendorId: filterId(args.vendorId, 'Vendor', 'vendorId'),
        };
        return page(
          ctx,
          args,
          (p) => listMonitoringRegistrations(ctx, filter, p),
          () => countMonitoringRegistrations(ctx, filter),
        );
      },
    },
    {
      ...connection('MonitoringRegistration', 'monitoring registrations'),
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    edge('MonitoringRegistration', 'the monitoring registrations'),
  ),
  internetEgresses: t.connection(
    {
      type: InternetEgressRef,
      description: 'Internet egresses (互联网出口) of systems in your jurisdiction, by system, MON-2.',
      args: { systemId: t.arg.id({ description: 'Only those of this system (System id).' }) },
      resolve: (_root, args, ctx) => {
        const filter = { systemId: filterId(args.systemId, 'System', 'systemId') };
        return page(
          ctx,
          args,
          (p) => listInternetEgresses(ctx, filter, p),
          () => countInternetEgresses(ctx, filter),
        );
      },
    },
    {
      ...connection('InternetEgress', 'internet egresses'),
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    edge('InternetEgress', 'the internet egresses'),
  ),
  monitoringDevices: t.connection(
    {
      type: MonitoringDeviceRef,
      description:
        'Monitoring devices (监测设备) at internet egresses of systems in your jurisdiction, by installation date, MON-2.',
      args: {
        egressId: t.arg.id({ description: 'Only those at this egress (InternetEgress id).' }),
        systemId: t.arg.id({ description: 'Only those at egresses of this system (System id).' }),
      },
      resolve: (_root, args, ctx) => {
        const filter = {
          egressId: filterId(args.egressId, 'InternetEgress', 'egressId'),
          systemId: filterId(args.systemId, 'System', 'systemId'),
        };
        return page(
          ctx,
          args,
          (p) => listMonitoringDevices(ctx, filter, p),
          () => countMonitoringDevices(ctx, filter),
        );
      },
    },
    {
      ...connection('MonitoringDevice', 'monitoring devices'),
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    edge('MonitoringDevice', 'the monitoring devices'),
  ),
  selfInspections: t.connection(
    {
      type: SelfInspectionRef,
      description: 'Self-inspections (自查) of operators and systems in your jurisdiction, by date, INS-1.',
      args: {
        operatorId: t.arg.id({ description: 'Only those of this operator and its systems (Operator id).' }),
        systemId: t.arg.id({ description: 'Only those of this system (System id).' }),
      },
      resolve: (_root, args, ctx) => {
        const filter = {
          operatorId: filterId(args.operatorId, 'Operator', 'operatorId'),
          systemId: filterId(args.systemId, 'System', 'systemId'),
        };
        return page(
          ctx,
          args,
          (p) => listSelfInspections(ctx, filter, p),
          () => countSelfInspections(ctx, filter),
        );
      },
    },
    {
      ...connection('SelfInspection', 'self-inspections'),
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    edge('SelfInspection', 'the self-inspections'),
  ),
  exposureJustifications: t.connection(
    {
      type: ExposureJustificationRef,
      description:
        'Justifications (暴露面说明) of internet exposures of systems in your jurisdiction, by date, CII-5.',
      args: {
        exposureId: t.arg.id({ description: 'Only those of this exposure (Exposure id).' }),
        systemId: t.arg.id({ description: 'Only those of exposures of this system (System id).' }),
      },
      resolve: (_root, args, ctx) => {
        const filter = {
          exposureId: filterId(args.exposureId, 'Exposure', 'exposureId'),
          systemId: filterId(args.systemId, 'System', 'systemId'),
        };
        return page(
          ctx,
          args,
          (p) => listExposureJustifications(ctx, filter, p),
          () => countExposureJustifications(ctx, filter),
        );
      },
    },
    {
      ...connection('ExposureJustification', 'exposure justifications'),
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    edge('ExposureJustification', 'the exposure justifications'),
  ),
}));
