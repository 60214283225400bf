/**
 * Per-request context: the caller, the database, and the request's DataLoaders. Loaders are made
 * on first use and keyed by name + arguments, so nested lists with the same arguments share one
 * batched statement per level of the query, however many parents there are.
 */
import DataLoader from 'dataloader';
import type { Config } from './config.js';
import type { Db } from './neo4j.js';
import type { Principal } from './principal.js';

export interface Context {
  db: Db;
  config: Config;
  principal: Principal;
  loader<K, V>(
    name: string,
    args: unknown,
    batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
  ): DataLoader<K, V>;
}

export function createContext(db: Db, config: Config, principal: Principal): Context {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    db,
    config,
    principal,
    loader<K, V>(name: string, args: unknown, batch: (keys: readonly K[]) => Promise<(V | Error)[]>) {
      const key = `${name}:${JSON.stringify(args ?? null)}`;
      let loader = loaders.get(key) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new DataLoader<K, V>(batch, { maxBatchSize: 1_000 });
        loaders.set(key, loader as DataLoader<unknown, unknown>);
      }
      return loader;
    },
  };
}
