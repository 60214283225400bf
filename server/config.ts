/**
 * Configuration from environment variables, validated once at start. A bad value stops the
 * process with a message that names the variable, the value and what is expected.
 */

import { createPublicKey } from 'node:crypto';
import { type AuditConfig, loadAuditConfig } from './audit.js';
import { type ComplianceConfig, loadComplianceConfig } from './compliance/config.js';
import { type Env, envReader } from './env.js';
import { type HardeningConfig, loadHardeningConfig } from './hardening.js';

export interface Neo4jConfig {
  /** Bolt URI; `neo4j://` and `neo4j+s://` route reads and writes in a cluster. */
  uri: string;
  user: string;
  password: string;
  database: string;
  /** True when the project starts its own local Neo4j (no NEO4J_URI given). */
  local: boolean;
  /** Per-transaction timeout sent with every statement. */
  transactionTimeoutMs: number;
}

export interface Config {
  port: number;
  host: string;
  neo4j: Neo4jConfig;
  /** Key of the HMAC that turns resident ID numbers into matching hashes. */
  residentIdKey: string;
  /** Largest `first` any connection accepts. */
  maxPageSize: number;
  defaultPageSize: number;
  graphiql: boolean;
  /** Seed the demo data into an empty database at start. */
  seedDemo: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  auth: AuthConfig;
  risk: RiskConfig;
  compliance: ComplianceConfig;
  hardening: HardeningConfig;
  audit: AuditConfig;
}

/** Parameters of the supply-chain risk flags. */
export interface RiskConfig {
  /** SUBCONTRACT_CHAIN_TOO_DEEP is raised when a chain below a vendor has more tiers than this (1..10). */
  subcontractMaxTiers: number;
}

export const DEFAULT_RISK_CONFIG: RiskConfig = { subcontractMaxTiers: 2 };

/** Reads `SUBCONTRACT_MAX_TIERS` (integer 1..10, default 2); a bad value is added to `problems`. */
export function loadRiskConfig(env: Record<string, string | undefined>, problems: string[]): RiskConfig {
  const raw = env.SUBCONTRACT_MAX_TIERS;
  if (raw === undefined || raw.trim() === '') return { ...DEFAULT_RISK_CONFIG };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10) {
    problems.push(`SUBCONTRACT_MAX_TIERS="${raw}" must be an integer from 1 to 10`);
    return { ...DEFAULT_RISK_CONFIG };
  }
  return { subcontractMaxTiers: n };
}

/** Bearer-token checking: HS256 with a shared secret, or RS256/ES256 with a public key. */
export interface AuthConfig {
  /** HS256 secret (≥ 32 characters); unset when a public key is used. */
  secret: string | null;
  /** PEM (SPKI) public key for RS256/ES256 tokens. */
  publicKey: string | null;
  issuer: string;
  audience: string;
  /** Tolerated clock difference when checking exp/nbf. */
  clockToleranceSeconds: number;
  /** True when the secret is the built-in development one (local database only). */
  development: boolean;
}

/** Used only with the project's own local Neo4j; any NEO4J_URI requires AUTH_JWT_SECRET or a key. */
export const DEVELOPMENT_JWT_SECRET = 'local-development-jwt-secret-not-for-production-use';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const LOCAL_NEO4J = {
  boltPort: 7687,
  user: 'neo4j',
  password: 'registry-local-dev',
  database: 'neo4j',
} as const;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const { int, bool } = envReader(env, problems);

  const uri = env.NEO4J_URI?.trim() || undefined;
  const local = uri === undefined;
  const boltPort = int('NEO4J_LOCAL_BOLT_PORT', LOCAL_NEO4J.boltPort, 1, 65535);
  if (uri !== undefined && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^/\s]+/.test(uri)) {
    problems.push(`NEO4J_URI="${uri}" must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI`);
  }
  if (!local && !env.NEO4J_PASSWORD) problems.push('NEO4J_PASSWORD is required when NEO4J_URI is set');

  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push(`LOG_LEVEL="${env.LOG_LEVEL}" must be one of debug, info, warn, error`);
  }
  const residentIdKey = env.RESIDENT_ID_HASH_KEY ?? (local ? 'local-development-key-not-for-production' : '');
  if (residentIdKey.length < 16) {
    problems.push(
      'RESIDENT_ID_HASH_KEY must be set to a secret of at least 16 characters when NEO4J_URI is set',
    );
  }
  const maxPageSize = int('MAX_PAGE_SIZE', 500, 1, 10_000);
  const defaultPageSize = int('DEFAULT_PAGE_SIZE', 50, 1, 10_000);
  if (defaultPageSize > maxPageSize) {
    problems.push(`DEFAULT_PAGE_SIZE=${defaultPageSize} must not exceed MAX_PAGE_SIZE=${maxPageSize}`);
  }

  const publicKey = env.AUTH_JWT_PUBLIC_KEY?.trim() || null;
  let secret = env.AUTH_JWT_SECRET || null;
  if (!secret && !publicKey) {
    if (local) secret = DEVELOPMENT_JWT_SECRET;
    else
      problems.push(
        'AUTH_JWT_SECRET (≥ 32 characters) or AUTH_JWT_PUBLIC_KEY is required when NEO4J_URI is set',
      );
  }
  if (secret && secret.length < 32)
    problems.push(`AUTH_JWT_SECRET must be at least 32 characters, got ${secret.length}`);
  if (publicKey) {
    try {
      const type = createPublicKey(publicKey).asymmetricKeyType;
      if (type !== 'rsa' && type !== 'ec')
        problems.push(`AUTH_JWT_PUBLIC_KEY must be an RSA or EC key, got ${type}`);
    } catch {
      problems.push('AUTH_JWT_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)');
    }
  }

  const config: Config = {
    port: int('PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    neo4j: {
      uri: uri ?? `bolt://127.0.0.1:${boltPort}`,
      user: local ? LOCAL_NEO4J.user : env.NEO4J_USER || 'neo4j',
      password: local ? (env.NEO4J_LOCAL_PASSWORD ?? LOCAL_NEO4J.password) : (env.NEO4J_PASSWORD ?? ''),
      database: env.NEO4J_DATABASE || LOCAL_NEO4J.database,
      local,
      transactionTimeoutMs: int('NEO4J_TX_TIMEOUT_MS', 15_000, 100, 600_000),
    },
    residentIdKey,
    maxPageSize,
    defaultPageSize,
    graphiql: bool('GRAPHIQL', true),
    seedDemo: bool('SEED_DEMO', local),
    logLevel,
    auth: {
      secret: publicKey ? null : secret,
      publicKey,
      issuer: env.AUTH_ISSUER || 'jincheng-mlps-registry',
      audience: env.AUTH_AUDIENCE || 'mlps-registry-api',
      clockToleranceSeconds: int('AUTH_CLOCK_TOLERANCE_SECONDS', 30, 0, 600),
      development: !publicKey && secret === DEVELOPMENT_JWT_SECRET,
    },
    risk: loadRiskConfig(env, problems),
    compliance: loadComplianceConfig(env, problems),
    hardening: loadHardeningConfig(env, problems),
    audit: loadAuditConfig(env, problems),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
