/**
 * Every type, field, argument, input field and enum value carries a description (with the Chinese
 * term where there is one), so GraphiQL users find the words of the regulations.
 */
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.js';

function undocumented(): string[] {
  const missing: string[] = [];
  const need = (path: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(path);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        need(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    } else if (isUnionType(type)) {
      // a union has no members to describe beyond itself
    }
  }
  return missing;
}

describe('schema documentation', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undocumented()).toEqual([]);
  });

  it('uses the Chinese terms of the regulations', () => {
    const text = (name: string) => schema.getType(name)?.description ?? '';
    expect(text('Operator')).toContain('网络运营者');
    expect(text('System')).toContain('等级保护对象');
    expect(text('CriticalInfrastructure')).toContain('关键信息基础设施');
    expect(text('Vendor')).toMatch(/服务/);
    expect(text('BackgroundCheck')).toContain('背景审查');
    expect(text('Exposure')).toContain('暴露面');
  });
});
