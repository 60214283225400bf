/**
 * Property values ⇄ JSON for snapshots, keeping every Neo4j type: strings, booleans and floats are
 * plain JSON; everything else is a one-key tagged object: `{"$int": "42"}` (64-bit, as a string),
 * `{"$date": "2026-11-01"}`, `{"$datetime": "2026-11-01T08:00:00Z"}` (or with `[Region/City]`),
 * `{"$localdatetime": …}`, `{"$time": …}`, `{"$localtime": …}`, `{"$duration": "P1DT2H"}`,
 * `{"$float": "NaN" | "Infinity" | "-Infinity"}` for the floats JSON cannot hold. Lists are JSON
 * arrays of encoded values (Neo4j lists are homogeneous). Points and byte arrays are not used by the
 * model and are refused rather than silently changed.
 */
import neo4j, { type Integer } from 'neo4j-driver';

export type Encoded = string | number | boolean | Encoded[] | { [tag: string]: string };

export function encodeValue(value: unknown): Encoded {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $float: String(value) };
  if (neo4j.isInt(value)) return { $int: (value as Integer).toString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (neo4j.isDate(value)) return { $date: String(value) };
  if (neo4j.isDateTime(value)) return { $datetime: String(value) };
  if (neo4j.isLocalDateTime(value)) return { $localdatetime: String(value) };
  if (neo4j.isTime(value)) return { $time: String(value) };
  if (neo4j.isLocalTime(value)) return { $localtime: String(value) };
  if (neo4j.isDuration(value)) return { $duration: String(value) };
  throw new TypeError(`snapshot: unsupported property value ${Object.prototype.toString.call(value)}`);
}

export function encodeProps(props: Record<string, unknown>): Record<string, Encoded> {
  const out: Record<string, Encoded> = {};
  for (const key of Object.keys(props).sort()) out[key] = encodeValue(props[key]);
  return out;
}

const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
const DATETIME =
  /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/;

/** Driver temporal values built back from the ISO forms the driver prints. */
function parseTemporal(tag: string, text: string): unknown {
  if (tag === '$date') {
    const m = DATE.exec(text);
    if (m) return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
  } else if (tag === '$datetime' || tag === '$localdatetime') {
    const m = DATETIME.exec(text);
    if (m) {
      const parts = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i])) as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      const nanos = Number((m[7] ?? '').padEnd(9, '0') || 0);
      if (tag === '$localdatetime') {
        if (!m[8] && !m[9]) return new neo4j.types.LocalDateTime(...parts, nanos);
      } else if (m[9]) {
        return new neo4j.types.DateTime(...parts, nanos, undefined, m[9]);
      } else if (m[8]) {
        const z = m[8];
        const [h, mi, se] = z === 'Z' ? [0, 0, 0] : z.slice(1).split(':').map(Number);
        const offset = (z.startsWith('-') ? -1 : 1) * ((h ?? 0) * 3600 + (mi ?? 0) * 60 + (se ?? 0));
        return new neo4j.types.DateTime(...parts, nanos, offset);
      }
    }
  }
  throw new TypeError(`snapshot: bad or unsupported ${tag} value "${text.slice(0, 40)}"`);
}

export function decodeValue(value: Encoded): unknown {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const tag = keys[0];
    const text = tag === undefined ? undefined : value[tag];
    if (keys.length === 1 && tag !== undefined && typeof text === 'string') {
      if (tag === '$int') {
        if (!/^-?\d{1,19}$/.test(text)) throw new TypeError(`snapshot: bad $int "${text.slice(0, 40)}"`);
        return neo4j.int(text);
      }
      if (tag === '$float') {
        if (!['NaN', 'Infinity', '-Infinity'].includes(text)) throw new TypeError('snapshot: bad $float');
        return Number(text);
      }
      return parseTemporal(tag, text);
    }
  }
  throw new TypeError('snapshot: malformed property value');
}

export function decodeProps(props: Record<string, Encoded>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) out[key] = decodeValue(value);
  return out;
}
