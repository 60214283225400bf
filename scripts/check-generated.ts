/**
 * Fails when a generated file is stale: regenerates everything (`npm run generate`) and compares
 * with what was there before. Run by `npm run check` and CI.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const GENERATED = ['server/cypher.generated.ts', 'schema/schema.graphql', 'test/generated'];

function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (rel: string) => {
    const full = join(root, rel);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) for (const entry of readdirSync(full)) visit(join(rel, entry));
    else files.set(rel, readFileSync(full, 'utf8'));
  };
  for (const rel of GENERATED) visit(rel);
  return files;
}

const before = snapshot();
execSync('npm run --silent generate', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const after = snapshot();
const stale = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
if (stale.length) {
  console.error(
    `generated files were stale (now regenerated; commit them):\n${stale.map((f) => `  ${f}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(`generated files are up to date (${after.size} files)`);
