/**
 * Parsing exposure scans into rows (one per open service) and bad rows, before anything is written.
 *
 * nmap XML (`nmap -oX`), parsed with fast-xml-parser: every `<host>` with an ipv4/ipv6 `<address>`,
 * every `<port>` whose `<state state="open">` (closed, filtered, open|filtered are not exposures).
 * service = `<service name>` plus product/version when given; domain = the first hostname of type
 * "user" (the name given on the command line), else the first PTR name. The date seen is the scan's
 * start (`<nmaprun start>`, Unix seconds) as a date in Asia/Shanghai. Locations are element paths:
 * `host[2]/port[1]`.
 *
 * Search-engine CSV (FOFA, Quake, Hunter, ZoomEye, Shodan exports), parsed with csv-parse: a header
 * row, UTF-8 (BOM allowed), comma separated. Header names are matched case-insensitively after
 * trimming, spaces/hyphens as underscores: see CSV_COLUMNS. ip and port are required; protocol
 * defaults to tcp; dates accept `YYYY-MM-DD` with an optional time (the time is dropped) and default
 * to the import date. Locations are file line numbers (the header is line 1).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  normalizeDomain,
  normalizeIp,
  normalizeIsoDate,
  normalizePort,
  normalizeProtocol,
} from '../../validation/identifiers.js';

export type ScanSource = 'NMAP' | 'SEARCH_ENGINE';

export interface ScanRow {
  /** Where the row is: `line 3` or `host[1]/port[2]`. */
  location: string;
  ip: string;
  port: number;
  protocol: string;
  domain: string | null;
  service: string | null;
  title: string | null;
  banner: string | null;
  firstSeen: string;
  lastSeen: string;
}

export interface BadRow {
  location: string;
  field: string;
  value: string | null;
  reason: string;
}

export interface ParsedScan {
  rows: ScanRow[];
  badRows: BadRow[];
  /** When the scan ran (nmap start time, ISO UTC), when the file says. */
  scannedAt: string | null;
}

const MAX_TEXT = 500;

function shanghaiDate(epochSeconds: number): string {
  return new Date(epochSeconds * 1000 + 8 * 3600_000).toISOString().slice(0, 10);
}

function clip(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  let text = '';
  for (const ch of String(value)) {
    const code = ch.codePointAt(0) ?? 0;
    // Control characters (other than tab, LF, CR) would break CSV output and logs.
    text += (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f ? ' ' : ch;
  }
  text = text.trim();
  return text === '' ? null : text.slice(0, MAX_TEXT);
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

type XmlNode = Record<string, unknown>;

export function parseNmapXml(xml: string, today: string): ParsedScan {
  const badRows: BadRow[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return {
      rows: [],
      badRows: [
        {
          location: `line ${valid.err.line}`,
          field: 'file',
          value: null,
          reason: `not well-formed XML: ${valid.err.msg}`,
        },
      ],
      scannedAt: null,
    };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseAttributeValue: false,
    processEntities: true,
    isArray: (name) => ['host', 'port', 'address', 'hostname'].includes(name),
  });
  const doc = parser.parse(xml) as { nmaprun?: XmlNode };
  const run = doc.nmaprun;
  if (!run) {
    return {
      rows: [],
      badRows: [
        { location: 'nmaprun', field: 'file', value: null, reason: 'not an nmap XML report (no <nmaprun>)' },
      ],
      scannedAt: null,
    };
  }
  const start = Number(run['@start']);
  const hasStart = Number.isInteger(start) && start > 0;
  const seen = hasStart ? shanghaiDate(start) : today;
  const rows: ScanRow[] = [];
  asArray(run.host as XmlNode[]).forEach((host, h) => {
    const hostPath = `host[${h + 1}]`;
    const addresses = asArray((host as XmlNode).address as XmlNode[]);
    const address = addresses.find((a) => a['@addrtype'] === 'ipv4' || a['@addrtype'] === 'ipv6');
    const ports = asArray(((host as XmlNode).ports as XmlNode | undefined)?.port as XmlNode[] | undefined);
    if (!address) {
      if (ports.length) {
        badRows.push({
          location: hostPath,
          field: 'address',
          value: null,
          reason: 'host without an IP address',
        });
      }
      return;
    }
    const ip = normalizeIp(String(address['@addr'] ?? ''));
    if (!ip.ok) {
      badRows.push({
        location: `${hostPath}/address`,
        field: 'ip',
        value: clip(address['@addr']),
        reason: ip.message,
      });
      return;
    }
    const names = asArray(
      ((host as XmlNode).hostnames as XmlNode | undefined)?.hostname as XmlNode[] | undefined,
    );
    const name = names.find((n) => n['@type'] === 'user') ?? names.find((n) => n['@type'] === 'PTR');
    let domain: string | null = null;
    if (name) {
      const d = normalizeDomain(String(name['@name'] ?? ''));
      // localhost and other single-label names are no internet domains: left out, not an error.
      if (d.ok && d.value.includes('.')) domain = d.value;
    }
    ports.forEach((port, p) => {
      const path = `${hostPath}/port[${p + 1}]`;
      const state = (port.state as XmlNode | undefined)?.['@state'];
      if (state !== 'open') return;
      const portNo = normalizePort(Number(port['@portid']));
      const protocol = normalizeProtocol(String(port['@protocol'] ?? ''));
      if (!portNo.ok) {
        badRows.push({ location: path, field: 'port', value: clip(port['@portid']), reason: portNo.message });
      }
      if (!protocol.ok) {
        badRows.push({
          location: path,
          field: 'protocol',
          value: clip(port['@protocol']),
          reason: protocol.message,
        });
      }
      if (!portNo.ok || !protocol.ok) return;
      const svc = port.service as XmlNode | undefined;
      const service = svc
        ? clip([svc['@name'], svc['@product'], svc['@version']].filter((x) => x !== undefined).join(' '))
        : null;
      rows.push({
        location: path,
        ip: ip.value,
        port: portNo.value,
        protocol: protocol.value,
        domain,
        service,
        title: null,
        banner: null,
        firstSeen: seen,
        lastSeen: seen,
      });
    });
  });
  return { rows, badRows, scannedAt: hasStart ? new Date(start * 1000).toISOString() : null };
}

/** Accepted CSV header names (after lower-casing; spaces and hyphens read as underscores). */
export const CSV_COLUMNS: Record<keyof Omit<ScanRow, 'location'>, string[]> = {
  ip: ['ip', 'ip_address', 'ip地址', 'host_ip'],
  port: ['port', '端口'],
  protocol: ['protocol', 'transport', '协议', '传输协议'],
  domain: ['domain', 'host', 'hostname', '域名'],
  service: ['service', 'product', '服务', '应用', '组件'],
  title: ['title', '标题', '网站标题'],
  banner: ['banner', 'header', '响应头'],
  firstSeen: ['first_seen', 'firstseen', '首次发现', '首次发现时间'],
  lastSeen: [
    'last_seen',
    'lastseen',
    'lastupdatetime',
    'last_update_time',
    'updated_at',
    '最近发现',
    '最近发现时间',
    '更新时间',
  ],
};

function headerField(header: string): keyof typeof CSV_COLUMNS | null {
  const h = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  for (const [field, names] of Object.entries(CSV_COLUMNS)) {
    if (names.includes(h)) return field as keyof typeof CSV_COLUMNS;
  }
  return null;
}

function csvDate(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    value.trim(),
  );
  if (!m) return null;
  const d = normalizeIsoDate(m[1] as string);
  return d.ok ? d.value : null;
}

/**
 * A search-engine CSV export. A host that is a URL (`https://a.example.cn:8443`) gives its host name;
 * a host equal to the ip is no domain.
 */
export function parseSearchEngineCsv(text: string, today: string): ParsedScan {
  const badRows: BadRow[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return {
      rows: [],
      badRows: [
        {
          location: `line ${e.lines ?? 1}`,
          field: 'file',
          value: null,
          reason: `not valid CSV: ${e.message}`,
        },
      ],
      scannedAt: null,
    };
  }
  const [head, ...body] = records;
  if (!head) return { rows: [], badRows, scannedAt: null };
  const columns = head.record.map(headerField);
  if (!columns.includes('ip') || !columns.includes('port')) {
    return {
      rows: [],
      badRows: [
        {
          location: 'line 1',
          field: 'header',
          value: clip(head.record.join(',')),
          reason: 'the header must name an ip column (ip, IP, ip地址) and a port column (port, 端口)',
        },
      ],
      scannedAt: null,
    };
  }
  const rows: ScanRow[] = [];
  for (const { record, info } of body) {
    const location = `line ${info.lines}`;
    const cell: Partial<Record<keyof typeof CSV_COLUMNS, string>> = {};
    columns.forEach((field, i) => {
      const v = record[i];
      if (field && v !== undefined && v.trim() !== '' && cell[field] === undefined) cell[field] = v.trim();
    });
    const bad = (field: string, value: string | null | undefined, reason: string) =>
      badRows.push({ location, field, value: clip(value), reason });
    const before = badRows.length;
    const ip = cell.ip === undefined ? null : normalizeIp(cell.ip);
    if (!ip) bad('ip', null, 'is required');
    else if (!ip.ok) bad('ip', cell.ip, ip.message);
    const portText = cell.port ?? '';
    const port = /^\d{1,5}$/.test(portText) ? normalizePort(Number(portText)) : null;
    if (!port?.ok)
      bad('port', cell.port, port && !port.ok ? port.message : 'a port number 1–65535 is required');
    const protocol = normalizeProtocol(cell.protocol ?? 'tcp');
    if (!protocol.ok) bad('protocol', cell.protocol, protocol.message);
    let domain: string | null = null;
    if (cell.domain !== undefined) {
      let host = cell.domain;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
        try {
          host = new URL(host).hostname;
        } catch {
          bad('domain', cell.domain, 'not a host name or URL');
        }
      } else host = host.replace(/:\d+$/, '');
      if (host !== '' && !normalizeIp(host.replace(/^\[|\]$/g, '')).ok) {
        const d = normalizeDomain(host);
        if (d.ok) domain = d.value;
        else bad('domain', cell.domain, d.message);
      }
    }
    const dates: Record<'firstSeen' | 'lastSeen', string> = { firstSeen: today, lastSeen: today };
    for (const k of ['firstSeen', 'lastSeen'] as const) {
      const v = cell[k];
      if (v === undefined) continue;
      const d = csvDate(v);
      if (!d) bad(k, v, 'not a date (YYYY-MM-DD, optionally with a time)');
      else if (d > today) bad(k, v, `is in the future (today is ${today} in Asia/Shanghai)`);
      else dates[k] = d;
    }
    if (cell.firstSeen === undefined) dates.firstSeen = cell.lastSeen !== undefined ? dates.lastSeen : today;
    if (cell.lastSeen === undefined) dates.lastSeen = cell.firstSeen !== undefined ? dates.firstSeen : today;
    if (dates.lastSeen < dates.firstSeen) bad('lastSeen', cell.lastSeen, 'is before first_seen');
    if (badRows.length > before || !ip?.ok || !port?.ok || !protocol.ok) continue;
    rows.push({
      location,
      ip: ip.value,
      port: port.value,
      protocol: protocol.value,
      domain,
      service: clip(cell.service),
      title: clip(cell.title),
      banner: clip(cell.banner),
      ...dates,
    });
  }
  return { rows, badRows, scannedAt: null };
}
