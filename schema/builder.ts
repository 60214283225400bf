/**
 * The Pothos builder: plugins, scalars, the shared error types. No domain types live here.
 */
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLError, Kind } from 'graphql';
import type { Context } from '../server/context.js';
import { ConflictError, type FieldIssue, NotFoundError, ValidationError } from '../server/errors.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    ID: { Input: string; Output: string };
    /** An uploaded file (GraphQL multipart request); input only. */
    File: { Input: File; Output: never };
  };
}>({
  plugins: [ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      description: 'Fetches any object by its global id (全局标识). Out-of-scope ids answer null.',
    },
    nodesQueryOptions: false,
    // A malformed id is the caller's mistake: a clear BAD_USER_INPUT that never echoes the raw input.
    decodeGlobalID: (globalID: string) => {
      const decoded = Buffer.from(globalID, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (!/^[A-Za-z0-9+/=_-]{1,400}$/.test(globalID) || colon < 1 || colon === decoded.length - 1) {
        throw new GraphQLError('id: not a global id returned by this API', {
          extensions: { code: 'BAD_USER_INPUT', argument: 'id' },
        });
      }
      return { typename: decoded.slice(0, colon), id: decoded.slice(colon + 1) };
    },
    idFieldOptions: { description: 'Global id (全局标识), opaque; use it with `node(id:)` and mutations.' },
    nodeTypeOptions: { description: 'An object with a global id (可按全局标识查询的对象).' },
    pageInfoTypeOptions: { description: 'Where a page sits in the whole list (分页信息).' },
    defaultConnectionTypeOptions: { description: 'A page of a list (分页结果), ordered as the field says.' },
    defaultEdgeTypeOptions: { description: 'One item of a page with its cursor (分页条目).' },
    edgesFieldOptions: { description: 'The items of this page.' },
    pageInfoFieldOptions: { description: 'Whether more pages follow, and the cursors of this one.' },
    cursorFieldOptions: { description: 'Opaque cursor: pass it as `after` to get the items that follow.' },
    nodeFieldOptions: { description: 'The item.' },
    hasNextPageFieldOptions: { description: 'True when items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when this page was asked for with `after`.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item: pass it as `after` for the next page.' },
    firstArgOptions: {
      description: 'Page size (每页条数): default DEFAULT_PAGE_SIZE, at most MAX_PAGE_SIZE.',
    },
    afterArgOptions: {
      description: 'Cursor after which the page starts (`endCursor` of the previous page).',
    },
    lastArgOptions: { description: 'Not supported (backward pagination): an error when given.' },
    beforeArgOptions: { description: 'Not supported (backward pagination): an error when given.' },
  },
  errors: {
    defaultTypes: [],
    defaultResultOptions: {
      description: 'The change was made (成功); `data` holds the object as now stored.',
    },
    defaultUnionOptions: {
      description:
        'The outcome (结果): the success object, or an expected error saying what to fix; nothing is written on error.',
    },
  },
});

builder.scalarType('Date', {
  description:
    'A calendar date (日期) as `YYYY-MM-DD`, in Asia/Shanghai. Input dates are checked by the mutation, which answers a ValidationError naming the field for an impossible date.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('Date must be a string YYYY-MM-DD');
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string YYYY-MM-DD');
    return ast.value;
  },
});

builder.scalarType('DateTime', {
  description:
    'An instant (时间) as ISO 8601 with its offset, e.g. `2025-10-20T09:30:00+08:00`. Input values are checked by the mutation, which answers a ValidationError naming the field.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('DateTime must be an ISO 8601 string');
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO 8601 string');
    return ast.value;
  },
});

builder.queryType({ description: 'Read access to the registry (查询).' });
builder.mutationType({
  description: 'Changes to the registry (登记、变更). A failed mutation writes nothing.',
});

const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure (错误), returned as a member of a result union.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What went wrong, in words.' }) }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>('FieldIssue').implement({
  description: 'One problem with one input field (字段错误).',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Path of the input field, e.g. `input.uscc`.' }),
    message: t.exposeString('message', { description: 'The value and what is wrong with it.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input failed validation (输入校验失败); nothing was written. Lists every problem found.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues, description: 'Every problem found.' }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description:
    'A referenced object does not exist or is outside your jurisdiction (对象不存在); nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The input field holding the id.' }),
    id: t.exposeString('id', { description: 'The id that was not found.' }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description:
    'The write would break a uniqueness rule (唯一性冲突), e.g. a USCC already registered; nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', { description: 'The input field in conflict.' }) }),
});

/** Every mutation answers these expected errors as union members. */
export const MUTATION_ERRORS = [ValidationError, NotFoundError, ConflictError];
