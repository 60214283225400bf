/**
 * The graph explorer in a real browser: Debian's Chromium (headless, driven by playwright-core)
 * against the app listening on an ephemeral port with the demo city loaded. The expected numbers
 * come from the same public API the page uses, for the same arguments and role, and are pinned for
 * the demo vendor. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureExplorerBuilt, trustedDocumentsManifest } from '../../scripts/build-explorer.js';
import { generateDemoData } from '../../scripts/demo/generate.js';
import { loadDemoData } from '../../scripts/demo/load.js';
import type { TokenClaims } from '../../server/auth.js';
import { testApp, tokenFor } from '../support/harness.js';

const CITY_POLICE: TokenClaims = { sub: 'explorer-city-police', role: 'CITY_POLICE' };
const COUNTY_POLICE: TokenClaims = {
  sub: 'explorer-yangcheng-police',
  role: 'COUNTY_POLICE',
  division: '140522',
};
const VENDOR = '山西广电网络技术有限公司';
/** Its reach at 2 hops without the PRODUCT channel, as the API answers for the demo city (pinned). */
const NO_PRODUCT = 2;

const screenshots = join(new URL('../..', import.meta.url).pathname, 'test-results', 'screenshots');
const { app, db, config, gql } = testApp();
const data = generateDemoData();
let server: Server;
let base: string;
let context: BrowserContext;
let profile: string;
let vendorId: string;

const REACH = `query ($vendorId: ID!, $maxHops: Int!, $via: [ReachChannel!]) {
  vendorReach(vendorId: $vendorId, maxHops: $maxHops, via: $via, first: 1) { summary { systems } }
}`;

/** Reached systems through the API, for a role, hop limit and channels (absent: all). */
async function apiReach(as: TokenClaims, maxHops: number, via: string[] | null = null): Promise<number> {
  const r = await gql<{ vendorReach: { summary: { systems: number } } | null }>(
    REACH,
    { vendorId, maxHops, via },
    as,
  );
  expect(r.errors).toBeUndefined();
  return r.data?.vendorReach?.summary.systems ?? -1;
}

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${base}/explorer/`);
  return page;
}

async function signIn(page: Page, claims: TokenClaims): Promise<void> {
  await page.getByTestId('token').fill(await tokenFor(claims));
  await page.getByTestId('signin').click();
  await expect.poll(() => page.getByTestId('whoami').isVisible()).toBe(true);
  // The sector list arrives with the first successful request.
  await page.waitForFunction(
    () => (document.getElementById('sector') as HTMLSelectElement).options.length > 0,
  );
}

async function pickVendor(page: Page, name: string): Promise<void> {
  await page.getByTestId('search').fill(name);
  await page.getByTestId('search-button').click();
  await page.locator('button.result[data-kind="vendor"]', { hasText: name }).first().click();
}

/** Waits until the page shows a drawing of `systems` systems, and returns what graph and table show. */
async function shown(page: Page, systems: number) {
  await page.waitForFunction(
    (n) => document.getElementById('graph-count')?.dataset.systems === String(n),
    systems,
  );
  return page.evaluate(() => ({
    table: document.querySelectorAll('#table tbody tr').length,
    graph: window.explorer.cy()?.nodes('[kind = "system"][?reached]').length ?? -1,
    count: document.getElementById('graph-count')?.dataset.systems,
    summary: document.querySelector('[data-fact="reachedSystems"] b')?.textContent,
  }));
}

beforeAll(async () => {
  await ensureExplorerBuilt(() => {});
  await loadDemoData(db, data, config.residentIdKey);
  vendorId = (
    await gql<{ vendors: { edges: { node: { id: string } }[] } }>(
      'query ($s: String!) { vendors(filter: { search: $s }, first: 2) { edges { node { id } } } }',
      { s: VENDOR },
    )
  ).data?.vendors.edges[0]?.node.id as string;
  vendorId = (
    await gql<{ vendors: { edges: { node: { id: string } }[] } }>(
      'query ($s: String!) { vendors(filter: { search: $s }, first: 2) { edges { node { id } } } }',
      { s: VENDOR },
    )
  ).data?.vendors.edges[0]?.node.id as string;
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mkdirSync(screenshots, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'explorer-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1600, height: 1000 },
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 300_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('graph explorer in Chromium', () => {
  it('serves the page, its assets and the trusted-documents manifest', async () => {
    const page = await app.fetch('http://localhost/explorer/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /src="(\/explorer\/assets\/[^"]+\.js)"/.exec(html)?.[1] as string;
    const asset = await app.fetch(`http://localhost${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const manifest = await app.fetch('http://localhost/explorer/trusted-documents.json');
    expect(await manifest.json()).toEqual(trustedDocumentsManifest());
    expect((await app.fetch('http://localhost/explorer')).status).toBe(308);
    expect((await app.fetch('http://localhost/explorer/%2e%2e/package.json')).status).toBe(404);
    expect((await app.fetch('http://localhost/explorer/..%2fpackage.json')).status).toBe(404);
  });

  it('signs in, draws a vendor reach whose systems match the API, follows the hop limit, opens a node', async () => {
    const expected2 = await apiReach(CITY_POLICE, 2);
    const expected0 = await apiReach(CITY_POLICE, 0);
    // Pinned for the demo city (a change in the generator shows up here first).
    expect([expected0, expected2]).toEqual([18, 32]);
    expect(expected2).toBeGreaterThan(expected0);

    const page = await newPage();
    await signIn(page, CITY_POLICE);
    await expect.poll(() => page.getByTestId('whoami').textContent()).toContain('市公安局');
    await pickVendor(page, VENDOR);
    const at2 = await shown(page, expected2);
    expect(at2).toEqual({
      table: expected2,
      graph: expected2,
      count: String(expected2),
      summary: String(expected2),
    });
    await page.screenshot({ path: join(screenshots, 'explorer-reach-hops-2.png'), fullPage: true });

    await page.getByTestId('hops').fill('0');
    await page.getByTestId('hops').dispatchEvent('change');
    const at0 = await shown(page, expected0);
    expect(at0).toEqual({
      table: expected0,
      graph: expected0,
      count: String(expected0),
      summary: String(expected0),
    });

    // Sorting the table by level puts the highest level first on the second click.
    await page.locator('#table th[data-key="level"]').click();
    await page.locator('#table th[data-key="level"]').click();
    await expect
      .poll(() => page.locator('#table th[data-key="level"]').getAttribute('aria-sort'))
      .toBe('descending');

    // Click the vendor node: its details and risk flags come from node(id:).
    const position = await page.evaluate(() => {
      const node = window.explorer.cy()?.nodes('[kind = "vendor"]').first();
      const box = document.getElementById('graph')?.getBoundingClientRect();
      const p = node?.renderedPosition();
      return p && box ? { x: box.left + p.x, y: box.top + p.y } : null;
    });
    expect(position).not.toBeNull();
    await page.mouse.click(position?.x ?? 0, position?.y ?? 0);
    await page.waitForFunction(() => document.getElementById('details')?.dataset.loaded === 'true');
    await expect.poll(() => page.getByTestId('details-name').textContent()).toBe(VENDOR);
    const flags = await page.locator('[data-testid="risk-flags"] li, [data-testid="no-risk-flags"]').count();
    expect(flags).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'explorer-reach-node-details.png'), fullPage: true });

    const csv = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await (await csv).path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeff名称,')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(expected0 + 1);
    const png = page.waitForEvent('download');
    await page.getByTestId('export-png').click();
    expect(
      readFileSync(await (await png).path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    // Back to 2 hops, then without the PRODUCT channel: the API's count for the same `via`.
    const noProduct = await apiReach(CITY_POLICE, 2, [
      'SERVICE',
      'PERSONNEL_ACCESS',
      'SUBCONTRACTOR_SERVICE',
      'SUBCONTRACTOR_PERSONNEL_ACCESS',
    ]);
    expect(noProduct).toBe(NO_PRODUCT);
    await page.getByTestId('hops').fill('2');
    await page.getByTestId('hops').dispatchEvent('change');
    expect((await shown(page, expected2)).table).toBe(expected2);
    await page.getByTestId('channel-PRODUCT').uncheck();
    const without = await shown(page, noProduct);
    expect(without).toEqual({
      table: noProduct,
      graph: noProduct,
      count: String(noProduct),
      summary: String(noProduct),
    });
    await page.getByTestId('channel-PRODUCT').check();
    await shown(page, expected2);

    // Switching to English changes the labels, not the result.
    await page.getByTestId('lang').selectOption('en');
    await expect.poll(() => page.getByTestId('export-csv').textContent()).toBe('Export CSV');
    await expect.poll(() => page.locator('#table th[data-key="name"]').textContent()).toBe('Name');
    expect(await page.getByTestId('view-title').textContent()).toContain('Vendor reach');
    await page.screenshot({ path: join(screenshots, 'explorer-reach-en.png'), fullPage: true });
    await page.getByTestId('lang').selectOption('zh');
    await page.close();
  });

  it('shows a county police officer exactly the systems of its county that the API returns', async () => {
    const county = await apiReach(COUNTY_POLICE, 2);
    const city = await apiReach(CITY_POLICE, 2);
    expect(county).toBe(7);
    expect(county).toBeLessThan(city);
    const page = await newPage();
    await signIn(page, COUNTY_POLICE);
    await pickVendor(page, VENDOR);
    const got = await shown(page, county);
    expect(got).toEqual({ table: county, graph: county, count: String(county), summary: String(county) });
    await page.screenshot({ path: join(screenshots, 'explorer-reach-county.png'), fullPage: true });
    await page.close();
  });

  it('works against a server that accepts trusted documents only, with the manifest the build writes', async () => {
    const trusted = testApp({
      hardening: {
        ...config.hardening,
        trustedDocuments: new Map(Object.entries(trustedDocumentsManifest())),
      },
    });
    const strict = createServer(trusted.app);
    await new Promise<void>((resolve) => strict.listen(0, '127.0.0.1', resolve));
    try {
      // An arbitrary document is refused there…
      const refused = await trusted.gql('{ sectors(first: 1) { edges { node { code } } } }', {}, CITY_POLICE);
      expect(refused.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
      // …the explorer's are not.
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`http://127.0.0.1:${(strict.address() as AddressInfo).port}/explorer/`);
      await signIn(page, CITY_POLICE);
      await pickVendor(page, VENDOR);
      const expected = await apiReach(CITY_POLICE, 2);
      expect((await shown(page, expected)).table).toBe(expected);
      await page.close();
    } finally {
      await new Promise<void>((resolve) => strict.close(() => resolve()));
    }
  });

  it('draws a supply chain and a sector map, and says so when the token is refused', async () => {
    const page = await newPage();
    await signIn(page, CITY_POLICE);
    await page.getByTestId('search').fill('人民医院');
    await page.getByTestId('search-button').click();
    await page.locator('button.result[data-kind="system"]').first().click();
    await page.waitForFunction(() => Number(document.getElementById('graph-count')?.dataset.rows) > 0);
    expect(await page.getByTestId('view-title').textContent()).toContain('系统供应链');
    await page.screenshot({ path: join(screenshots, 'explorer-supply-chain.png'), fullPage: true });

    await page.getByTestId('sector').selectOption('ENERGY');
    await page.getByTestId('show-sector').click();
    await page.waitForFunction(() =>
      document.getElementById('view-title')?.textContent?.includes('行业领域全景'),
    );
    await page.waitForFunction(() => Number(document.getElementById('graph-count')?.dataset.systems) > 0);
    await page.screenshot({ path: join(screenshots, 'explorer-sector-map.png'), fullPage: true });

    // A token the server does not accept: a clear 401 message, signed out.
    await page.getByTestId('signout').click();
    await page.getByTestId('token').fill('not-a-token');
    await page.getByTestId('signin').click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('401');
    expect(await page.getByTestId('signin-form').isVisible()).toBe(true);
    await page.close();
  });
});
