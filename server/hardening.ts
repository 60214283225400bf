/**
 * Request limits and production-mode switches (placeholder: being written).
 */
import type { Plugin } from 'graphql-yoga';

export interface HardeningConfig {
  production: boolean;
}

export function loadHardeningConfig(
  env: Record<string, string | undefined>,
  _problems: string[],
): HardeningConfig {
  return { production: env.NODE_ENV === 'production' };
}

// biome-ignore lint/suspicious/noExplicitAny: placeholder until the hardening plugins land
export function hardeningPlugins(_config: HardeningConfig): Plugin<any>[] {
  return [];
}
