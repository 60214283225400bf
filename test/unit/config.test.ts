import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('configuration', () => {
  it('defaults to the local Neo4j when NEO4J_URI is not set', () => {
    const config = loadConfig({});
    expect(config.neo4j).toMatchObject({ uri: 'bolt://127.0.0.1:7687', local: true, database: 'neo4j' });
    expect(config.seedDemo).toBe(true);
    expect(config.port).toBe(4000);
  });

  it('uses the given server and fetches nothing when NEO4J_URI is set', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://cluster.example:7687',
      NEO4J_USER: 'registry',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'mlps',
      RESIDENT_ID_HASH_KEY: 'a-production-secret-key',
      AUTH_JWT_SECRET: 'a-production-jwt-secret-of-enough-length',
    });
    expect(config.neo4j).toMatchObject({
      uri: 'neo4j+s://cluster.example:7687',
      user: 'registry',
      database: 'mlps',
      local: false,
    });
    expect(config.seedDemo).toBe(false);
  });

  it('names every bad variable, its value and what is expected', () => {
    let error: unknown;
    try {
      loadConfig({
        NEO4J_URI: 'http://x',
        PORT: 'eighty',
        MAX_PAGE_SIZE: '0',
        GRAPHIQL: 'maybe',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'NEO4J_URI="http://x" must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI',
      'NEO4J_PASSWORD is required when NEO4J_URI is set',
      'LOG_LEVEL="loud" must be one of debug, info, warn, error',
      'RESIDENT_ID_HASH_KEY must be set to a secret of at least 16 characters when NEO4J_URI is set',
      'MAX_PAGE_SIZE="0" must be an integer from 1 to 10000',
      'AUTH_JWT_SECRET (≥ 32 characters) or AUTH_JWT_PUBLIC_KEY is required when NEO4J_URI is set',
      'PORT="eighty" must be an integer from 0 to 65535',
      'GRAPHIQL="maybe" must be true or false',
    ]);
  });

  it('refuses a default page size above the maximum', () => {
    expect(() => loadConfig({ MAX_PAGE_SIZE: '10', DEFAULT_PAGE_SIZE: '20' })).toThrow(
      'DEFAULT_PAGE_SIZE=20 must not exceed MAX_PAGE_SIZE=10',
    );
  });
});
