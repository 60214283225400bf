/** Static serving of the explorer build: content types, caching, traversal, the not-built page. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explorerFile, serveExplorer } from '../../server/explorer.js';

function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'explorer-dist-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'data.bin'), 'x');
  writeFileSync(join(root, '.secret.json'), '{}');
  return root;
}

describe('explorer static files', () => {
  const root = fakeBuild();

  it('serves index.html and hashed assets with their content types and cache rules', async () => {
    const index = (await serveExplorer(root, 'GET', '/explorer/')) as Response;
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toBe('<!doctype html><title>x</title>');
    const js = (await serveExplorer(root, 'GET', '/explorer/assets/index-abc.js')) as Response;
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const head = (await serveExplorer(root, 'HEAD', '/explorer/index.html')) as Response;
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('redirects /explorer to /explorer/ and leaves other paths alone', async () => {
    const r = (await serveExplorer(root, 'GET', '/explorer')) as Response;
    expect([r.status, r.headers.get('location')]).toEqual([308, '/explorer/']);
    expect(await serveExplorer(root, 'GET', '/graphql')).toBeNull();
    expect(await serveExplorer(root, 'GET', '/explorerx/index.html')).toBeNull();
  });

  it('refuses traversal, dot files, unknown types and other methods', async () => {
    for (const path of [
      '/explorer/../package.json',
      '/explorer/%2e%2e/package.json',
      '/explorer/assets/..%2f..%2fpackage.json',
      '/explorer/assets%5c..%5cindex.html',
      '/explorer/.secret.json',
      '/explorer/assets/data.bin',
      '/explorer/missing.js',
      '/explorer/%E0%A4%A',
      '/explorer/a%00.js',
    ]) {
      const r = (await serveExplorer(root, 'GET', path)) as Response;
      expect([path, r.status]).toEqual([path, 404]);
    }
    expect(explorerFile(root, '/explorer/assets//x.js')).toBeNull();
    expect(((await serveExplorer(root, 'POST', '/explorer/')) as Response).status).toBe(405);
  });

  it('answers 503 with a how-to page when the explorer is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'explorer-none-'));
    const r = (await serveExplorer(join(empty, 'dist'), 'GET', '/explorer/')) as Response;
    expect(r.status).toBe(503);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(await r.text()).toContain('npm run build');
  });
});
