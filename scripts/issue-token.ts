/**
 * Issues a bearer token (HS256, AUTH_JWT_SECRET) until an identity provider takes over.
 *
 *   npm run token -- --role COUNTY_POLICE --division 140522 --sub li.wei [--hours 8]
 *   npm run token -- --role PROTECTION_DEPARTMENT --sectors ENERGY,FINANCE --sub energy-bureau
 *   npm run token -- --role OPERATOR --operator <operator id> --sub ops-admin
 */
import { parseArgs } from 'node:util';
import { issueToken, principalFromClaims, type TokenClaims } from '../server/auth.js';
import { loadConfig } from '../server/config.js';
import type { Role } from '../server/principal.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    sub: { type: 'string' },
    division: { type: 'string' },
    sectors: { type: 'string' },
    operator: { type: 'string' },
    hours: { type: 'string', default: '8' },
  },
});
const hours = Number(values.hours);
if (!values.role || !values.sub || !Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) {
  console.error(
    'usage: npm run token -- --role ROLE --sub SUBJECT [--division CODE] [--sectors A,B] [--operator ID] [--hours 1-720]',
  );
  process.exit(2);
}
const claims: TokenClaims = {
  sub: values.sub,
  role: values.role as Role,
  ...(values.division ? { division: values.division } : {}),
  ...(values.sectors ? { sectors: values.sectors.split(',').map((s) => s.trim().toUpperCase()) } : {}),
  ...(values.operator ? { operator: values.operator } : {}),
};
try {
  principalFromClaims({ ...claims }); // refuse to issue a token the server would refuse
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
console.log(await issueToken(loadConfig().auth, claims, Math.round(hours * 3600)));
