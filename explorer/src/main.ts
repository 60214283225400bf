/**
 * The graph explorer page: sign in with a token, search, and draw a vendor's reach, a system's
 * supply chain, an operator's systems or a sector map, as a Cytoscape graph and a sortable table.
 */
import cytoscape, {
  type Core,
  type ElementDefinition,
  type LayoutOptions,
  type StylesheetJson,
} from 'cytoscape';
import Papa from 'papaparse';
import { ApiError, type Claims, decodeClaims, request, storedToken, storeToken } from './api.js';
import { fieldLabel, getLang, type Lang, type MessageKey, setLang, t, tr } from './i18n.js';
import {
  type Cell,
  type Drawing,
  type GraphNode,
  operatorDrawing,
  type ReachedData,
  reachDrawing,
  type SectorData,
  type SupplyChainData,
  type SystemData,
  sectorDrawing,
  sortRows,
  supplyChainDrawing,
  type VendorData,
} from './model.js';
import { NODE_CAP, PAGE_SIZE, reachPageSize } from './operations.js';

const CHANNELS = [
  'SERVICE',
  'PERSONNEL_ACCESS',
  'SUBCONTRACTOR_SERVICE',
  'SUBCONTRACTOR_PERSONNEL_ACCESS',
  'PRODUCT',
] as const;

const LEVEL_COLOURS = ['#cfd8dc', '#9ecae1', '#4292c6', '#fdae6b', '#e6550d', '#a50f15'];
const CHECK_COLOURS: Record<string, string> = {
  PASSED: '#31a354',
  FAILED: '#de2d26',
  PENDING: '#fec44f',
  NONE: '#969696',
};
const KIND_COLOURS: Record<string, string> = {
  vendor: '#ff9f1c',
  channel: '#e0e0e0',
  hidden: '#f0f0f0',
  product: '#9e9ac8',
  operator: '#41b6c4',
  cii: '#7a0177',
  department: '#253494',
  sector: '#ffd92f',
};

type View =
  | { type: 'reach'; vendor: VendorData }
  | { type: 'supplyChain'; systemId: string }
  | { type: 'operator'; operatorId: string }
  | { type: 'sector'; code: string };

interface Summary {
  titleKey: MessageKey;
  name: string;
  facts: [MessageKey, string | number][];
  capHit: boolean;
}

const state: {
  view: View | null;
  drawing: Drawing | null;
  summary: Summary | null;
  sort: { key: string; ascending: boolean } | null;
  sectors: { code: string; name: string; nameEn: string }[];
  selected: GraphNode | null;
  generation: number;
} = { view: null, drawing: null, summary: null, sort: null, sectors: [], selected: null, generation: 0 };

let cy: Core | null = null;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

// ---------------------------------------------------------------------------------------------------
// Messages and static text

function showMessage(text: string | null, kind: 'error' | 'info' = 'error'): void {
  const box = $('message');
  box.hidden = text === null;
  box.textContent = text ?? '';
  box.className = kind;
}

function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('unauthorized');
    if (error.status === 403) return `${t('forbidden')} ${error.message}`;
    if (error.status === 429) return t('rateLimited');
    return `${t('requestFailed')}: ${error.message}`;
  }
  return `${t('requestFailed')}: ${(error as Error).message}`;
}

function handleError(error: unknown): void {
  showMessage(errorText(error));
  if (error instanceof ApiError && error.status === 401) signOut(false);
}

function renderStaticText(): void {
  document.documentElement.lang = getLang();
  document.title = `${t('title')} · MLPS/CII`;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n as MessageKey);
  }
  for (const node of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) {
    node.placeholder = t(node.dataset.i18nPlaceholder as MessageKey);
  }
}

function renderAll(): void {
  renderStaticText();
  renderAuth();
  renderResults();
  renderChannels();
  renderSectors();
  renderLegend();
  renderControls();
  renderSummary();
  renderTable();
  relabelGraph();
  renderDetails(state.selected, null);
}

// ---------------------------------------------------------------------------------------------------
// Sign-in

function jurisdictionText(c: Claims): string {
  if (c.division) return c.division;
  if (c.sectors?.length) return c.sectors.join(', ');
  if (c.operator) return c.operator;
  return t('cityWide');
}

function renderAuth(): void {
  const token = storedToken();
  $('signin-form').hidden = token !== null;
  $('whoami').hidden = token === null;
  if (!token) return;
  const claims = decodeClaims(token) ?? {};
  const parts = [
    `${t('signedInAs')}: ${claims.sub ?? '?'}`,
    `${t('role')}: ${claims.role ? tr(claims.role) : '?'}`,
    `${t('jurisdiction')}: ${jurisdictionText(claims)}`,
  ];
  if (claims.exp) parts.push(`${t('expires')}: ${new Date(claims.exp * 1000).toLocaleString(getLang())}`);
  $('whoami-text').textContent = parts.join(' · ');
  $('whoami-text').dataset.role = claims.role ?? '';
}

async function signIn(token: string): Promise<void> {
  storeToken(token.trim() || null);
  renderAuth();
  showMessage(null);
  try {
    const data = await request<{
      sectors: { edges: { node: { code: string; name: string; nameEn: string } }[] };
    }>('ExplorerWhoAmI', {});
    state.sectors = data.sectors.edges.map((e) => e.node);
    renderSectors();
  } catch (error) {
    handleError(error);
  }
}

function signOut(clearMessage = true): void {
  storeToken(null);
  state.view = null;
  state.drawing = null;
  state.summary = null;
  state.selected = null;
  cy?.elements().remove();
  if (clearMessage) showMessage(null);
  lastSearch = null;
  renderAll();
}

// ---------------------------------------------------------------------------------------------------
// Search

interface SearchData {
  vendors: { edges: { node: { id: string; name: string; uscc: string; registrationStatus: string } }[] };
  operators: {
    edges: {
      node: {
        id: string;
        name: string;
        uscc: string;
        divisionName: string;
        sector: { code: string; name: string; nameEn: string } | null;
      };
    }[];
  };
  systems: { edges: { node: SystemData }[] };
}

let lastSearch: SearchData | null = null;

async function search(text: string): Promise<void> {
  const box = $('results');
  if (!storedToken()) return showMessage(t('notSignedIn'));
  if (!text.trim()) return;
  box.replaceChildren(el('p', {}, t('loading')));
  try {
    lastSearch = await request<SearchData>('ExplorerSearch', { search: text.trim(), first: 20 });
    showMessage(null);
    renderResults();
  } catch (error) {
    box.replaceChildren();
    handleError(error);
  }
}

function renderResults(): void {
  const box = $('results');
  const d = lastSearch;
  if (!d) {
    box.replaceChildren();
    return;
  }
  const groups: [MessageKey, HTMLElement[]][] = [
    [
      'vendors',
      d.vendors.edges.map(({ node: v }) =>
        resultButton('vendor', v.name, v.uscc, () => open({ type: 'reach', vendor: v })),
      ),
    ],
    [
      'systems',
      d.systems.edges.map(({ node: s }) =>
        resultButton('system', s.name, s.filingNumber ?? '', () =>
          open({ type: 'supplyChain', systemId: s.id }),
        ),
      ),
    ],
    [
      'operators',
      d.operators.edges.map(({ node: o }) =>
        resultButton('operator', o.name, `${o.uscc} · ${o.divisionName}`, () =>
          open({ type: 'operator', operatorId: o.id }),
        ),
      ),
    ],
  ];
  const found = groups.filter(([, items]) => items.length > 0);
  box.replaceChildren(
    ...(found.length === 0
      ? [el('p', {}, t('noResults'))]
      : found.map(([title, items]) => el('div', { class: 'group' }, el('h3', {}, t(title)), ...items))),
  );
}

function resultButton(kind: string, name: string, detail: string, action: () => void): HTMLElement {
  const b = el(
    'button',
    { type: 'button', class: `result ${kind}`, 'data-kind': kind },
    el('span', { class: 'name' }, name),
    el('span', { class: 'detail' }, detail),
  );
  b.addEventListener('click', action);
  return b;
}

// ---------------------------------------------------------------------------------------------------
// Controls

function renderChannels(): void {
  const box = $('channels');
  const checked = new Set(selectedChannels());
  const fresh = box.querySelectorAll('input').length === 0;
  box.querySelectorAll('label').forEach((l) => {
    l.remove();
  });
  for (const channel of CHANNELS) {
    const input = el('input', { type: 'checkbox', value: channel, 'data-testid': `channel-${channel}` });
    input.checked = fresh || checked.has(channel);
    input.addEventListener('change', () => {
      if (state.view?.type === 'reach') void reload();
    });
    box.append(el('label', { class: 'row' }, input, tr(channel)));
  }
}

function selectedChannels(): string[] {
  return [...$('channels').querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
}

function renderSectors(): void {
  const select = $<HTMLSelectElement>('sector');
  const value = select.value;
  select.replaceChildren(
    ...state.sectors.map((s) =>
      el('option', { value: s.code }, `${getLang() === 'zh' ? s.name : s.nameEn} (${s.code})`),
    ),
  );
  if (value) select.value = value;
}

function renderControls(): void {
  const hops = $<HTMLInputElement>('hops');
  const supply = state.view?.type === 'supplyChain';
  $('hops-label').textContent = t(supply ? 'depth' : 'hopLimit');
  hops.min = supply ? '1' : '0';
  hops.max = supply ? '5' : '6';
  const channels = $<HTMLFieldSetElement>('channels');
  channels.disabled = state.view?.type !== 'reach';
}

function hopValue(): number {
  const hops = $<HTMLInputElement>('hops');
  const min = Number(hops.min);
  const max = Number(hops.max);
  const n = Math.round(Number(hops.value));
  const clamped = Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : 2;
  hops.value = String(clamped);
  return clamped;
}

// ---------------------------------------------------------------------------------------------------
// Legend

function swatch(style: Record<string, string>): HTMLElement {
  const s = el('span', { class: 'swatch' });
  Object.assign(s.style, style);
  return s;
}

function renderLegend(): void {
  const items: [HTMLElement, string][] = [
    [swatch({ background: KIND_COLOURS.vendor as string, borderRadius: '3px' }), t('kindVendor')],
    [swatch({ background: KIND_COLOURS.channel as string }), t('kindChannel')],
    ...[1, 2, 3, 4, 5].map((n): [HTMLElement, string] => [
      swatch({ background: LEVEL_COLOURS[n] as string }),
      `${t('kindSystem')} · ${t('level', { n })}`,
    ]),
    [swatch({ background: LEVEL_COLOURS[0] as string }), `${t('kindSystem')} · ${t('levelUnknown')}`],
    [swatch({ background: '#fff', border: '4px double #7a0177' }), t('ciiBorder')],
    [swatch({ background: KIND_COLOURS.hidden as string, border: '1px dashed #777' }), t('kindHidden')],
    [
      swatch({ background: CHECK_COLOURS.PASSED as string, borderRadius: '50%' }),
      `${t('kindPerson')} · ${t('checkPassed')}`,
    ],
    [
      swatch({ background: CHECK_COLOURS.PENDING as string, borderRadius: '50%' }),
      `${t('kindPerson')} · ${t('checkPending')}`,
    ],
    [
      swatch({ background: CHECK_COLOURS.FAILED as string, borderRadius: '50%' }),
      `${t('kindPerson')} · ${t('checkFailed')}`,
    ],
    [
      swatch({ background: CHECK_COLOURS.NONE as string, borderRadius: '50%' }),
      `${t('kindPerson')} · ${t('checkNone')}`,
    ],
    [swatch({ background: KIND_COLOURS.product as string }), t('kindProduct')],
    [swatch({ background: KIND_COLOURS.operator as string }), t('kindOperator')],
    [swatch({ background: KIND_COLOURS.cii as string }), t('kindCii')],
    [swatch({ background: KIND_COLOURS.department as string }), t('kindDepartment')],
    [swatch({ background: 'none', borderTop: '2px dashed #3182bd', height: '0' }), 'CONNECTS_TO'],
  ];
  $('legend').replaceChildren(...items.map(([s, text]) => el('li', {}, s, text)));
}

// ---------------------------------------------------------------------------------------------------
// Loading a view

function open(view: View): void {
  state.view = view;
  state.sort = null;
  state.selected = null;
  renderControls();
  renderDetails(null, null);
  void reload();
}

async function reload(): Promise<void> {
  const view = state.view;
  if (!view) return;
  if (!storedToken()) return showMessage(t('notSignedIn'));
  const generation = ++state.generation;
  $('summary').textContent = t('loading');
  $('center').classList.add('loading');
  try {
    const result = await load(view);
    if (generation !== state.generation) return;
    showMessage(null);
    state.drawing = result.drawing;
    state.summary = result.summary;
    renderSummary();
    renderTable();
    drawGraph();
  } catch (error) {
    if (generation === state.generation) handleError(error);
  } finally {
    if (generation === state.generation) $('center').classList.remove('loading');
  }
}

async function load(view: View): Promise<{ drawing: Drawing; summary: Summary }> {
  switch (view.type) {
    case 'reach':
      return loadReach(view.vendor);
    case 'supplyChain':
      return loadSupplyChain(view.systemId);
    case 'operator':
      return loadOperator(view.operatorId);
    case 'sector':
      return loadSector(view.code);
  }
}

interface ReachPage {
  vendorReach: {
    asOf: string;
    maxHops: number;
    vendor: VendorData;
    summary: { systems: number; ciiSystems: number; levelThreeOrAbove: number; remoteEntries: number };
    systems: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ReachedData }[] };
  } | null;
}

async function loadReach(vendor: VendorData): Promise<{ drawing: Drawing; summary: Summary }> {
  const maxHops = hopValue();
  const channels = selectedChannels();
  const via = channels.length === CHANNELS.length ? null : channels;
  const reached: ReachedData[] = [];
  let after: string | null = null;
  let hasMore = false;
  let last: NonNullable<ReachPage['vendorReach']> | null = null;
  do {
    const page: ReachPage = await request<ReachPage>('ExplorerReach', {
      vendorId: vendor.id,
      maxHops,
      via,
      first: reachPageSize(maxHops),
      after,
    });
    if (!page.vendorReach) throw new ApiError(t('outsideJurisdictionNote'), 200, 'NOT_FOUND');
    last = page.vendorReach;
    reached.push(...last.systems.edges.map((e) => e.node));
    hasMore = last.systems.pageInfo.hasNextPage;
    after = hasMore ? last.systems.pageInfo.endCursor : null;
  } while (after && reached.length < NODE_CAP);
  const capHit = hasMore || reached.length > NODE_CAP;
  const shown = reached.slice(0, NODE_CAP);
  const s = last.summary;
  return {
    drawing: reachDrawing(last.vendor, shown),
    summary: {
      titleKey: 'viewReach',
      name: last.vendor.name,
      facts: [
        ['reachedSystems', s.systems],
        ['ciiSystems', s.ciiSystems],
        ['levelThreeOrAbove', s.levelThreeOrAbove],
        ['remoteEntries', s.remoteEntries],
        ['hopLimit', last.maxHops],
        ['asOf', last.asOf],
      ],
      capHit,
    },
  };
}

async function loadSupplyChain(systemId: string): Promise<{ drawing: Drawing; summary: Summary }> {
  const depth = hopValue();
  const d = await request<{ node: (SystemData & { supplyChain: SupplyChainData }) | null }>(
    'ExplorerSupplyChain',
    { id: systemId, depth },
  );
  if (!d.node?.supplyChain) throw new ApiError(t('outsideJurisdictionNote'), 200, 'NOT_FOUND');
  const chain = d.node.supplyChain;
  return {
    drawing: supplyChainDrawing(d.node, chain, t('personHidden')),
    summary: {
      titleKey: 'viewSupplyChain',
      name: d.node.name,
      facts: [
        ['vendors', chain.vendors.length],
        ['kindPerson', chain.personnel.length],
        ['kindProduct', chain.products.length],
        ['depth', chain.depth],
        ['asOf', chain.asOf],
      ],
      capHit: false,
    },
  };
}

interface OperatorPage {
  node: {
    id: string;
    name: string;
    systems: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: SystemData }[] };
  } | null;
}

async function loadOperator(operatorId: string): Promise<{ drawing: Drawing; summary: Summary }> {
  const systems: SystemData[] = [];
  let after: string | null = null;
  let operator: NonNullable<OperatorPage['node']> | null = null;
  let hasMore = false;
  do {
    const page: OperatorPage = await request<OperatorPage>('ExplorerOperatorSystems', {
      id: operatorId,
      first: PAGE_SIZE,
      after,
    });
    if (!page.node?.systems) throw new ApiError(t('outsideJurisdictionNote'), 200, 'NOT_FOUND');
    operator = page.node;
    systems.push(...operator.systems.edges.map((e) => e.node));
    hasMore = operator.systems.pageInfo.hasNextPage;
    after = hasMore ? operator.systems.pageInfo.endCursor : null;
  } while (after && systems.length < NODE_CAP);
  return {
    drawing: operatorDrawing(operator, systems.slice(0, NODE_CAP)),
    summary: {
      titleKey: 'viewOperator',
      name: operator.name,
      facts: [['systems', systems.length]],
      capHit: hasMore,
    },
  };
}

async function loadSector(code: string): Promise<{ drawing: Drawing; summary: Summary }> {
  const d = await request<{ sector: SectorData | null }>('ExplorerSector', { code });
  if (!d.sector) throw new ApiError(code, 200, 'NOT_FOUND');
  const s = d.sector;
  const name = getLang() === 'zh' ? s.name : s.nameEn;
  const drawing = sectorDrawing(s, name);
  return {
    drawing,
    summary: {
      titleKey: 'viewSector',
      name: name,
      facts: [
        ['kindCii', s.criticalInfrastructures.edges.length],
        ['systems', drawing.nodes.filter((n) => n.kind === 'system').length],
        ['vendors', s.sharedVendors.edges.length],
      ],
      capHit: s.criticalInfrastructures.pageInfo.hasNextPage,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Summary and table

function renderSummary(): void {
  const summary = state.summary;
  $('view-title').textContent = summary ? `${t(summary.titleKey)}: ${summary.name}` : t('nothingYet');
  $('summary').replaceChildren(
    ...(summary?.facts ?? []).map(([key, value]) =>
      el('span', { class: 'fact', 'data-fact': key }, `${t(key)}: `, el('b', {}, String(value))),
    ),
    ...(summary?.capHit
      ? [el('span', { class: 'cap', 'data-testid': 'cap' }, t('capHit', { n: NODE_CAP }))]
      : []),
  );
  const drawing = state.drawing;
  const systems = drawing ? drawing.nodes.filter((n) => n.kind === 'system' && n.reached).length : 0;
  const count = $('graph-count');
  count.dataset.systems = String(systems);
  count.dataset.rows = String(drawing?.rows.length ?? 0);
  count.textContent = drawing
    ? `${t('systemsShown')}: ${systems} · ${t('rowsShown')}: ${drawing.rows.length}`
    : '';
}

function cellText(value: Cell, translate: boolean | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  return translate ? tr(String(value)) : String(value);
}

function sortedRows() {
  const drawing = state.drawing;
  if (!drawing) return [];
  return state.sort ? sortRows(drawing.rows, state.sort.key, state.sort.ascending, getLang()) : drawing.rows;
}

function renderTable(): void {
  const table = $<HTMLTableElement>('table');
  const drawing = state.drawing;
  const head = table.tHead as HTMLTableSectionElement;
  const body = table.tBodies[0] as HTMLTableSectionElement;
  if (!drawing) {
    head.replaceChildren();
    body.replaceChildren();
    return;
  }
  head.replaceChildren(
    el(
      'tr',
      {},
      ...drawing.columns.map((c) => {
        const sorted = state.sort?.key === c.key;
        const th = el(
          'th',
          {
            'data-key': c.key,
            'aria-sort': sorted ? (state.sort?.ascending ? 'ascending' : 'descending') : 'none',
          },
          t(c.label as MessageKey) + (sorted ? (state.sort?.ascending ? ' ▲' : ' ▼') : ''),
        );
        th.addEventListener('click', () => {
          state.sort = { key: c.key, ascending: sorted ? !state.sort?.ascending : true };
          renderTable();
        });
        return th;
      }),
    ),
  );
  body.replaceChildren(
    ...sortedRows().map((row) =>
      el('tr', {}, ...drawing.columns.map((c) => el('td', {}, cellText(row[c.key] ?? null, c.translate)))),
    ),
  );
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function exportCsv(): void {
  const drawing = state.drawing;
  if (!drawing) return;
  const csv = Papa.unparse({
    fields: drawing.columns.map((c) => t(c.label as MessageKey)),
    data: sortedRows().map((row) => drawing.columns.map((c) => cellText(row[c.key] ?? null, c.translate))),
  });
  // A BOM, so spreadsheet programs read the Chinese text as UTF-8.
  download(new Blob([`\ufeff${csv}`], { type: 'text/csv;charset=utf-8' }), `${fileStem()}.csv`);
}

function exportPng(): void {
  if (!cy || cy.elements().length === 0) return;
  const blob = cy.png({
    output: 'blob',
    full: true,
    scale: 2,
    bg: '#ffffff',
    maxWidth: 8000,
    maxHeight: 8000,
  });
  download(blob, `${fileStem()}.png`);
}

function fileStem(): string {
  const view = state.view;
  const date = new Date().toISOString().slice(0, 10);
  return `explorer-${view?.type ?? 'empty'}-${date}`;
}

// ---------------------------------------------------------------------------------------------------
// Graph

function nodeDisplay(n: GraphNode): string {
  if (n.kind === 'channel') return tr(n.channel ?? n.label);
  if (n.kind === 'hidden') return t('outsideJurisdiction');
  return n.label;
}

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(display)',
      'font-size': 11,
      'min-zoomed-font-size': 4,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      width: 26,
      height: 26,
      'background-color': LEVEL_COLOURS[0] as string,
      'border-width': 1,
      'border-color': '#555555',
    },
  },
  {
    selector: 'node[kind = "vendor"]',
    style: {
      'background-color': KIND_COLOURS.vendor as string,
      shape: 'round-rectangle',
      width: 36,
      height: 36,
    },
  },
  {
    selector: 'node[kind = "channel"]',
    style: {
      'background-color': KIND_COLOURS.channel as string,
      shape: 'round-rectangle',
      width: 22,
      height: 22,
    },
  },
  { selector: 'node[kind = "system"]', style: { shape: 'round-rectangle' } },
  ...[1, 2, 3, 4, 5].map((n) => ({
    selector: `node[kind = "system"][level = ${n}]`,
    style: { 'background-color': LEVEL_COLOURS[n] as string },
  })),
  {
    selector: 'node[kind = "system"][?cii]',
    style: {
      shape: 'hexagon',
      'border-width': 6,
      'border-style': 'double',
      'border-color': '#7a0177',
      width: 32,
      height: 32,
    },
  },
  {
    selector: 'node[kind = "hidden"]',
    style: { 'background-color': KIND_COLOURS.hidden as string, 'border-style': 'dashed', color: '#777777' },
  },
  {
    selector: 'node[kind = "person"]',
    style: { shape: 'ellipse', 'background-color': CHECK_COLOURS.NONE as string },
  },
  ...Object.entries(CHECK_COLOURS).map(([check, colour]) => ({
    selector: `node[kind = "person"][check = "${check}"]`,
    style: { 'background-color': colour },
  })),
  {
    selector: 'node[kind = "product"]',
    style: { shape: 'triangle', 'background-color': KIND_COLOURS.product as string },
  },
  {
    selector: 'node[kind = "operator"]',
    style: { shape: 'barrel', 'background-color': KIND_COLOURS.operator as string },
  },
  {
    selector: 'node[kind = "cii"]',
    style: { shape: 'star', 'background-color': KIND_COLOURS.cii as string, width: 34, height: 34 },
  },
  {
    selector: 'node[kind = "department"]',
    style: { shape: 'rectangle', 'background-color': KIND_COLOURS.department as string },
  },
  {
    selector: 'node[kind = "sector"]',
    style: { shape: 'octagon', 'background-color': KIND_COLOURS.sector as string, width: 40, height: 40 },
  },
  {
    selector: 'node:selected',
    style: { 'overlay-color': '#ffcc00', 'overlay-opacity': 0.45, 'overlay-padding': 6 },
  },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'line-color': '#9e9e9e',
      'target-arrow-color': '#9e9e9e',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      label: 'data(display)',
      'font-size': 8,
      'min-zoomed-font-size': 5,
      color: '#555555',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
    },
  },
  {
    selector: 'edge[kind = "CONNECTS_TO"]',
    style: { 'line-style': 'dashed', 'line-color': '#3182bd', 'target-arrow-color': '#3182bd' },
  },
];

function elementsOf(drawing: Drawing): ElementDefinition[] {
  const labelEdges = drawing.edges.length <= 400;
  return [
    ...drawing.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n, display: nodeDisplay(n) } })),
    ...drawing.edges.map((e) => ({
      group: 'edges' as const,
      data: { ...e, display: labelEdges ? (e.kind === 'CHANNEL' ? '' : e.label) : '' },
    })),
  ];
}

function layoutFor(view: View | null, size: number): LayoutOptions {
  if (view?.type === 'reach') {
    // Rings around the vendor: entry channels, then systems by the network hops they are away.
    return {
      name: 'concentric',
      concentric: (node: { data: (k: string) => unknown }) => 20 - Number(node.data('depth') ?? 10),
      levelWidth: () => 1,
      minNodeSpacing: 40,
      spacingFactor: 1.3,
      padding: 20,
      animate: false,
      nodeDimensionsIncludeLabels: false,
    } as unknown as LayoutOptions;
  }
  if (view?.type === 'sector' || size > 1_500) {
    return {
      name: 'cose',
      animate: false,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 40_000,
      padding: 20,
      randomize: false,
    } as unknown as LayoutOptions;
  }
  return {
    name: 'breadthfirst',
    directed: true,
    roots: '[?root]',
    spacingFactor: 1.15,
    padding: 20,
    animate: false,
    nodeDimensionsIncludeLabels: true,
  } as LayoutOptions;
}

function ensureCy(): Core {
  if (cy) return cy;
  cy = cytoscape({
    container: $('graph'),
    style: STYLE,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    selectionType: 'single',
  });
  cy.on('tap', 'node', (event) => {
    const data = event.target.data() as GraphNode;
    void selectNode(data);
  });
  return cy;
}

function drawGraph(): void {
  const graph = ensureCy();
  graph.elements().remove();
  if (!state.drawing) return;
  graph.add(elementsOf(state.drawing));
  graph.layout(layoutFor(state.view, state.drawing.nodes.length)).run();
  graph.fit(undefined, 20);
}

function relabelGraph(): void {
  cy?.nodes().forEach((n) => {
    n.data('display', nodeDisplay(n.data() as GraphNode));
  });
}

// ---------------------------------------------------------------------------------------------------
// Details

interface RiskFlag {
  code: string;
  severity: string;
  rule: string;
  message: string;
  evidence: { type: string; id: string; name: string | null; date: string | null; note: string | null }[];
}

type NodeDetails = Record<string, unknown> & { __typename: string; riskFlags?: RiskFlag[] };

function dl(entries: [string, string][]): HTMLElement {
  return el('dl', {}, ...entries.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function renderDetails(node: GraphNode | null, details: NodeDetails | null): void {
  const box = $('details');
  if (!node) {
    box.replaceChildren(el('p', { class: 'hint' }, t('clickNode')));
    return;
  }
  const kindKey = `kind${node.kind[0]?.toUpperCase()}${node.kind.slice(1)}` as MessageKey;
  const parts: HTMLElement[] = [
    el('h3', { 'data-testid': 'details-name' }, nodeDisplay(node)),
    el('p', { class: 'kind' }, t(kindKey)),
  ];
  if (node.kind === 'hidden') parts.push(el('p', {}, t('outsideJurisdictionNote')));
  const facts: [string, string][] = [];
  if (node.kind === 'system') {
    facts.push([t('colLevel'), node.level ? t('level', { n: node.level }) : t('levelUnknown')]);
    facts.push([t('colCii'), node.cii ? t('yes') : t('no')]);
  }
  if (details) {
    for (const [k, v] of Object.entries(details)) {
      if (['__typename', 'id', 'riskFlags', 'name', 'personName', 'protectionLevel', 'isCii'].includes(k))
        continue;
      if (v === null || v === undefined) continue;
      const text =
        typeof v === 'object'
          ? Object.values(v as Record<string, unknown>)
              .filter((x) => x !== null)
              .join(' · ')
          : typeof v === 'boolean'
            ? v
              ? t('yes')
              : t('no')
            : String(v);
      facts.push([fieldLabel(k), text]);
    }
  }
  if (facts.length) parts.push(dl(facts));
  if (details && 'riskFlags' in details) {
    const flags = details.riskFlags ?? [];
    parts.push(el('h4', {}, t('riskFlags')));
    parts.push(
      flags.length === 0
        ? el('p', { 'data-testid': 'no-risk-flags' }, t('noRiskFlags'))
        : el(
            'ul',
            { class: 'flags', 'data-testid': 'risk-flags' },
            ...flags.map((f) =>
              el(
                'li',
                { class: `severity-${f.severity}`, 'data-code': f.code },
                el('b', {}, `${f.code} (${t(`severity${f.severity}` as MessageKey)})`),
                el('div', {}, f.message),
                el('div', { class: 'rule' }, f.rule),
              ),
            ),
          ),
    );
  }
  const actions: HTMLElement[] = [];
  const action = (label: MessageKey, run: () => void) => {
    const b = el('button', { type: 'button', 'data-testid': `action-${label}` }, t(label));
    b.addEventListener('click', run);
    actions.push(b);
  };
  if (node.kind === 'vendor' && node.ref) {
    const vendor = { id: node.ref, name: node.label };
    action('showReach', () => open({ type: 'reach', vendor }));
  }
  if (node.kind === 'system' && node.ref) {
    const id = node.ref;
    action('showSupplyChain', () => open({ type: 'supplyChain', systemId: id }));
  }
  if (node.kind === 'operator' && node.ref) {
    const id = node.ref;
    action('showOperator', () => open({ type: 'operator', operatorId: id }));
  }
  if (actions.length) parts.push(el('div', { class: 'actions' }, ...actions));
  box.replaceChildren(...parts);
  box.dataset.loaded = details ? 'true' : 'false';
}

let detailsFor: string | null = null;
let lastDetails: NodeDetails | null = null;

async function selectNode(node: GraphNode): Promise<void> {
  state.selected = node;
  detailsFor = node.id;
  lastDetails = null;
  renderDetails(node, null);
  if (!node.ref) {
    $('details').dataset.loaded = 'true';
    return;
  }
  try {
    const d = await request<{ node: NodeDetails | null }>('ExplorerNode', { id: node.ref });
    if (detailsFor !== node.id) return;
    lastDetails = d.node;
    renderDetails(node, d.node);
    $('details').dataset.loaded = 'true';
  } catch (error) {
    handleError(error);
  }
}

// ---------------------------------------------------------------------------------------------------
// Wiring

function setLanguage(lang: Lang): void {
  setLang(lang);
  localStorage.setItem('mlps-explorer-lang', lang);
  ($('lang') as HTMLSelectElement).value = lang;
  renderAll();
  if (state.selected) renderDetails(state.selected, lastDetails);
  if (state.view?.type === 'sector') void reload();
}

function start(): void {
  const saved = localStorage.getItem('mlps-explorer-lang');
  setLang(saved === 'en' ? 'en' : 'zh');
  ($('lang') as HTMLSelectElement).value = getLang();
  $('lang').addEventListener('change', (e) => setLanguage((e.target as HTMLSelectElement).value as Lang));
  $('signin-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = $<HTMLInputElement>('token');
    void signIn(input.value);
    input.value = '';
  });
  $('signout').addEventListener('click', () => signOut());
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void search($<HTMLInputElement>('search').value);
  });
  $('show-sector').addEventListener('click', () => {
    const code = $<HTMLSelectElement>('sector').value;
    if (code) open({ type: 'sector', code });
  });
  $('hops').addEventListener('change', () => void reload());
  $('apply').addEventListener('click', () => void reload());
  $('export-csv').addEventListener('click', exportCsv);
  $('export-png').addEventListener('click', exportPng);
  renderAll();
  if (storedToken()) void signIn(storedToken() as string);
}

/** For the browser test and for debugging from the console: the graph and the page state. */
declare global {
  interface Window {
    explorer: { cy: () => Core | null; state: typeof state };
  }
}
window.explorer = { cy: () => cy, state };

start();
