/**
 * Bearer-token authentication: a signed JWT (jose) whose issuer, audience, expiry and signature are
 * checked, turned into a Principal. Default deny: no valid token, no access (401).
 *
 * Claims: `sub`; `role` (one of ROLES); `division` (COUNTY_POLICE: a county code; REGISTRAR:
 * optional, absent = the whole city); `sectors` (PROTECTION_DEPARTMENT: sector codes);
 * `operator` (OPERATOR: the operator's database id).
 */
import { createPublicKey } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { decodeJwt, importSPKI, type JWTPayload, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { AuthConfig } from './config.js';
import { COUNTY_DIVISION_CODES, type DivisionCode } from './model.js';
import { CITY_SCOPE, NO_SCOPE, type Principal, ROLES, type Role } from './principal.js';

export class AuthenticationError extends GraphQLError {
  constructor(reason: string) {
    super(`Not authenticated: ${reason}`, {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
      },
    });
  }
}

const POLICE_ROLES: readonly Role[] = ['CITY_POLICE', 'COUNTY_POLICE', 'REGISTRAR'];

export interface TokenClaims {
  sub: string;
  role: Role;
  division?: string;
  sectors?: string[];
  operator?: string;
}

/** Checks the role-specific claims and builds the principal; a token that does not fit is refused. */
export function principalFromClaims(payload: JWTPayload): Principal {
  const subject = typeof payload.sub === 'string' && payload.sub.trim() ? payload.sub : null;
  if (!subject) throw new AuthenticationError('the token has no subject (sub)');
  const role = payload.role as Role;
  if (!ROLES.includes(role)) throw new AuthenticationError(`unknown role "${String(payload.role)}"`);
  const base = {
    subject,
    role,
    canWrite: role === 'REGISTRAR',
    seesPersonalData: POLICE_ROLES.includes(role),
    canReadAudit: role === 'AUDITOR',
  };
  const division = payload.division;
  switch (role) {
    case 'CITY_POLICE':
      return { ...base, jurisdiction: 'city', scope: CITY_SCOPE };
    case 'COUNTY_POLICE':
    case 'REGISTRAR': {
      if (role === 'REGISTRAR' && (division === undefined || division === '140500')) {
        return { ...base, jurisdiction: 'city', scope: CITY_SCOPE };
      }
      if (typeof division !== 'string' || !(COUNTY_DIVISION_CODES as readonly string[]).includes(division)) {
        throw new AuthenticationError(
          `${role} needs a county division claim (one of ${COUNTY_DIVISION_CODES.join(', ')})`,
        );
      }
      return {
        ...base,
        jurisdiction: `division:${division}`,
        scope: { ...NO_SCOPE, divisionCodes: [division as DivisionCode] },
      };
    }
    case 'PROTECTION_DEPARTMENT': {
      const sectors = payload.sectors;
      if (!Array.isArray(sectors) || !sectors.length || !sectors.every((s) => typeof s === 'string' && s)) {
        throw new AuthenticationError('PROTECTION_DEPARTMENT needs a non-empty sectors claim');
      }
      return {
        ...base,
        jurisdiction: `sectors:${sectors.join(',')}`,
        scope: { ...NO_SCOPE, sectorCodes: sectors },
      };
    }
    case 'OPERATOR': {
      const operator = payload.operator;
      if (typeof operator !== 'string' || !operator)
        throw new AuthenticationError('OPERATOR needs an operator claim');
      return {
        ...base,
        jurisdiction: `operator:${operator}`,
        scope: { ...NO_SCOPE, operatorIds: [operator] },
      };
    }
    case 'AUDITOR':
      return { ...base, jurisdiction: 'audit', scope: NO_SCOPE };
  }
}

type VerifyKey = Uint8Array | CryptoKey;

/** How many verified tokens the verifier remembers (the oldest goes first). */
const VERIFIED_TOKENS_KEPT = 1_000;

export class TokenVerifier {
  private key: Promise<VerifyKey>;
  private readonly algorithms: string[];

  constructor(private readonly config: AuthConfig) {
    if (config.publicKey) {
      // The key's own type decides the one algorithm accepted (no algorithm confusion).
      const alg = createPublicKey(config.publicKey).asymmetricKeyType === 'ec' ? 'ES256' : 'RS256';
      this.algorithms = [alg];
      this.key = importSPKI(config.publicKey, alg);
    } else {
      this.algorithms = ['HS256'];
      this.key = Promise.resolve(new TextEncoder().encode(config.secret ?? ''));
    }
  }

  /**
   * Tokens verified in the last minute, with the principal they gave: a client sends the same token
   * with every request, and verifying its signature each time cost more than the rest of the
   * authentication. An entry never outlives the token's `exp` (with the clock tolerance), nor one
   * minute; a token that failed is never cached.
   */
  private readonly verified = new Map<string, { principal: Principal; validUntilMs: number }>();

  /** The principal of an `Authorization` header value; throws AuthenticationError. */
  async authenticate(header: string | null): Promise<Principal> {
    if (!header) throw new AuthenticationError('no bearer token (Authorization: Bearer <token>)');
    const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/.exec(header.trim());
    if (!match?.[1]) throw new AuthenticationError('the Authorization header is not "Bearer <token>"');
    const token = match[1];
    const cached = this.verified.get(token);
    if (cached && Date.now() < cached.validUntilMs) return cached.principal;
    this.verified.delete(token);
    const principal = await this.verify(token);
    this.remember(token, principal);
    return principal;
  }

  private remember(token: string, principal: Principal): void {
    const { exp } = decodeJwt(token);
    if (typeof exp !== 'number') return;
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    const validUntilMs = Math.min((exp + this.config.clockToleranceSeconds) * 1000, Date.now() + 60_000);
    this.verified.set(token, { principal, validUntilMs });
  }

  private async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.algorithms,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      });
      return principalFromClaims(payload);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new AuthenticationError('the token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed) {
        throw new AuthenticationError(`the token's ${error.claim} claim is not accepted`);
      }
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
        throw new AuthenticationError('the token signature does not verify');
      }
      throw new AuthenticationError('the token is malformed or not signed with an accepted algorithm');
    }
  }
}

/** Signs a token with the configured HS256 secret (the issuing script, tests, local demo). */
export async function issueToken(
  config: AuthConfig,
  claims: TokenClaims,
  ttlSeconds = 8 * 3600,
): Promise<string> {
  if (!config.secret)
    throw new Error('issuing tokens needs AUTH_JWT_SECRET (HS256); with a key pair, sign elsewhere');
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(config.secret));
}
