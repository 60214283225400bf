/**
 * Validation and normalisation of the identifiers the registry accepts (see
 * shared/domain/identifiers.md). Pure functions, no I/O.
 *
 * Every `normalize*` function returns a `Result`: the one canonical form to store, or a message that names
 * the value and says what is wrong. Callers prefix the field name. Resident identity numbers are personal
 * information, so their messages never repeat the value in full (only a masked form).
 */

import { createHmac } from 'node:crypto';
import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import { DIVISIONS, type DivisionCode, PROTOCOLS, type Protocol } from '../model.js';

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(message: string): Result<T> => ({ ok: false, message });

/** Quotes a value for a message, escaping control characters and cutting very long input short. */
function quote(value: string): string {
  const chars = [...value];
  return JSON.stringify(chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : value);
}

// ---------------------------------------------------------------------------------------------------
// Unified social credit code 统一社会信用代码 (GB 32100-2015)

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1–17: 3^(i-1) mod 31. */
const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** The check character (position 18) for the first 17 characters of a USCC. Throws on bad input. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`usccCheckCharacter needs 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = first17.charAt(i);
    const v = USCC_CHARSET.indexOf(ch);
    if (v < 0) {
      throw new RangeError(
        `character ${JSON.stringify(ch)} at position ${i + 1} is not allowed in a unified social credit code`,
      );
    }
    sum += v * (USCC_WEIGHTS[i] as number);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function normalizeUscc(value: string): Result<string> {
  const v = value.trim().toUpperCase();
  const chars = [...v];
  const q = quote(value.trim());
  if (chars.length !== 18) {
    return fail(`${q}: must be 18 characters, got ${chars.length}`);
  }
  for (let i = 0; i < 18; i++) {
    const ch = chars[i] as string;
    if (!USCC_CHARSET.includes(ch)) {
      return fail(
        `${q}: character ${JSON.stringify(ch)} at position ${i + 1} is not allowed in a unified social credit code`,
      );
    }
  }
  const expected = usccCheckCharacter(v.slice(0, 17));
  const actual = v.charAt(17);
  if (expected !== actual) {
    return fail(`${q}: check character should be "${expected}", got "${actual}"`);
  }
  return ok(v);
}

// ---------------------------------------------------------------------------------------------------
// Resident identity number 公民身份号码 (GB 11643-1999). Personal information: messages only show a mask.

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const RESIDENT_CHECK = '10X98765432';

/** The check character (digit or 'X') for the first 17 digits of a resident identity number. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('residentIdCheckCharacter needs exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (RESIDENT_WEIGHTS[i] as number);
  return RESIDENT_CHECK.charAt(sum % 11);
}

/** A masked rendering of possibly-invalid input, safe to put in a message. */
function maskForMessage(value: string): string {
  const chars = [...value];
  // At least 8 characters stay hidden, so no short or partial number is ever echoed whole.
  if (chars.length < 18) return JSON.stringify('*'.repeat(chars.length));
  const masked = chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
  return quote(masked);
}

/** Today's date as YYYY-MM-DD in China Standard Time (UTC+8, no daylight saving). */
function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function normalizeResidentId(value: string, today: Date = new Date()): Result<string> {
  const v = value.trim().toUpperCase();
  const q = maskForMessage(value.trim());
  const length = [...v].length;
  if (length !== 18) {
    return fail(`resident identity number ${q}: must be 18 characters, got ${length}`);
  }
  if (!/^\d{17}[\dX]$/.test(v)) {
    return fail(`resident identity number ${q}: must be 17 digits followed by a digit or X`);
  }
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (!isCalendarDate(birth)) {
    return fail(`resident identity number ${q}: birth date (digits 7–14) is not a real calendar date`);
  }
  if (birth > chinaDate(today)) {
    return fail(`resident identity number ${q}: birth date (digits 7–14) is in the future`);
  }
  const expected = residentIdCheckCharacter(v.slice(0, 17));
  const actual = v.charAt(17);
  if (expected !== actual) {
    return fail(`resident identity number ${q}: check character should be "${expected}", got "${actual}"`);
  }
  return ok(v);
}

function residentIdShape(id: string): string {
  const v = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) {
    throw new RangeError('not a resident identity number (17 digits followed by a digit or X)');
  }
  return v;
}

/** First 6 + 8 '*' + last 4, e.g. '140502********0019'. Throws if the id is not 17 digits + digit/X. */
export function maskResidentId(id: string): string {
  const v = residentIdShape(id);
  return `${v.slice(0, 6)}********${v.slice(14)}`;
}

/**
 * Keyed hash (HMAC-SHA256, lower-case hex) of the normalised id, for matching without storing the id.
 * Throws if the id is not 17 digits + digit/X or the key is empty.
 */
export function hashResidentId(id: string, key: string): string {
  if (key.length === 0) throw new RangeError('hashResidentId needs a non-empty key');
  return createHmac('sha256', key).update(residentIdShape(id), 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------------
// Divisions and MLPS filing certificate numbers 备案证明编号

const PLACEHOLDER_DIVISION = '140501';
const placeholderMessage = `${PLACEHOLDER_DIVISION} (市辖区) is a placeholder, not a place`;

function isDivisionCode(code: string): code is DivisionCode {
  return Object.hasOwn(DIVISIONS, code);
}

export function normalizeDivisionCode(value: string): Result<DivisionCode> {
  const v = value.trim();
  if (v === PLACEHOLDER_DIVISION) return fail(placeholderMessage);
  if (!/^\d{6}$/.test(v)) return fail(`${quote(v)}: a division code must be 6 digits`);
  if (!isDivisionCode(v)) {
    return fail(`${quote(v)}: not a division of Jincheng (one of ${Object.keys(DIVISIONS).join(', ')})`);
  }
  return ok(v);
}

export function normalizeFilingNumber(value: string): Result<string> {
  const v = value.trim();
  const q = quote(v);
  if (!/^\d{11}-\d{5}$/.test(v)) {
    return fail(`${q}: a filing certificate number must be 11 digits, a hyphen and 5 digits`);
  }
  const division = v.slice(0, 6);
  if (division === PLACEHOLDER_DIVISION) {
    return fail(`${q}: digits 1–6 are ${placeholderMessage}`);
  }
  if (!isDivisionCode(division)) {
    return fail(`${q}: digits 1–6 (${division}) are not a Jincheng division code`);
  }
  return ok(v);
}

// ---------------------------------------------------------------------------------------------------
// Network identifiers

type Ip = ipaddr.IPv4 | ipaddr.IPv6;

/** Parses an address strictly: IPv4 only as four decimal parts, no IPv6 zone ids. */
function parseIp(text: string): Ip | string {
  if (text.includes(':')) {
    if (text.includes('%')) return 'zone identifiers are not accepted';
    if (!ipaddr.IPv6.isValid(text)) return 'is not a valid IPv6 address';
    const tail = text.slice(text.lastIndexOf(':') + 1);
    if (tail.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(tail)) {
      return 'is not a valid IPv6 address';
    }
    const addr = ipaddr.IPv6.parse(text);
    return addr.isIPv4MappedAddress() ? addr.toIPv4Address() : addr;
  }
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) {
    return 'is not a valid IPv4 address (four decimal numbers 0–255 without leading zeros)';
  }
  return ipaddr.IPv4.parse(text);
}

function ipText(addr: Ip): string {
  return addr.kind() === 'ipv4' ? addr.toString() : (addr as ipaddr.IPv6).toRFC5952String();
}

export function normalizeIp(value: string): Result<string> {
  const v = value.trim();
  const parsed = parseIp(v);
  if (typeof parsed === 'string') return fail(`${quote(v)}: ${parsed}`);
  return ok(ipText(parsed));
}

function parseCidr(text: string): { addr: Ip; prefix: number } | string {
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const mapped = addrText.includes(':');
  const parsed = parseIp(addrText);
  if (typeof parsed === 'string') return parsed;
  // An IPv4-mapped IPv6 address was turned into IPv4: its prefix counts from bit 96.
  const fullBits = mapped ? 128 : 32;
  const bits = parsed.kind() === 'ipv4' ? 32 : 128;
  let prefix = fullBits;
  if (slash >= 0) {
    const prefixText = text.slice(slash + 1);
    if (!/^(0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > fullBits) {
      return `prefix length must be a whole number 0–${fullBits}`;
    }
    prefix = Number(prefixText);
  }
  let addr: Ip = parsed;
  if (mapped && bits === 32) {
    if (prefix < 96) {
      // The range reaches beyond the mapped block: keep it IPv6.
      addr = (parsed as ipaddr.IPv4).toIPv4MappedAddress();
    } else {
      prefix -= 96;
    }
  }
  const bytes = addr.toByteArray();
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    bytes[i] = (bytes[i] as number) & ((0xff << (8 - keep)) & 0xff);
  }
  const network = ipaddr.fromByteArray(bytes);
  return { addr: network, prefix };
}

/** Canonical network form with host bits zeroed; a bare address is taken as /32 or /128. */
export function normalizeCidr(value: string): Result<string> {
  const v = value.trim();
  const parsed = parseCidr(v);
  if (typeof parsed === 'string') return fail(`${quote(v)}: ${parsed}`);
  return ok(`${ipText(parsed.addr)}/${parsed.prefix}`);
}

/** Whether the address lies in the range. Addresses of the other family are never contained. Throws on invalid input. */
export function cidrContains(cidr: string, ip: string): boolean {
  const range = parseCidr(cidr.trim());
  if (typeof range === 'string') throw new RangeError(`${quote(cidr)}: ${range}`);
  const addr = parseIp(ip.trim());
  if (typeof addr === 'string') throw new RangeError(`${quote(ip)}: ${addr}`);
  if (addr.kind() !== range.addr.kind()) return false;
  return addr.match(range.addr, range.prefix);
}

export function normalizePort(value: number): Result<number> {
  if (!Number.isInteger(value)) return fail(`port ${value} is not a whole number`);
  if (value < 1 || value > 65535) return fail(`port ${value} is out of range 1–65535`);
  return ok(value);
}

export function normalizeProtocol(value: string): Result<Protocol> {
  const v = value.trim().toLowerCase();
  const found = PROTOCOLS.find((p) => p === v);
  if (found === undefined)
    return fail(`${quote(value.trim())}: protocol must be one of ${PROTOCOLS.join(', ')}`);
  return ok(found);
}

export function normalizeDomain(value: string): Result<string> {
  const trimmed = value.trim();
  const q = quote(trimmed);
  const input = trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  if (input.length === 0) return fail(`${q}: a domain name must not be empty`);
  // ASCII other than letters, digits, hyphen and dot would be mangled by URL host parsing (%-decoding etc.).
  const bad = /[^a-zA-Z0-9.\-\u0080-\uffff]/.exec(input);
  if (bad) return fail(`${q}: character ${JSON.stringify(bad[0])} is not allowed in a domain name`);
  const ascii = domainToASCII(input).toLowerCase();
  if (ascii === '') return fail(`${q}: is not a valid internationalised domain name`);
  if (ascii.length > 253) return fail(`${q}: domain name is ${ascii.length} characters, at most 253 allowed`);
  const labels = ascii.split('.');
  if (labels.length < 2) return fail(`${q}: a domain name needs at least two labels`);
  for (const label of labels) {
    if (label.length === 0) return fail(`${q}: empty label`);
    if (label.length > 63) return fail(`${q}: label "${label}" is longer than 63 characters`);
    if (!/^[a-z0-9-]+$/.test(label)) {
      return fail(`${q}: label "${label}" may only hold letters, digits and hyphens`);
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      return fail(`${q}: label "${label}" must not start or end with a hyphen`);
    }
  }
  if (/^\d+$/.test(labels[labels.length - 1] as string)) {
    return fail(`${q}: the top-level label must not be all digits (is it an IP address?)`);
  }
  return ok(ascii);
}

// ---------------------------------------------------------------------------------------------------
// Levels and dates

export function normalizeLevel(value: number): Result<number> {
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    return fail(`level ${value} must be a whole number 1–5`);
  }
  return ok(value);
}

function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

export function normalizeIsoDate(value: string): Result<string> {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return fail(`${quote(v)}: a date must be written YYYY-MM-DD`);
  if (!isCalendarDate(v)) return fail(`${quote(v)}: is not a real calendar date`);
  return ok(v);
}

/** An error message when `to` is before `from` (or either is not a date); null when the order is fine. */
export function checkDateOrder(from: string, to: string | null): string | null {
  const f = normalizeIsoDate(from);
  if (!f.ok) return f.message;
  if (to === null) return null;
  const t = normalizeIsoDate(to);
  if (!t.ok) return t.message;
  return t.value < f.value ? `end date ${t.value} is before start date ${f.value}` : null;
}
