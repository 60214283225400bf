/**
 * Bearer tokens: only a token signed with the configured key, for this issuer and audience, not
 * expired, with claims that fit its role, opens the API. Everything else is a 401 before any Cypher.
 */
import { exportSPKI, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { schema } from '../../schema/index.js';
import { buildApp } from '../../server/app.js';
import { TokenVerifier } from '../../server/auth.js';
import { testApp } from '../support/harness.js';

const { app, db, config } = testApp();
const secret = new TextEncoder().encode(config.auth.secret ?? '');

async function sign(
  payload: JWTPayload,
  options: { key?: Uint8Array; exp?: number; iss?: string; aud?: string } = {},
) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(options.iss ?? config.auth.issuer)
    .setAudience(options.aud ?? config.auth.audience)
    .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 600)
    .sign(options.key ?? secret);
}

async function ask(authorization: string | null, target = app) {
  const statements: string[] = [];
  const stop = db.onStatement((name) => statements.push(name));
  try {
    const res = await target.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({ query: '{ operators(first: 1) { totalCount } }' }),
    });
    const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: res.status, body, statements, challenge: res.headers.get('www-authenticate') };
  } finally {
    stop();
  }
}

const valid = { sub: 'li.wei', role: 'CITY_POLICE' };

describe('bearer tokens', () => {
  it('accepts a valid token', async () => {
    const r = await ask(`Bearer ${await sign(valid)}`);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  });

  it.each([
    ['missing', async () => null, 'Not authenticated: no bearer token (Authorization: Bearer <token>)'],
    [
      'not a bearer header',
      async () => 'Basic bmVvNGo6cGFzcw==',
      'Not authenticated: the Authorization header is not "Bearer <token>"',
    ],
    [
      'expired',
      async () => `Bearer ${await sign(valid, { exp: Math.floor(Date.now() / 1000) - 3600 })}`,
      'Not authenticated: the token has expired',
    ],
    [
      'wrongly signed',
      async () =>
        `Bearer ${await sign(valid, { key: new TextEncoder().encode('another-secret-of-sufficient-length!!') })}`,
      'Not authenticated: the token signature does not verify',
    ],
    [
      'wrong audience',
      async () => `Bearer ${await sign(valid, { aud: 'someone-else' })}`,
      "Not authenticated: the token's aud claim is not accepted",
    ],
    [
      'wrong issuer',
      async () => `Bearer ${await sign(valid, { iss: 'evil' })}`,
      "Not authenticated: the token's iss claim is not accepted",
    ],
    [
      'garbage',
      async () => 'Bearer abc.def.ghi',
      'Not authenticated: the token is malformed or not signed with an accepted algorithm',
    ],
    [
      'unsigned (alg none)',
      async () =>
        `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...valid, iss: config.auth.issuer, aud: config.auth.audience, exp: 9999999999 })).toString('base64url')}.`,
      'Not authenticated: the token is malformed or not signed with an accepted algorithm',
    ],
    [
      'unknown role',
      async () => `Bearer ${await sign({ sub: 'x', role: 'ADMIN' })}`,
      'Not authenticated: unknown role "ADMIN"',
    ],
    [
      'county police without a division',
      async () => `Bearer ${await sign({ sub: 'x', role: 'COUNTY_POLICE' })}`,
      'Not authenticated: COUNTY_POLICE needs a county division claim (one of 140502, 140521, 140522, 140524, 140525, 140581)',
    ],
    [
      'operator without an operator',
      async () => `Bearer ${await sign({ sub: 'x', role: 'OPERATOR' })}`,
      'Not authenticated: OPERATOR needs an operator claim',
    ],
    [
      'no subject',
      async () => `Bearer ${await sign({ role: 'CITY_POLICE' })}`,
      "Not authenticated: the token's sub claim is not accepted",
    ],
  ])('refuses a %s token with 401 and runs no Cypher', async (_case, header, message) => {
    const r = await ask(await header());
    expect(r.status).toBe(401);
    expect(r.challenge).toBe('Bearer');
    expect(r.body.errors?.[0]).toMatchObject({ message, extensions: { code: 'UNAUTHENTICATED' } });
    expect(r.statements).toEqual([]);
  });

  it('remembers a verified token no longer than its expiry (with the clock tolerance) or a minute', async () => {
    const verifier = new TokenVerifier(config.auth);
    const started = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    const at = (ms: number) => vi.setSystemTime(ms);
    try {
      const exp = Math.floor(started / 1000) + 30;
      const header = `Bearer ${await sign(valid, { exp })}`;
      at(started);
      expect((await verifier.authenticate(header)).role).toBe('CITY_POLICE');
      // Within the token's life (and its tolerance) the remembered principal answers…
      at((exp + config.auth.clockToleranceSeconds) * 1000 - 1);
      expect((await verifier.authenticate(header)).subject).toBe('li.wei');
      // …and past it the token is verified again, and refused.
      at((exp + config.auth.clockToleranceSeconds) * 1000 + 1);
      await expect(verifier.authenticate(header)).rejects.toThrow('the token has expired');

      // A long-lived token is re-verified after a minute: a different key then refuses it.
      const longLived = `Bearer ${await sign(valid, { exp: Math.floor(started / 1000) + 3600 })}`;
      at(started);
      await verifier.authenticate(longLived);
      const rotated = new TokenVerifier({
        ...config.auth,
        secret: 'a-rotated-secret-of-sufficient-length!!',
      });
      await expect(rotated.authenticate(longLived)).rejects.toThrow('signature');
      at(started + 59_000);
      expect((await verifier.authenticate(longLived)).role).toBe('CITY_POLICE');
      // A token that failed is never remembered.
      const forged = `Bearer ${await sign(valid, { key: new TextEncoder().encode('another-secret-of-sufficient-length!!') })}`;
      await expect(verifier.authenticate(forged)).rejects.toThrow('signature');
      await expect(verifier.authenticate(forged)).rejects.toThrow('signature');
    } finally {
      vi.useRealTimers();
    }
  });

  it('verifies RS256 tokens against a configured public key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const pem = await exportSPKI(publicKey);
    const keyed = buildApp({
      schema,
      db,
      config: { ...config, auth: { ...config.auth, secret: null, publicKey: pem } },
    });
    const token = await new SignJWT(valid)
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(config.auth.issuer)
      .setAudience(config.auth.audience)
      .setExpirationTime('10m')
      .sign(privateKey);
    expect((await ask(`Bearer ${token}`, keyed)).status).toBe(200);
    // An HS256 token made with the public key as secret (algorithm confusion) is refused.
    const confused = await sign(valid, { key: new TextEncoder().encode(pem) });
    expect((await ask(`Bearer ${confused}`, keyed)).status).toBe(401);
  });

  it('answers 401 before parsing or validating: an anonymous caller learns nothing of the schema', async () => {
    const res = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ noSuchField { secrets } }' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors.map((e) => e.message)).toEqual([
      'Not authenticated: no bearer token (Authorization: Bearer <token>)',
    ]);
  });

  it('leaves /healthz open', async () => {
    expect((await app.fetch('http://localhost/healthz')).status).toBe(200);
  });
});
