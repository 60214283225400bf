import { describe, expect, it } from 'vitest';
import { testApp } from '../support/harness.js';

const { gql } = testApp();

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateOperatorInput!) {
    createOperator(input: $input) {
      __typename
      ... on MutationCreateOperatorSuccess { data { id uscc name divisionCode divisionName } }
      ... on ValidationError { issues { field message } }
      ... on ConflictError { field message }
    }
  }
`;

describe('operators', () => {
  it('creates an operator, normalising the USCC', async () => {
    const r = await gql(CREATE, {
      input: { uscc: '91140500ma0k000058', name: '晋城市测试单位', divisionCode: '140502' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.createOperator).toMatchObject({
      __typename: 'MutationCreateOperatorSuccess',
      data: {
        uscc: '91140500MA0K000058',
        name: '晋城市测试单位',
        divisionCode: '140502',
        divisionName: '城区',
      },
    });
  });

  it('answers every bad field at once and writes nothing', async () => {
    const r = await gql(CREATE, { input: { uscc: '91140500MA0K000059', name: ' ', divisionCode: '140501' } });
    const result = r.data?.createOperator as { __typename: string; issues: { field: string }[] };
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues.map((i) => i.field)).toEqual(['input.uscc', 'input.name', 'input.divisionCode']);
    expect(r.statements).toEqual([]);
  });

  it('reports a duplicate USCC as a conflict on that field', async () => {
    const r = await gql(CREATE, {
      input: { uscc: '91140500MA0K000058', name: '重复', divisionCode: '140502' },
    });
    expect(r.data?.createOperator).toMatchObject({ __typename: 'ConflictError', field: 'input.uscc' });
  });
});
