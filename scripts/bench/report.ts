/** The results as markdown: machine, data, load throughput, latency table, targets, profiles. */
import { SAMPLED_VENDORS } from './generate.js';
import type { LoadStats } from './load.js';
import type { Percentiles, ProfileSummary } from './measure.js';
import { SAMPLED_REACH_QUERY } from './queries.js';

export const MODES = ['raw', 'inProcess', 'inProcessSyncReads', 'http'] as const;
export type Mode = (typeof MODES)[number];

export const MODE_TITLES: Record<Mode, string> = {
  raw: 'raw Cypher (driver)',
  inProcess: 'API in-process',
  inProcessSyncReads: 'API in-process, AUDIT_SYNC_READS=true',
  http: 'API over HTTP',
};

export interface QueryResult {
  name: string;
  document: string;
  statements: string[];
  /** Samples of all variants together, per mode. */
  overall: Record<Mode, Percentiles>;
  variants: { label: string; stats: Record<Mode, Percentiles>; reached: string | null }[];
  errors: string[];
  /** Variants left out because the API failed on them (e.g. timed out) from the start. */
  unmeasured: string[];
  /** Timed calls that failed (timeouts, errors), per mode: not in the percentiles. */
  failures: Record<Mode, number>;
  /** Median over iterations of API/raw for the same variant in the same iteration (NaN: none). */
  pairedRatio: number;
  profile: ProfileSummary | null;
  /** The variant whose statement was profiled (the first, even if it was not measured). */
  profileOf: string;
}

export interface MachineInfo {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  neo4j: string;
  neo4jMemory: string;
  platform: string;
  /** 1-minute load averages at the start and at the end of the run (other work on the machine). */
  loadAverage: { start: number; end: number };
}

export interface Report {
  machine: MachineInfo;
  scale: number;
  seed: number;
  asOf: string;
  counts: { nodes: number; relationships: number };
  generated: Record<string, number>;
  load: LoadStats | null;
  queries: QueryResult[];
  /** --iterations and --min-seconds of the run. */
  iterations: number;
  minSeconds: number;
  missing: string[];
  notes: string[];
}

const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '–';
const int = (n: number) => Math.round(n).toLocaleString('en-US');

export function latencyTable(queries: readonly QueryResult[]): string {
  const lines = [
    '| Query | n | raw p50 | raw p95 | API p50 | API p95 | HTTP p50 | HTTP p95 | API (sync reads) p50 | API/raw p50 | API/raw p95 | API/raw paired median | HTTP/raw p50 | failed |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const q of queries) {
    const o = q.overall;
    lines.push(
      `| ${q.name} | ${o.raw.n} | ${ms(o.raw.p50)} | ${ms(o.raw.p95)} | ${ms(o.inProcess.p50)} | ${ms(o.inProcess.p95)} | ${ms(o.http.p50)} | ${ms(o.http.p95)} | ${ms(o.inProcessSyncReads.p50)} | ${ratio(o.inProcess.p50, o.raw.p50)} | ${ratio(o.inProcess.p95, o.raw.p95)} | ${Number.isFinite(q.pairedRatio) ? q.pairedRatio.toFixed(2) : '–'} | ${ratio(o.http.p50, o.raw.p50)} | ${MODES.reduce((a, m) => a + q.failures[m], 0)} |`,
    );
  }
  return lines.join('\n');
}

function variantTable(queries: readonly QueryResult[]): string {
  const lines = [
    '| Query | Variant | reached / returned | raw p50 | API p50 | API (sync reads) p50 | HTTP p50 | API − raw p50 |',
    '|---|---|---|--:|--:|--:|--:|--:|',
  ];
  for (const q of queries) {
    for (const v of q.variants) {
      const s = v.stats;
      lines.push(
        `| ${q.name} | ${v.label} | ${v.reached ?? '–'} | ${ms(s.raw.p50)} | ${ms(s.inProcess.p50)} | ${ms(s.inProcessSyncReads.p50)} | ${ms(s.http.p50)} | ${ms(s.inProcess.p50 - s.raw.p50)} |`,
      );
    }
    for (const label of q.unmeasured)
      lines.push(`| ${q.name} | ${label} | not measured: the API failed (see Errors) | – | – | – | – | – |`);
  }
  return lines.join('\n');
}

export function targets(report: Report): string[] {
  const out: string[] = [];
  const atDefault = report.scale === 1;
  const qualifier = atDefault ? '' : ` (scale ${report.scale}: indicative only; the targets are for scale 1)`;
  const mark = (ok: boolean) => (ok ? 'MET' : 'MISSED');
  const reachTarget = (name: string, what: string, judged: boolean) => {
    const q = report.queries.find((x) => x.name === name);
    if (!q || q.overall.inProcess.n === 0) {
      out.push(
        `- vendor reach at 4 hops, ${what}, p95 ≤ 300 ms: not measured (${q ? 'the API answered with an error' : 'not in this run'})`,
      );
      return;
    }
    const p95 = q.overall.inProcess.p95;
    const http = q.overall.http.p95;
    const failedCalls = MODES.reduce((a, m) => a + q.failures[m], 0);
    const incomplete = q.unmeasured.length > 0 || failedCalls > 0;
    const caveat = incomplete
      ? ` — and ${[
          q.unmeasured.length ? `the ${q.unmeasured.join(', ')} not measured (the API failed on it)` : '',
          failedCalls ? `${failedCalls} timed call(s) failed` : '',
        ]
          .filter(Boolean)
          .join('; ')}, so the true p95 is higher`
      : '';
    const verdict = judged
      ? mark(!incomplete && p95 <= 300 && http <= 300)
      : `${!incomplete && p95 <= 300 && http <= 300 ? 'within' : 'over'} 300 ms (informational)`;
    out.push(
      `- vendor reach at 4 hops, ${what}, p95 ≤ 300 ms: API in-process ${ms(p95)} ms, HTTP ${ms(http)} ms${caveat} — ${verdict}${qualifier}`,
    );
  };
  // The target is judged on the request mix (uniformly sampled vendors); the fixed trio, where the
  // largest vendor (reaching most of the city) is one request in three, is the worst case.
  reachTarget(SAMPLED_REACH_QUERY, `${SAMPLED_VENDORS} uniformly sampled vendors`, true);
  reachTarget('vendorReach maxHops 4', 'large/median/small vendor (worst case)', false);
  for (const q of report.queries) {
    if (q.overall.raw.n === 0 || q.overall.inProcess.n === 0) {
      out.push(`- API/raw ≤ 1.3 for ${q.name}: not measured (see Errors)`);
      continue;
    }
    const r50 = q.overall.inProcess.p50 / q.overall.raw.p50;
    const r95 = q.overall.inProcess.p95 / q.overall.raw.p95;
    out.push(
      `- API/raw ≤ 1.3 for ${q.name}: p50 ${ratio(q.overall.inProcess.p50, q.overall.raw.p50)}, p95 ${ratio(q.overall.inProcess.p95, q.overall.raw.p95)} (paired median ${Number.isFinite(q.pairedRatio) ? q.pairedRatio.toFixed(2) : '–'}; API − raw p50 ${ms(q.overall.inProcess.p50 - q.overall.raw.p50)} ms) — ${mark(r50 <= 1.3 && r95 <= 1.3)}${qualifier}`,
    );
  }
  if (report.load) {
    const rate = report.load.nodePhase.nodes / report.load.nodePhase.seconds;
    out.push(`- load ≥ 20k nodes/s: ${int(rate)} nodes/s — ${mark(rate >= 20_000)}${qualifier}`);
  }
  return out;
}

function loadSection(load: LoadStats): string {
  const rate = (n: number, s: number) => int(n / Math.max(s, 1e-3));
  const lines = [
    `Batches of ${int(load.batchSize)} rows, ${load.concurrency} write transactions at a time, inserted into the migrated empty database; ${load.retries} transaction retries (deadlocks between concurrent batches).`,
    load.deferredIndexes.length
      ? `As in a bulk import, the ${load.deferredIndexes.length} secondary node indexes and constraints no load statement looks nodes up by (${load.deferredIndexes.join(', ')}) were dropped first and rebuilt after the node statements; the rebuild (${load.indexSeconds.toFixed(1)} s, until every index is online) counts in the node phase. The \`*_id\` keys, the sector code and every relationship constraint stay in place throughout (\`--indexed-load\` keeps them all).`
      : 'Every index and constraint was in place throughout (`--indexed-load`).',
    load.warmup
      ? `The timed load ran on a warm database: Neo4j starts fresh for the bench and interprets its write path until the JIT has compiled it, so a graph at scale ${load.warmup.scale} (${int(load.warmup.nodes)} nodes, ${int(load.warmup.relationships)} relationships) was loaded through the same statements first (untimed: ${load.warmup.loadSeconds.toFixed(1)} s, its node phase at ${int(load.warmup.nodesPerSecond)} nodes/s on the cold database) and deleted again (${load.warmup.deleteSeconds.toFixed(1)} s). \`--no-load-warmup\` times a cold start instead.`
      : 'The timed load ran on a cold database (Neo4j freshly started, `--no-load-warmup`).',
    '',
    '| Phase | nodes | relationships | seconds | nodes/s | relationships/s |',
    '|---|--:|--:|--:|--:|--:|',
    `| node statements (nodes only, then the deferred index rebuild) | ${int(load.nodePhase.nodes)} | ${int(load.nodePhase.relationships)} | ${load.nodePhase.seconds.toFixed(1)} | ${rate(load.nodePhase.nodes, load.nodePhase.seconds)} | – |`,
    `| relationship statements | – | ${int(load.relationshipPhase.relationships)} | ${load.relationshipPhase.seconds.toFixed(1)} | – | ${rate(load.relationshipPhase.relationships, load.relationshipPhase.seconds)} |`,
    `| whole load | ${int(load.total.nodes)} | ${int(load.total.relationships)} | ${load.total.seconds.toFixed(1)} | ${rate(load.total.nodes, load.total.seconds)} | ${rate(load.total.relationships, load.total.seconds)} |`,
    '',
    '<details><summary>Per statement</summary>',
    '',
    '| Statement | rows of | rows | batches | seconds | rows/s |',
    '|---|---|--:|--:|--:|--:|',
    ...load.statements.map(
      (s) =>
        `| ${s.statement} | ${s.part} | ${int(s.rows)} | ${s.batches} | ${s.seconds.toFixed(2)} | ${rate(s.rows, s.seconds)} |`,
    ),
    '',
    '</details>',
  ];
  return lines.join('\n');
}

function profileSection(queries: readonly QueryResult[]): string {
  const parts: string[] = [];
  for (const q of queries) {
    if (!q.profile) continue;
    const p = q.profile;
    parts.push(
      `**${q.name}** (${q.profileOf}) — \`${p.statement}\`: ${int(p.totalDbHits)} db hits, ${p.resultRows} result rows, ${ms(p.ms)} ms under PROFILE`,
      '',
      '| Operator | db hits | rows | details |',
      '|---|--:|--:|---|',
      ...p.top.map(
        (o) =>
          `| ${o.operator} | ${int(o.dbHits)} | ${int(o.rows)} | ${o.details.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
      ),
      '',
    );
  }
  return parts.join('\n');
}

export function renderMarkdown(report: Report): string {
  const m = report.machine;
  const sections = [
    '# Benchmark results',
    '',
    `Generated by \`npm run bench -- --scale ${report.scale} --seed ${report.seed}\` on ${m.date}. See bench/README.md for how to run and read it.`,
    '',
    '## Machine and data',
    '',
    `- CPU: ${m.cpus} cores (${m.cpuModel}); memory ${m.memoryGiB.toFixed(1)} GiB; ${m.platform}`,
    `- Node ${m.node}; ${m.neo4j} (${m.neo4jMemory})`,
    `- Load average (1 min) at start ${m.loadAverage.start.toFixed(2)}, at end ${m.loadAverage.end.toFixed(2)}${Math.max(m.loadAverage.start, m.loadAverage.end) > m.cpus ? ' — other processes competed for the CPU: the numbers are pessimistic' : ''}`,
    `- Scale ${report.scale} (seed ${report.seed}, as of ${report.asOf}): ${int(report.counts.nodes)} nodes, ${int(report.counts.relationships)} relationships in the database`,
    `- Generated rows: ${Object.entries(report.generated)
      .map(([k, v]) => `${k} ${int(v)}`)
      .join(', ')}`,
    '',
    '## Load',
    '',
    report.load
      ? loadSection(report.load)
      : 'Not loaded in this run (`--skip-load`: the data of an earlier run was reused).',
    '',
    '## Query latency (ms)',
    '',
    `Each query: at least ${report.iterations} timed iterations per mode after warm-up (the \`n\` column), then the variants cheap enough (one iteration of all modes under 1 s) go on until they have been timed for ${report.minSeconds} s in all, each up to 10× its share; the variants rotated across iterations and the modes interleaved within each iteration (a query slower than ~5 minutes in all is cut short). p50/p95 are nearest-rank over all variants together, each variant weighing the same however many samples it has (so the extra samples sharpen the estimate without changing the mix); the large vendor dominates p95.`,
    '',
    "- **raw**: the Cypher statements the API sent for the same variables, captured from the app's own Db with their exact parameters and replayed with a separate neo4j-driver (statements the API sent concurrently are replayed concurrently).",
    '- **API**: `app.fetch` in process — yoga, bearer-token check (CITY_POLICE), limits, resolvers, loaders, JSON, and the audit record written to its file on disk before the response, its fdatasync right after (the production path).',
    "- **API (sync reads)**: the same with `AUDIT_SYNC_READS=true`, the response waiting for the record's fdatasync too: this minus API p50 is what that wait costs.",
    "- **HTTP**: `serve()` on a loopback port, called by a node:http client on one keep-alive socket — adds the HTTP stack, the socket and the client's own parsing (undici's `fetch` cost ~2.6 ms more client CPU per call on these shared cores).",
    '- **API/raw paired median**: the median, over iterations, of the API time divided by the raw time of the same variant in the same iteration: less sensitive than the ratio of two p50s to drift and to which variant the p50 falls on.',
    '- **failed**: timed calls that failed (e.g. the 15 s transaction timeout), in any mode; they are not in the percentiles (see Errors). A variant the API fails on from the start is not measured at all.',
    '- The rate limit (300/min per token) is switched off for the bench (`hardening.rateLimitPerMinute: 0`); every other limit is as configured.',
    '',
    report.queries.length ? latencyTable(report.queries) : '_No query measured._',
    '',
    report.missing.length ? `Not measured (not in the schema yet): ${report.missing.join(', ')}.` : '',
    '',
    '### Per variant (p50)',
    '',
    report.queries.length ? variantTable(report.queries) : '',
    '',
    '### Statements each request sends',
    '',
    ...report.queries.map((q) => `- ${q.name}: ${q.statements.map((s) => `\`${s}\``).join(', ') || '–'}`),
    '',
    '## Targets',
    '',
    ...targets(report),
    '',
    report.queries.some((q) => q.errors.length) ? '## Errors\n' : '',
    ...report.queries.flatMap((q) => q.errors.map((e) => `- ${q.name}: ${e}`)),
    '',
    report.queries.some((q) => q.profile) ? '## PROFILE of the slowest statement (first variant)\n' : '',
    profileSection(report.queries),
    report.notes.length ? '## Notes\n' : '',
    ...report.notes.map((n) => `- ${n}`),
    '',
  ];
  return `${sections
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
