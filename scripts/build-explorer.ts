/**
 * `npm run build`: builds the graph explorer (explorer/ → dist/explorer) with Vite, and writes
 * dist/explorer/trusted-documents.json, the explorer's GraphQL operations keyed by sha256 (for a
 * server that accepts trusted documents only). `npm start` and the explorer's browser test call
 * `ensureExplorerBuilt`, which builds only when the build is missing or older than its sources.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPERATIONS } from '../explorer/src/operations.js';
import { EXPLORER_DIST } from '../server/explorer.js';
import { sha256Hex } from '../server/hardening.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = [join(root, 'explorer'), fileURLToPath(import.meta.url)];

/** `{ sha256: document }` for every explorer operation. */
export function trustedDocumentsManifest(): Record<string, string> {
  return Object.fromEntries(Object.values(OPERATIONS).map((text) => [sha256Hex(text), text]));
}

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/explorer is missing or older than a file of explorer/ (or this script). */
export function explorerIsStale(dist: string = EXPLORER_DIST): boolean {
  let built: number;
  try {
    built = statSync(join(dist, 'trusted-documents.json')).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((source) => newestMtime(source) > built);
}

export async function buildExplorer(dist: string = EXPLORER_DIST): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: join(root, 'explorer'),
    base: '/explorer/',
    logLevel: 'warn',
    build: {
      outDir: dist,
      emptyOutDir: true,
      // Cytoscape is one large module; the page is served from the local network.
      chunkSizeWarningLimit: 1_200,
      sourcemap: false,
    },
  });
  mkdirSync(dist, { recursive: true });
  // Written last: its time stamp marks a complete build.
  writeFileSync(
    join(dist, 'trusted-documents.json'),
    `${JSON.stringify(trustedDocumentsManifest(), null, 2)}\n`,
  );
}

/** Builds the explorer when missing or stale; returns whether it built. */
export async function ensureExplorerBuilt(log: (m: string) => void = console.log): Promise<boolean> {
  if (!explorerIsStale()) return false;
  const started = Date.now();
  await buildExplorer();
  log(`built the graph explorer into ${EXPLORER_DIST} in ${Date.now() - started} ms`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildExplorer();
  console.log(`built the graph explorer into ${EXPLORER_DIST}`);
}
