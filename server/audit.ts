/**
 * The audit trail (placeholder: being written).
 */
import type { Plugin } from 'graphql-yoga';

export interface AuditConfig {
  directory: string;
}

export function loadAuditConfig(env: Record<string, string | undefined>, _problems: string[]): AuditConfig {
  return { directory: env.AUDIT_DIR ?? '.audit' };
}

// biome-ignore lint/suspicious/noExplicitAny: placeholder until the audit plugin lands
export function auditPlugins(_config: AuditConfig): Plugin<any>[] {
  return [];
}
