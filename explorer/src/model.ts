/**
 * Turns API answers into what the page draws and lists: graph nodes and edges (Cytoscape element
 * data) and table rows. Pure functions of the answers, no DOM.
 */

export type NodeKind =
  | 'vendor'
  | 'channel'
  | 'system'
  | 'hidden'
  | 'person'
  | 'product'
  | 'operator'
  | 'cii'
  | 'department'
  | 'sector';

export interface GraphNode {
  id: string;
  label: string;
  kind: NodeKind;
  /** Global id for `node(id:)`, null for channels and hidden nodes. */
  ref: string | null;
  level?: number | null;
  cii?: boolean;
  /** A system in the result (a reached system, a system of the supply chain or sector). */
  reached?: boolean;
  /** PASSED | FAILED | PENDING | NONE for persons. */
  check?: string;
  /** A root of the layout. */
  root?: boolean;
  channel?: string;
  /** Distance from the root in the drawing (vendor 0, channel 1, entry system 2, each network hop +1). */
  depth?: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  label: string;
}

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface Column {
  key: string;
  /** i18n key of the header. */
  label: string;
  /** Values are i18n keys (enum values) to translate when shown. */
  translate?: boolean;
}

export interface Drawing {
  nodes: GraphNode[];
  edges: GraphEdge[];
  columns: Column[];
  rows: Row[];
}

class Builder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  node(n: GraphNode): GraphNode {
    const known = this.nodes.get(n.id);
    if (!known) {
      this.nodes.set(n.id, n);
      return n;
    }
    // A later, fuller description of the same node wins field by field.
    for (const [k, v] of Object.entries(n)) {
      if (v !== undefined && v !== null && (known as unknown as Record<string, unknown>)[k] == null) {
        (known as unknown as Record<string, unknown>)[k] = v;
      }
    }
    if (n.reached) known.reached = true;
    return known;
  }

  edge(source: string, target: string, kind: string, label: string = kind): void {
    const id = `${source}|${kind}|${target}`;
    if (!this.edges.has(id)) this.edges.set(id, { id, source, target, kind, label });
  }

  done(columns: Column[], rows: Row[]): Drawing {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], columns, rows };
  }
}

// ---------------------------------------------------------------------------------------------------
// Vendor reach

export interface PathNodeData {
  type: string;
  id: string | null;
  name: string | null;
}

export interface HopData {
  kind: string;
  detail: string | null;
  from: PathNodeData;
  to: PathNodeData;
}

export interface ReachedData {
  entryChannel: string;
  hops: number;
  isCii: boolean;
  protectionLevel: number | null;
  remoteEntry: boolean;
  sectorCode: string | null;
  system: {
    id: string;
    name: string;
    filingNumber: string | null;
    divisionName: string;
    operator: { id: string; name: string };
  };
  path: HopData[];
}

export interface VendorData {
  id: string;
  name: string;
  uscc?: string;
  registrationStatus?: string;
}

const hopLabel = (h: HopData) => (h.detail ? `${h.kind} · ${h.detail}` : h.kind);

export function reachDrawing(vendor: VendorData, reached: ReachedData[]): Drawing {
  const b = new Builder();
  b.node({ id: vendor.id, label: vendor.name, kind: 'vendor', ref: vendor.id, root: true, depth: 0 });
  for (const r of reached) {
    b.node({
      id: r.system.id,
      label: r.system.name,
      kind: 'system',
      ref: r.system.id,
      level: r.protectionLevel,
      cii: r.isCii,
      reached: true,
      depth: 2 + r.hops,
    });
  }
  for (const r of reached) {
    const channelId = `channel:${r.entryChannel}`;
    b.node({
      id: channelId,
      label: r.entryChannel,
      kind: 'channel',
      ref: null,
      channel: r.entryChannel,
      depth: 1,
    });
    b.edge(vendor.id, channelId, 'CHANNEL', r.entryChannel);
    const entry = r.path.findIndex((h) => h.to.type === 'System');
    if (entry < 0) {
      b.edge(channelId, r.system.id, 'ENTERS', 'ENTERS');
      continue;
    }
    const nodeOf = (p: PathNodeData, at: number): string => {
      if (p.id) {
        b.node({ id: p.id, label: p.name ?? p.type, kind: 'system', ref: p.id });
        return p.id;
      }
      const id = `hidden:${r.system.id}:${at}`;
      b.node({ id, label: p.type, kind: 'hidden', ref: null, depth: 2 + Math.max(0, at - entry) });
      return id;
    };
    const entryHop = r.path[entry] as HopData;
    b.edge(channelId, nodeOf(entryHop.to, entry), entryHop.kind, hopLabel(entryHop));
    let hop = 0;
    r.path.forEach((h, i) => {
      if (i <= entry || h.kind !== 'CONNECTS_TO') return;
      hop++;
      b.edge(nodeOf(h.from, i - 1), nodeOf(h.to, i), h.kind, `${hopLabel(h)} (${hop})`);
    });
  }
  const rows = reached.map((r) => ({
    name: r.system.name,
    filingNumber: r.system.filingNumber,
    operator: r.system.operator.name,
    division: r.system.divisionName,
    level: r.protectionLevel,
    cii: r.isCii,
    channel: r.entryChannel,
    hops: r.hops,
    remote: r.remoteEntry,
  }));
  return b.done(
    [
      { key: 'name', label: 'colName' },
      { key: 'filingNumber', label: 'colId' },
      { key: 'operator', label: 'colOperator' },
      { key: 'division', label: 'colDivision' },
      { key: 'level', label: 'colLevel' },
      { key: 'cii', label: 'colCii' },
      { key: 'channel', label: 'colChannel', translate: true },
      { key: 'hops', label: 'colHops' },
      { key: 'remote', label: 'colRemote' },
    ],
    rows,
  );
}

// ---------------------------------------------------------------------------------------------------
// Supply chain of a system

export interface SystemData {
  id: string;
  name: string;
  filingNumber: string | null;
  protectionLevel: number | null;
  isCii: boolean;
  divisionName: string;
  status?: string;
  operator?: { id: string; name: string };
}

export interface SupplyChainData {
  asOf: string;
  depth: number;
  vendors: {
    tier: number;
    registrationStatus: string;
    serviceKinds: string[];
    vendor: { id: string; name: string; uscc: string };
    via: { id: string } | null;
  }[];
  personnel: {
    checkStatus: string | null;
    checkValidAsOf: boolean | null;
    checkExpiresOn: string | null;
    accessKinds: string[];
    person: { id: string; name: string | null };
    employer: { id: string; name: string } | null;
  }[];
  products: {
    certification: string | null;
    product: { id: string; name: string; version: string | null; certified: boolean };
    suppliers: { id: string; name: string }[];
  }[];
}

export function supplyChainDrawing(system: SystemData, chain: SupplyChainData, personLabel: string): Drawing {
  const b = new Builder();
  b.node({
    id: system.id,
    label: system.name,
    kind: 'system',
    ref: system.id,
    level: system.protectionLevel,
    cii: system.isCii,
    reached: true,
    root: true,
  });
  const rows: Row[] = [];
  for (const v of chain.vendors) {
    b.node({ id: v.vendor.id, label: v.vendor.name, kind: 'vendor', ref: v.vendor.id });
    if (v.serviceKinds.length > 0)
      b.edge(v.vendor.id, system.id, 'SERVES', `SERVES · ${v.serviceKinds.join(', ')}`);
    if (v.via) b.edge(v.via.id, v.vendor.id, 'SUBCONTRACTS_TO');
    rows.push({
      kind: 'kindVendor',
      name: v.vendor.name,
      id: v.vendor.uscc,
      tier: v.tier,
      status: v.registrationStatus,
      detail: v.serviceKinds.join(', '),
    });
  }
  for (const p of chain.personnel) {
    const check = p.checkValidAsOf ? 'PASSED' : (p.checkStatus ?? 'NONE');
    b.node({
      id: p.person.id,
      label: p.person.name ?? personLabel,
      kind: 'person',
      ref: p.person.id,
      check: check === 'PASSED' && !p.checkValidAsOf ? 'NONE' : check,
    });
    b.edge(p.person.id, system.id, 'HAS_ACCESS', `HAS_ACCESS · ${p.accessKinds.join(', ')}`);
    if (p.employer) {
      b.node({ id: p.employer.id, label: p.employer.name, kind: 'vendor', ref: p.employer.id });
      b.edge(p.person.id, p.employer.id, 'WORKS_FOR');
    }
    rows.push({
      kind: 'kindPerson',
      name: p.person.name ?? personLabel,
      id: null,
      tier: null,
      status: p.checkStatus,
      detail: [p.accessKinds.join(', '), p.checkExpiresOn ? `≤ ${p.checkExpiresOn}` : '']
        .filter(Boolean)
        .join(' '),
    });
  }
  for (const p of chain.products) {
    const label = p.product.version ? `${p.product.name} ${p.product.version}` : p.product.name;
    b.node({ id: p.product.id, label, kind: 'product', ref: p.product.id });
    b.edge(system.id, p.product.id, 'USES');
    for (const s of p.suppliers) {
      b.node({ id: s.id, label: s.name, kind: 'vendor', ref: s.id });
      b.edge(s.id, p.product.id, 'SUPPLIES');
    }
    rows.push({
      kind: 'kindProduct',
      name: label,
      id: null,
      tier: null,
      status: p.product.certified ? 'CERTIFIED' : 'UNCERTIFIED',
      detail: p.certification ?? '',
    });
  }
  return b.done(
    [
      { key: 'kind', label: 'colKind', translate: true },
      { key: 'name', label: 'colName' },
      { key: 'id', label: 'colId' },
      { key: 'tier', label: 'colTier' },
      { key: 'status', label: 'colStatus' },
      { key: 'detail', label: 'colDetail' },
    ],
    rows,
  );
}

// ---------------------------------------------------------------------------------------------------
// An operator and its systems

const systemColumns: Column[] = [
  { key: 'name', label: 'colName' },
  { key: 'filingNumber', label: 'colId' },
  { key: 'operator', label: 'colOperator' },
  { key: 'division', label: 'colDivision' },
  { key: 'level', label: 'colLevel' },
  { key: 'cii', label: 'colCii' },
];

export function operatorDrawing(operator: { id: string; name: string }, systems: SystemData[]): Drawing {
  const b = new Builder();
  b.node({ id: operator.id, label: operator.name, kind: 'operator', ref: operator.id, root: true });
  for (const s of systems) {
    b.node({
      id: s.id,
      label: s.name,
      kind: 'system',
      ref: s.id,
      level: s.protectionLevel,
      cii: s.isCii,
      reached: true,
    });
    b.edge(operator.id, s.id, 'OPERATES');
  }
  const rows = systems.map((s) => ({
    name: s.name,
    filingNumber: s.filingNumber,
    operator: operator.name,
    division: s.divisionName,
    level: s.protectionLevel,
    cii: s.isCii,
  }));
  return b.done(systemColumns, rows);
}

// ---------------------------------------------------------------------------------------------------
// Sector map

export interface SectorData {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  protectionDepartments: { edges: { node: { id: string; name: string } }[] };
  criticalInfrastructures: {
    pageInfo: { hasNextPage: boolean };
    edges: {
      node: {
        id: string;
        name: string;
        identifiedBy: { id: string; name: string };
        systems: { edges: { node: { system: SystemData & { operator: { id: string; name: string } } } }[] };
      };
    }[];
  };
  sharedVendors: {
    edges: {
      node: {
        systems: number;
        vendor: { id: string; name: string; registrationStatus: string };
        criticalInfrastructures: { id: string }[];
      };
    }[];
  };
}

export function sectorDrawing(sector: SectorData, sectorLabel: string): Drawing {
  const b = new Builder();
  b.node({ id: sector.id, label: sectorLabel, kind: 'sector', ref: null, root: true });
  const rows: Row[] = [];
  for (const { node: d } of sector.protectionDepartments.edges) {
    b.node({ id: d.id, label: d.name, kind: 'department', ref: d.id });
    b.edge(d.id, sector.id, 'PROTECTS');
  }
  const seenSystems = new Set<string>();
  for (const { node: c } of sector.criticalInfrastructures.edges) {
    b.node({ id: c.id, label: c.name, kind: 'cii', ref: c.id });
    b.node({ id: c.identifiedBy.id, label: c.identifiedBy.name, kind: 'department', ref: c.identifiedBy.id });
    b.edge(c.identifiedBy.id, c.id, 'IDENTIFIED');
    rows.push({
      kind: 'kindCii',
      name: c.name,
      operator: null,
      level: null,
      cii: true,
      detail: c.identifiedBy.name,
    });
    for (const { node: m } of c.systems.edges) {
      const s = m.system;
      b.node({
        id: s.id,
        label: s.name,
        kind: 'system',
        ref: s.id,
        level: s.protectionLevel,
        cii: s.isCii,
        reached: true,
      });
      b.edge(c.id, s.id, 'INCLUDES');
      b.node({ id: s.operator.id, label: s.operator.name, kind: 'operator', ref: s.operator.id });
      b.edge(s.operator.id, s.id, 'OPERATES');
      if (!seenSystems.has(s.id)) {
        seenSystems.add(s.id);
        rows.push({
          kind: 'kindSystem',
          name: s.name,
          operator: s.operator.name,
          level: s.protectionLevel,
          cii: s.isCii,
          detail: s.filingNumber,
        });
      }
    }
  }
  for (const { node: v } of sector.sharedVendors.edges) {
    b.node({ id: v.vendor.id, label: v.vendor.name, kind: 'vendor', ref: v.vendor.id });
    for (const c of v.criticalInfrastructures) b.edge(v.vendor.id, c.id, 'SERVES');
    rows.push({
      kind: 'kindVendor',
      name: v.vendor.name,
      operator: null,
      level: null,
      cii: null,
      detail: `${v.criticalInfrastructures.length} CII · ${v.systems}`,
    });
  }
  return b.done(
    [
      { key: 'kind', label: 'colKind', translate: true },
      { key: 'name', label: 'colName' },
      { key: 'operator', label: 'colOperator' },
      { key: 'level', label: 'colLevel' },
      { key: 'cii', label: 'colCii' },
      { key: 'detail', label: 'colDetail' },
    ],
    rows,
  );
}

/** Sorts rows by a column (nulls last), stable; numbers numerically, text by the locale. */
export function sortRows(rows: Row[], key: string, ascending: boolean, locale: string): Row[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const sign = ascending ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const x = a.row[key] ?? null;
      const y = b.row[key] ?? null;
      if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return order === 0 ? a.i - b.i : sign * order;
    })
    .map(({ row }) => row);
}
