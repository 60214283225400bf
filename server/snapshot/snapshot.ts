/**
 * Snapshots (备份/导出): the whole graph, or one jurisdiction, as a JSON Lines file, and its restore
 * into an empty database.
 *
 * FORMAT (JSON Lines, UTF-8, one JSON value per line):
 *   line 1  {"format":"mlps-registry-snapshot","version":1,"exportedAt":ISO,"scope":{…}|null,
 *            "migrations":[versions applied],"counts":{"nodes":N,"relationships":M}}
 *   then    {"node":key,"labels":[…sorted],"props":{…}}                     (all nodes first)
 *   then    {"rel":[fromKey,toKey],"type":T,"props":{…}}                     (then relationships)
 *   last    {"end":true,"nodes":N,"relationships":M}                          (a truncated file fails)
 * Keys are the source element ids (opaque, only used to connect relationships). Property values keep
 * their Neo4j types (see values.ts). Migration records are not data: the header lists the versions.
 *
 * Export runs in ONE read transaction (a consistent cut) and streams records straight to the file;
 * only a jurisdiction export keeps the set of chosen node keys in memory (to pick the relationships
 * within it). Restore reads the file line by line and writes batches of BATCH_SIZE in ONE write
 * transaction (all or nothing); it keeps a map source key → new element id (ids only).
 *
 * Labels and relationship types come from the file and are checked against the model's allow-list
 * before they reach Cypher, where they are parameters of dynamic labels (`$(…)`), never text.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.js';
import { migrations as migrationStatements, snapshot as q } from '../cypher.generated.js';
import type { Statement } from '../cypher-statement.js';
import { countData } from '../maintenance.js';
import { LABELS, RELATIONSHIP_TYPES as MODEL_RELATIONSHIP_TYPES } from '../model.js';
import type { Db } from '../neo4j.js';
import type { Scope } from '../principal.js';
import { decodeProps, type Encoded, encodeProps } from './values.js';

export const SNAPSHOT_FORMAT = 'mlps-registry-snapshot';
export const SNAPSHOT_VERSION = 1;
export const BATCH_SIZE = 2_000;

/** Node labels of the model (allow-list for restore): the core entities and what later issues added. */
export const NODE_LABELS = new Set<string>([
  ...LABELS,
  // Exposure scans (issue #6).
  'AddressBlock',
  'Scan',
  // Compliance inputs (issue #5).
  'ChangeFiling',
  'SupervisedRectification',
  'GradingReview',
  'Procurement',
  'Incident',
  'DataTransfer',
  'Drill',
]);

/** Relationship types of the model (allow-list for restore). */
export const RELATIONSHIP_TYPES = new Set<string>([
  ...MODEL_RELATIONSHIP_TYPES,
  'DECLARES',
  'OBSERVED',
  'MISSED',
  'HAS_CHANGE',
  'UNDER_SUPERVISION',
  'HAS_GRADING_REVIEW',
  'HAS_PROCUREMENT',
  'HAD_INCIDENT',
  'HAS_DATA_TRANSFER',
  'HAD_DRILL',
]);

export interface SnapshotHeader {
  format: string;
  version: number;
  exportedAt: string;
  scope: Scope | null;
  migrations: number[];
  counts: { nodes: number; relationships: number };
}

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** A driver that keeps Neo4j integers lossless (the app's driver turns them into JS numbers). */
function rawDriver(config: Neo4jConfig): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    userAgent: 'mlps-registry-snapshot',
  });
}

interface Sink {
  write(value: unknown): Promise<void>;
}

function fileSink(path: string) {
  const out = createWriteStream(path, { encoding: 'utf8', mode: 0o600 });
  const sink: Sink = {
    async write(value) {
      if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
    },
  };
  const close = () =>
    new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(resolve);
    });
  return { sink, close };
}

/**
 * Writes a snapshot of the whole graph (`scope` null) or of the jurisdiction `scope` to `path`.
 * Returns the header with the counts written.
 */
export async function exportSnapshot(
  db: Db,
  path: string,
  scope: Scope | null,
  now: Date = new Date(),
): Promise<SnapshotHeader> {
  const migrations = (await db.run(migrationStatements.applied, {})).map((r) => r.version as number);
  const driver = rawDriver(db.config);
  const session = driver.session({ database: db.config.database, defaultAccessMode: neo4j.session.READ });
  // The header goes first with the counts: a counting pass runs first in the same transaction.
  const { sink, close } = fileSink(path);
  const tx = session.beginTransaction({ metadata: { app: 'mlps-registry', statement: 'snapshot/export' } });
  try {
    const nodesStatement: Statement<unknown> = scope ? q.scopeNodes : q.allNodes;
    const keys: string[] = [];
    // Counting pass (in the same transaction, so the header matches the records).
    let nodes = 0;
    let relationships = 0;
    const nodeRows = tx.run(nodesStatement.text, scope ? { scope: scopeParam(scope) } : {});
    for await (const record of nodeRows) {
      const key = record.get('key') as string;
      if (scope) keys.push(key);
      nodes++;
    }
    const relStatement = scope ? q.relationshipsOf : q.allRelationships;
    const relParams = scope ? { keys } : {};
    for await (const _ of tx.run(relStatement.text, relParams)) relationships++;
    const header: SnapshotHeader = {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      exportedAt: now.toISOString(),
      scope,
      migrations,
      counts: { nodes, relationships },
    };
    await sink.write(header);
    for await (const record of tx.run(nodesStatement.text, scope ? { scope: scopeParam(scope) } : {})) {
      const labels = [...(record.get('labels') as string[])].sort();
      await sink.write({ node: record.get('key'), labels, props: encodeProps(record.get('props')) });
    }
    for await (const record of tx.run(relStatement.text, relParams)) {
      await sink.write({
        rel: [record.get('from'), record.get('to')],
        type: record.get('type'),
        props: encodeProps(record.get('props')),
      });
    }
    await sink.write({ end: true, nodes, relationships });
    await tx.commit();
    return header;
  } catch (error) {
    await tx.rollback().catch(() => {});
    throw error;
  } finally {
    await close();
    await session.close();
    await driver.close();
  }
}

function scopeParam(scope: Scope) {
  return {
    all: scope.all,
    divisionCodes: scope.divisionCodes,
    sectorCodes: scope.sectorCodes,
    operatorIds: scope.operatorIds,
  };
}

type Line =
  | { node: string; labels: string[]; props: Record<string, Encoded> }
  | { rel: [string, string]; type: string; props: Record<string, Encoded> }
  | { end: true; nodes: number; relationships: number };

function checkHeader(value: unknown, applied: Set<number>): SnapshotHeader {
  const h = value as SnapshotHeader;
  if (!h || h.format !== SNAPSHOT_FORMAT) throw new SnapshotError('not a registry snapshot (bad header)');
  if (h.version !== SNAPSHOT_VERSION) {
    throw new SnapshotError(`snapshot format version ${h.version} is not supported (this build: 1)`);
  }
  const missing = (h.migrations ?? []).filter((v) => !applied.has(v));
  if (missing.length) {
    throw new SnapshotError(
      `the snapshot needs schema migrations ${missing.join(', ')}, not applied here: run npm run migrate`,
    );
  }
  return h;
}

/**
 * Restores the snapshot at `path` into the database, which must hold no data (migrations applied).
 * All of it in one write transaction: an error leaves the database empty.
 */
export async function restoreSnapshot(
  db: Db,
  path: string,
): Promise<{ header: SnapshotHeader; nodes: number; relationships: number }> {
  const existing = await countData(db);
  if (existing.nodes > 0) {
    throw new SnapshotError(
      `restore needs an empty database; this one holds ${existing.nodes} nodes and ${existing.relationships} relationships`,
    );
  }
  const applied = new Set((await db.run(migrationStatements.applied, {})).map((r) => r.version as number));
  const driver = rawDriver(db.config);
  const session = driver.session({ database: db.config.database, defaultAccessMode: neo4j.session.WRITE });
  const tx = session.beginTransaction({ metadata: { app: 'mlps-registry', statement: 'snapshot/restore' } });
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const element = new Map<string, string>();
  let header: SnapshotHeader | null = null;
  let nodes = 0;
  let relationships = 0;
  let ended = false;
  let nodeBatch: { key: string; labels: string[]; props: Record<string, unknown> }[] = [];
  let relBatch: { from: string; to: string; type: string; props: Record<string, unknown> }[] = [];
  let lineNo = 0;
  const flushNodes = async () => {
    if (!nodeBatch.length) return;
    const result = await tx.run(q.createNodes.text, { rows: nodeBatch });
    for (const r of result.records) element.set(r.get('key') as string, r.get('element') as string);
    nodes += nodeBatch.length;
    nodeBatch = [];
  };
  const flushRels = async () => {
    if (!relBatch.length) return;
    const result = await tx.run(q.createRelationships.text, { rows: relBatch });
    const count = neo4j.integer.toNumber(result.records[0]?.get('count') ?? 0);
    if (count !== relBatch.length)
      throw new SnapshotError(`wrote ${count} of ${relBatch.length} relationships`);
    relationships += relBatch.length;
    relBatch = [];
  };
  const fail = (message: string): never => {
    throw new SnapshotError(`line ${lineNo}: ${message}`);
  };
  try {
    for await (const text of lines) {
      lineNo++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        fail('not JSON');
      }
      if (!header) {
        header = checkHeader(value, applied);
        continue;
      }
      if (ended) fail('data after the end record');
      const line = value as Line;
      if ('node' in line) {
        if (relBatch.length || relationships) fail('a node after the relationships');
        if (!Array.isArray(line.labels) || line.labels.length === 0) fail('a node without labels');
        for (const label of line.labels)
          if (!NODE_LABELS.has(label)) fail(`unknown node label "${String(label).slice(0, 40)}"`);
        if (element.has(line.node) || nodeBatch.some((n) => n.key === line.node)) fail('duplicate node key');
        nodeBatch.push({ key: String(line.node), labels: line.labels, props: decodeProps(line.props) });
        if (nodeBatch.length >= BATCH_SIZE) await flushNodes();
      } else if ('rel' in line) {
        await flushNodes();
        if (!RELATIONSHIP_TYPES.has(line.type))
          fail(`unknown relationship type "${String(line.type).slice(0, 40)}"`);
        const from = element.get(line.rel[0]);
        const to = element.get(line.rel[1]);
        if (!from || !to) fail('a relationship to a node not in the snapshot');
        relBatch.push({
          from: from as string,
          to: to as string,
          type: line.type,
          props: decodeProps(line.props),
        });
        if (relBatch.length >= BATCH_SIZE) await flushRels();
      } else if ('end' in line) {
        await flushNodes();
        await flushRels();
        if (line.nodes !== nodes || line.relationships !== relationships) {
          fail(`end record counts ${line.nodes}/${line.relationships} differ from the records read`);
        }
        ended = true;
      } else fail('unknown record');
    }
    if (!header) throw new SnapshotError('empty file');
    if (!ended) throw new SnapshotError('truncated snapshot: no end record');
    if (nodes !== header.counts.nodes || relationships !== header.counts.relationships) {
      throw new SnapshotError('header counts differ from the records');
    }
    await tx.commit();
    return { header, nodes, relationships };
  } catch (error) {
    await tx.rollback().catch(() => {});
    throw error;
  } finally {
    lines.close();
    await session.close();
    await driver.close();
  }
}
