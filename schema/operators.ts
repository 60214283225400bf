/** Network operators (网络运营者 / 运营使用单位). */
import { DIVISIONS } from '../server/model.js';
import {
  countOperators,
  createOperator,
  deleteOperator,
  listOperators,
  loadOperator,
  type OperatorFilter,
  updateOperator,
} from '../server/repositories/operators.js';
import { loadSectorByCode } from '../server/repositories/sectors.js';
import { builder, MUTATION_ERRORS } from './builder.js';
import { decodeId, page, totalCountField } from './common.js';
import { OperatorRef, SectorRef } from './refs.js';

builder.node(OperatorRef, {
  description: 'A network operator (网络运营者), the unit that runs protected systems.',
  id: { resolve: (o) => o.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadOperator(ctx, id))),
  fields: (t) => ({
    uscc: t.exposeString('uscc', {
      description: 'Unified social credit code (统一社会信用代码), 18 characters.',
    }),
    name: t.exposeString('name', { description: 'Registered name (单位名称).' }),
    divisionCode: t.exposeString('divisionCode', {
      description: 'Administrative division code (行政区划代码) where the operator is located.',
    }),
    divisionName: t.string({
      description: 'Name of the division (行政区划名称).',
      resolve: (o) => DIVISIONS[o.divisionCode]?.name ?? o.divisionCode,
    }),
    inDevelopmentZone: t.exposeBoolean('inDevelopmentZone', {
      description: 'Located in the development zone (开发区), which has no division code of its own.',
    }),
    sector: t.field({
      type: SectorRef,
      nullable: true,
      description: 'The sector (行业领域) the operator belongs to.',
      resolve: (o, _args, ctx) => (o.sectorCode ? loadSectorByCode(ctx, o.sectorCode) : null),
    }),
    competentDepartment: t.exposeString('competentDepartment', {
      nullable: true,
      description: 'Competent (sector) department (行业主管部门) that approves gradings, if any.',
    }),
    securityBody: t.exposeString('securityBody', {
      nullable: true,
      description: 'Dedicated security management body (专门安全管理机构).',
    }),
    securityHead: t.exposeString('securityHead', {
      nullable: true,
      description: 'Responsible head of the security body (安全管理负责人).',
    }),
    securityBodyEstablishedOn: t.field({
      type: 'Date',
      nullable: true,
      description:
        'When the security body was set up (机构设立日期); null = not recorded, and CII-2 then takes the body as always there.',
      resolve: (o) => o.securityBodyEstablishedOn,
    }),
    contactPhone: t.exposeString('contactPhone', {
      nullable: true,
      description: 'Contact telephone (联系电话).',
    }),
  }),
});

const OperatorFilterInput = builder.inputType('OperatorFilter', {
  description: 'Filters for operators (运营者筛选).',
  fields: (t) => ({
    divisionCode: t.string({ description: 'Division code (行政区划代码), e.g. 140522.' }),
    sectorCode: t.string({ description: 'Sector code (行业领域代码), e.g. ENERGY.' }),
    search: t.string({ description: 'Part of the name, or the exact USCC.' }),
  }),
});

builder.queryField('operators', (t) =>
  t.connection(
    {
      type: OperatorRef,
      description: 'Network operators in your jurisdiction (网络运营者列表), by name.',
      args: { filter: t.arg({ type: OperatorFilterInput }) },
      resolve: (_root, args, ctx) => {
        const filter: OperatorFilter = args.filter ?? {};
        return page(
          ctx,
          args,
          (p) => listOperators(ctx, filter, p),
          () => countOperators(ctx, filter),
        );
      },
    },
    {
      name: 'OperatorConnection',
      description: 'A page of operators.',
      fields: (c) => ({ totalCount: c.int(totalCountField) }),
    },
    { name: 'OperatorEdge', description: 'An operator in a page.' },
  ),
);

const operatorInputFields = (required: boolean) =>
  builder.inputType(required ? 'CreateOperatorInput' : 'UpdateOperatorInput', {
    description: required
      ? 'A new operator (新增运营者).'
      : 'Changes to an operator; absent fields stay as they are.',
    fields: (t) => ({
      uscc: t.string({ required, description: 'Unified social credit code (统一社会信用代码).' }),
      name: t.string({ required, description: 'Registered name (单位名称).' }),
      divisionCode: t.string({ required, description: 'Division code (行政区划代码) in Jincheng.' }),
      inDevelopmentZone: t.boolean({ description: 'In the development zone (开发区).' }),
      sectorCode: t.string({ description: 'Sector code (行业领域代码).' }),
      competentDepartment: t.string({ description: 'Competent department (行业主管部门).' }),
      securityBody: t.string({ description: 'Dedicated security management body (专门安全管理机构).' }),
      securityHead: t.string({ description: 'Responsible head (安全管理负责人).' }),
      securityBodyEstablishedOn: t.field({
        type: 'Date',
        description:
          'When the security body was set up (机构设立日期): CII-2 on an earlier date finds no body.',
      }),
      contactPhone: t.string({ description: 'Contact telephone (联系电话).' }),
    }),
  });
const CreateOperatorInput = operatorInputFields(true);
const UpdateOperatorInput = operatorInputFields(false);

builder.mutationFields((t) => ({
  createOperator: t.field({
    type: OperatorRef,
    description: 'Registers a network operator (登记运营者).',
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateOperatorInput, required: true }) },
    resolve: (_root, { input }, ctx) => createOperator(ctx, input),
  }),
  updateOperator: t.field({
    type: OperatorRef,
    description: 'Changes an operator (变更运营者信息).',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateOperatorInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updateOperator(ctx, decodeId(id, 'Operator'), input),
  }),
  deleteOperator: t.field({
    type: 'ID',
    description: 'Deletes an operator that operates no system (删除运营者). Returns the deleted id.',
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteOperator(ctx, decodeId(id, 'Operator'));
      return id;
    },
  }),
}));
