/**
 * Turns every `cypher/<domain>/<name>.cypher` file into a typed statement in
 * `server/cypher.generated.ts`, so that a wrong parameter name fails to compile and nothing reads
 * Cypher files at run time.
 *
 * File format: leading `//` comment lines form the header — free text is the description,
 * `// @mode read|write` picks the routing (required), `// @param name: TsType` types a parameter
 * (untyped parameters are `unknown`). Every `$name` in the body must be declared or is `unknown`.
 * `// @bound NAME: LOW..HIGH` makes one statement per value with `{{NAME}}` replaced by the
 * literal (Cypher wants literal quantifier bounds such as `{1,4}`); the module then holds
 * `name: { LOW: Statement, …, HIGH: Statement }`.
 * `{{@name}}` is replaced by the expression of `cypher/fragments/<name>.cypher` (a piece shared by
 * several statements, written once; its header comments say which variables it expects).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cypherDir = join(root, 'cypher');
const outFile = join(root, 'server', 'cypher.generated.ts');

interface Parsed {
  domain: string;
  name: string;
  file: string;
  mode: 'read' | 'write';
  description: string;
  params: Map<string, string>;
  text: string;
  /** `// @bound NAME: LOW..HIGH` — one variant per value, `{{NAME}}` replaced by the literal. */
  bound: { name: string; low: number; high: number } | null;
}

const camel = (s: string) => s.replace(/[-_]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `cypher/fragments/<name>.cypher`, without its header comments, by camel-case name. */
function loadFragments(): Map<string, string> {
  const dir = join(cypherDir, 'fragments');
  const fragments = new Map<string, string>();
  for (const entry of readdirSync(dir).filter((e) => e.endsWith('.cypher'))) {
    const lines = readFileSync(join(dir, entry), 'utf8').split('\n');
    const body = lines
      .filter((l) => !l.trim().startsWith('//'))
      .join('\n')
      .trim();
    if (!body) throw new Error(`fragments/${entry}: empty fragment`);
    fragments.set(camel(entry.replace(/\.cypher$/, '')), body);
  }
  return fragments;
}
const fragments = loadFragments();

function parse(file: string): Parsed {
  const rel = relative(cypherDir, file);
  const parts = rel.replace(/\.cypher$/, '').split('/');
  if (parts.length !== 2) throw new Error(`${rel}: expected cypher/<domain>/<name>.cypher`);
  const [domain, name] = parts as [string, string];
  const lines = readFileSync(file, 'utf8').split('\n');
  const description: string[] = [];
  const params = new Map<string, string>();
  let mode: 'read' | 'write' | undefined;
  let bound: Parsed['bound'] = null;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line.startsWith('//')) break;
    const body = line.slice(2).trim();
    const modeMatch = /^@mode\s+(read|write)$/.exec(body);
    const paramMatch = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.+)$/.exec(body);
    const boundMatch = /^@bound\s+([A-Za-z]+)\s*:\s*(\d+)\.\.(\d+)$/.exec(body);
    if (boundMatch) {
      bound = { name: boundMatch[1] as string, low: Number(boundMatch[2]), high: Number(boundMatch[3]) };
      if (bound.low > bound.high || bound.high > 20)
        throw new Error(`${rel}: @bound range must be within 0..20`);
    } else if (modeMatch) mode = modeMatch[1] as 'read' | 'write';
    else if (paramMatch) params.set(paramMatch[1] as string, (paramMatch[2] as string).trim());
    else if (body.startsWith('@')) throw new Error(`${rel}: unknown header directive "${body}"`);
    else if (body) description.push(body);
  }
  if (!mode) throw new Error(`${rel}: missing "// @mode read|write" header`);
  const text = lines
    .slice(i)
    .join('\n')
    .trim()
    .replace(/\{\{@([A-Za-z]+)\}\}/g, (_, fragment: string) => {
      const body = fragments.get(fragment);
      if (body === undefined) throw new Error(`${rel}: no cypher/fragments file for {{@${fragment}}}`);
      return body;
    });
  if (!text) throw new Error(`${rel}: empty statement`);
  if (/;\s*\S/.test(text)) throw new Error(`${rel}: one statement per file`);
  const used = new Set([...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string));
  for (const declared of params.keys()) {
    if (!used.has(declared)) throw new Error(`${rel}: @param ${declared} is not used in the statement`);
  }
  for (const u of used) if (!params.has(u)) params.set(u, 'unknown');
  const placeholders = new Set([...text.matchAll(/\{\{([A-Za-z]+)\}\}/g)].map((m) => m[1]));
  if (bound && !placeholders.has(bound.name))
    throw new Error(`${rel}: @bound ${bound.name} has no {{${bound.name}}} in the statement`);
  for (const p of placeholders)
    if (p !== bound?.name) throw new Error(`${rel}: {{${p}}} has no @bound directive`);
  return {
    domain,
    name: camel(name),
    file: rel,
    mode,
    description: description.join(' '),
    params,
    text,
    bound,
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      if (statSync(full).isDirectory())
        return (entry === 'schema' || entry === 'fragments') && dir === cypherDir ? [] : walk(full);
      return entry.endsWith('.cypher') ? [full] : [];
    });
}

/** `cypher/schema/NNN-name.cypher`: `;`-separated DDL statements, applied in version order. */
function renderMigrations(): string[] {
  const dir = join(cypherDir, 'schema');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  const entries = files.map((file) => {
    const match = /^(\d{3})-([a-z0-9-]+)\.cypher$/.exec(file);
    if (!match) throw new Error(`cypher/schema/${file}: expected NNN-name.cypher`);
    const body = readFileSync(join(dir, file), 'utf8');
    const statements = body
      .split('\n')
      .filter((l) => !l.trim().startsWith('//'))
      .join('\n')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    const checksum = createHash('sha256').update(body).digest('hex').slice(0, 16);
    return `  { version: ${Number(match[1])}, name: ${JSON.stringify(match[2])}, checksum: '${checksum}', statements: ${JSON.stringify(statements)} },`;
  });
  const versions = files.map((f) => Number(f.slice(0, 3)));
  if (new Set(versions).size !== versions.length)
    throw new Error('cypher/schema: duplicate migration version');
  return [
    '/** Schema migrations from cypher/schema, in the order they are applied. */',
    'export const schemaMigrations: readonly Migration[] = [',
    ...entries,
    '];',
    '',
  ];
}

export function renderCypherModule(): string {
  const byDomain = new Map<string, Parsed[]>();
  for (const file of walk(cypherDir)) {
    const p = parse(file);
    byDomain.set(p.domain, [...(byDomain.get(p.domain) ?? []), p]);
  }
  const out: string[] = [
    '// Generated by scripts/generate-cypher.ts from cypher/**/*.cypher. Do not edit.',
    "import type { Migration, Statement } from './cypher-statement.js';\nimport type { Scope } from './principal.js';",
    '',
  ];
  for (const [domain, statements] of [...byDomain.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`export const ${camel(domain)} = {`);
    for (const s of statements) {
      const paramType = s.params.size
        ? `{ ${[...s.params.entries()].map(([k, t]) => `${k}: ${t}`).join('; ')} }`
        : 'Record<string, never>';
      if (s.description) out.push(`  /** ${s.description.replace(/\*\//g, '*\\/')} */`);
      if (s.bound) {
        // Quantifier bounds must be literals in Cypher: one fixed statement per allowed value.
        out.push(`  ${s.name}: {`);
        for (let v = s.bound.low; v <= s.bound.high; v++) {
          const text = s.text.replaceAll(`{{${s.bound.name}}}`, String(v));
          out.push(
            `    ${v}: { name: ${JSON.stringify(`${s.domain}/${s.name}#${v}`)}, mode: '${s.mode}', text: ${JSON.stringify(text)} } as Statement<${paramType}>,`,
          );
        }
        out.push('  },');
      } else {
        out.push(
          `  ${s.name}: { name: ${JSON.stringify(`${s.domain}/${s.name}`)}, mode: '${s.mode}', text: ${JSON.stringify(
            s.text,
          )} } as Statement<${paramType}>,`,
        );
      }
    }
    out.push('} as const;', '');
  }
  out.push(...renderMigrations());
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(outFile, renderCypherModule());
  console.log(`wrote ${relative(root, outFile)}`);
}
