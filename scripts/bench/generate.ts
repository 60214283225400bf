/**
 * The benchmark's synthetic Jincheng: a deterministic graph (one seeded PRNG, no clock but the
 * `today` passed in) shaped like the registry's real data, at a chosen scale.
 *
 * Scale 1: ~10k operators, ~100k systems, ~5k vendors, ~100k personnel, ~5k products, ~20k
 * exposures and ≈1.1M relationships. The shape matters more than the names (which are synthetic):
 * - operators across the seven Jincheng division codes and ten sectors, operator sizes log-normal;
 * - systems at levels 1–4 (about a third at 3 or 4), ~2% in CII designations (PART_OF);
 * - vendors with a power-law (Zipf) number of served systems: a few serve thousands, most a handful;
 *   the same skew for the staff they employ and the products they supply;
 * - subcontracting in vendor layers, so chains are at most 3 tiers deep;
 * - personnel WORKS_FOR vendors (most) or operators, HAS_ACCESS to systems their employer serves or
 *   operates, one background check each (most);
 * - CONNECTS_TO with an out-degree of ~3: mostly within an operator, some to the hubs of the
 *   e-government cloud and some to any system;
 * - ~10% of windowed relationships ended before today (history), the rest in force.
 *
 * Ids are UUID-shaped and encode the kind and index, so they are unique without a lookup.
 */
import { createHash } from 'node:crypto';
import { DIVISION_CODES, type DivisionCode, SERVICE_KINDS } from '../../server/model.js';
import { ipKey } from '../../server/repositories/exposures.js';

export type Row = Record<string, unknown>;

export interface BenchSizes {
  operators: number;
  systems: number;
  vendors: number;
  persons: number;
  products: number;
  exposures: number;
}

/** Sizes at scale 1 (the default). */
export const DEFAULT_SIZES: BenchSizes = {
  operators: 10_000,
  systems: 100_000,
  vendors: 5_000,
  persons: 100_000,
  products: 5_000,
  exposures: 20_000,
};

export function sizesFor(scale: number): BenchSizes {
  const at = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  return {
    operators: at(DEFAULT_SIZES.operators, 20),
    systems: at(DEFAULT_SIZES.systems, 200),
    vendors: at(DEFAULT_SIZES.vendors, 20),
    persons: at(DEFAULT_SIZES.persons, 200),
    products: at(DEFAULT_SIZES.products, 20),
    exposures: at(DEFAULT_SIZES.exposures, 40),
  };
}

/** The rows of each load statement, in load order (nodes first). */
export interface BenchData {
  sectors: Row[];
  departments: Row[];
  policeUnits: Row[];
  operators: Row[];
  systems: Row[];
  ciis: Row[];
  vendors: Row[];
  persons: Row[];
  checks: Row[];
  products: Row[];
  exposures: Row[];
  memberships: Row[];
  services: Row[];
  subcontracts: Row[];
  vendorEmployments: Row[];
  operatorEmployments: Row[];
  accesses: Row[];
  supplies: Row[];
  productUses: Row[];
  links: Row[];
  /** Deterministic picks for the measured queries. */
  picks: BenchPicks;
}

export interface PickedVendor {
  id: string;
  label: string;
  /** SERVES relationships of this vendor. */
  serves: number;
}

export interface BenchPicks {
  vendors: PickedVendor[];
  /**
   * Vendors drawn uniformly at random (their own PRNG stream, so the graph does not depend on it):
   * the mix of vendors a police unit asks about, for the latency distribution of vendor reach.
   */
  sampledVendors: PickedVendor[];
  /** Level-3 systems with several vendors (for supplyChain). */
  level3Systems: string[];
  /** The sector with the most level-3+ systems (for vendorConcentration). */
  sectorCode: string;
}

// ---------------------------------------------------------------------------------------------

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** Samples indexes 0..n-1 with probability proportional to `weights` (binary search on the CDF). */
class Weighted {
  private readonly cdf: Float64Array;
  constructor(weights: ArrayLike<number>) {
    this.cdf = new Float64Array(weights.length);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      total += weights[i] as number;
      this.cdf[i] = total;
    }
  }
  sample(rng: Rng): number {
    const x = rng.next() * (this.cdf[this.cdf.length - 1] as number);
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cdf[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

const zipf = (n: number, alpha: number) => Float64Array.from({ length: n }, (_, r) => 1 / (r + 1) ** alpha);

const KIND_PREFIX = {
  sector: 'b0000001',
  department: 'b0000002',
  policeUnit: 'b0000003',
  operator: 'b0000004',
  system: 'b0000005',
  cii: 'b0000006',
  vendor: 'b0000007',
  person: 'b0000008',
  check: 'b0000009',
  product: 'b000000a',
  exposure: 'b000000b',
  membership: 'b0000010',
  service: 'b0000011',
  subcontract: 'b0000012',
  employment: 'b0000013',
  access: 'b0000014',
  supply: 'b0000015',
  use: 'b0000016',
  link: 'b0000017',
} as const;

/** A UUID-shaped id, unique per (kind, index). */
const idOf = (kind: keyof typeof KIND_PREFIX, index: number) =>
  `${KIND_PREFIX[kind]}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

/** The index an id of `idOf` encodes. */
const indexOf = (id: unknown) => Number.parseInt(String(id).slice(-12), 16);
const increment = (counts: Int32Array, i: number) => {
  counts[i] = (counts[i] ?? 0) + 1;
};

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const SECTORS: readonly (readonly [string, string, string, number])[] = [
  ['ENERGY', '能源', 'Energy', 1.2],
  ['FINANCE', '金融', 'Finance', 1],
  ['TRANSPORT', '交通', 'Transport', 0.8],
  ['WATER', '水利', 'Water', 0.5],
  ['HEALTH', '卫生健康', 'Health', 1.5],
  ['EDUCATION', '教育', 'Education', 1.8],
  ['GOVERNMENT', '电子政务', 'E-government', 2],
  ['TELECOM', '电信', 'Telecommunications', 0.6],
  ['MEDIA', '广播电视', 'Radio and television', 0.4],
  ['EMERGENCY', '应急管理', 'Emergency management', 0.4],
];

/** City level gets the most operators; the six counties share the rest. */
const DIVISION_WEIGHTS: Record<DivisionCode, number> = {
  '140500': 3,
  '140502': 2,
  '140521': 0.8,
  '140522': 1,
  '140524': 0.7,
  '140525': 1.2,
  '140581': 1.1,
};

const LEVELS = new Weighted([0.12, 0.55, 0.3, 0.03]); // levels 1..4: ~1/3 at 3 or above
const STATUSES = ['LIVE', 'UNDER_CONSTRUCTION', 'PLANNED', 'DECOMMISSIONED'] as const;
const STATUS_WEIGHTS = new Weighted([0.85, 0.05, 0.03, 0.07]);
const SERVICE_KIND_WEIGHTS = new Weighted([0.05, 0.1, 0.3, 0.1, 0.2, 0.1, 0.1, 0.05]);
const ACCESS_KINDS = ['ONSITE', 'REMOTE', 'PRIVILEGED'] as const;
const ACCESS_KIND_WEIGHTS = new Weighted([0.6, 0.25, 0.15]);
const CHECK_STATUSES = ['PASSED', 'FAILED', 'PENDING'] as const;
const CHECK_WEIGHTS = new Weighted([0.85, 0.05, 0.1]);
const REGISTRATION = ['REGISTERED', 'PENDING', 'UNREGISTERED', 'REVOKED'] as const;
const REGISTRATION_WEIGHTS = new Weighted([0.7, 0.1, 0.17, 0.03]);
const ROLES = ['运维工程师', '开发工程师', '安全工程师', '项目经理', '测试工程师', '网络管理员'];
const PRODUCT_CATEGORIES = [
  '操作系统',
  '数据库',
  '中间件',
  '防火墙',
  '交换机',
  '服务器',
  '安全网关',
  '办公软件',
];
const EXPOSED = [
  [443, 'https'],
  [80, 'http'],
  [22, 'ssh'],
  [3389, 'rdp'],
  [8080, 'http-alt'],
] as const;

/** Generates the graph. `today` (ISO) is the reference date: windows end before it or are open. */
export function generateBench(scale: number, seed: number, today: string): BenchData {
  const size = sizesFor(scale);
  const rng = new Rng(seed);
  const todayDay = dayOf(today);
  const dateBetween = (fromDay: number, toDay: number) => isoOf(rng.int(fromDay, Math.max(fromDay, toDay)));
  const start2016 = dayOf('2016-01-01');
  /** A validity window: from a past date; ~10% ended (history), the rest in force. */
  const window = (earliest = dayOf('2018-01-01')) => {
    const fromDay = rng.int(Math.min(earliest, todayDay - 31), todayDay - 30);
    const ended = rng.chance(0.1);
    return { from: isoOf(fromDay), to: ended ? dateBetween(fromDay + 1, todayDay - 1) : null };
  };

  // --- Reference data ---------------------------------------------------------------------
  const sectors = SECTORS.map(([code, name, nameEn], i) => ({ id: idOf('sector', i), code, name, nameEn }));
  const departments = SECTORS.map(([code, name], i) => ({
    id: idOf('department', i),
    name: `晋城市${name}主管部门(基准)`,
    divisionCode: '140500',
    sectorCode: code,
  }));
  const policeUnits = DIVISION_CODES.map((code, i) => ({
    id: idOf('policeUnit', i),
    name: `公安网安部门 ${code}(基准)`,
    divisionCode: code,
  }));

  // --- Operators ----------------------------------------------------------------------------
  const sectorPick = new Weighted(SECTORS.map((s) => s[3]));
  const divisionPick = new Weighted(DIVISION_CODES.map((c) => DIVISION_WEIGHTS[c]));
  const operators: Row[] = [];
  const operatorSector: string[] = [];
  const operatorDivision: string[] = [];
  for (let i = 0; i < size.operators; i++) {
    // Operator 0 is the city's e-government cloud: its systems are the cross-operator hubs.
    const sectorCode = i === 0 ? 'GOVERNMENT' : (SECTORS[sectorPick.sample(rng)]?.[0] as string);
    const divisionCode = i === 0 ? '140500' : (DIVISION_CODES[divisionPick.sample(rng)] as string);
    operatorSector.push(sectorCode);
    operatorDivision.push(divisionCode);
    operators.push({
      id: idOf('operator', i),
      uscc: `BENCH-OP-${String(i).padStart(8, '0')}`,
      name: i === 0 ? '晋城市政务云(基准)' : `基准运营单位 ${i}`,
      divisionCode,
      inDevelopmentZone: rng.chance(0.1),
      sectorCode,
      competentDepartment: `${sectorCode} 主管部门`,
      securityBody: '网络安全领导小组',
      securityHead: `负责人 ${i}`,
      contactPhone: `0356-${String(2_000_000 + (i % 7_000_000)).padStart(7, '0')}`,
    });
  }

  // --- Systems: contiguous index ranges per operator ------------------------------------------
  const opWeights = Float64Array.from({ length: size.operators }, () => Math.exp(rng.normal()));
  opWeights[0] = Math.max(opWeights[0] as number, 0.002 * size.operators * 10); // the cloud: ~2% of systems
  const perOperator = new Int32Array(size.operators).fill(size.systems >= size.operators ? 1 : 0);
  const opPick = new Weighted(opWeights);
  let assigned = perOperator.reduce((a, b) => a + b, 0);
  while (assigned < size.systems) {
    increment(perOperator, opPick.sample(rng));
    assigned++;
  }
  const opStart = new Int32Array(size.operators + 1);
  for (let o = 0; o < size.operators; o++)
    opStart[o + 1] = (opStart[o] as number) + (perOperator[o] as number);
  const systemOperator = new Int32Array(size.systems);
  for (let o = 0; o < size.operators; o++)
    for (let s = opStart[o] as number; s < (opStart[o + 1] as number); s++) systemOperator[s] = o;

  const systems: Row[] = [];
  const systemLevel = new Int8Array(size.systems);
  const live: number[] = [];
  for (let s = 0; s < size.systems; s++) {
    const level = LEVELS.sample(rng) + 1;
    systemLevel[s] = level;
    const status = STATUSES[STATUS_WEIGHTS.sample(rng)] as string;
    if (status === 'LIVE') live.push(s);
    const determined = rng.int(start2016, todayDay - 60);
    const liveOn = status === 'LIVE' || status === 'DECOMMISSIONED' ? determined + rng.int(30, 400) : null;
    systems.push({
      id: idOf('system', s),
      operatorId: idOf('operator', systemOperator[s] as number),
      name: `基准信息系统 ${s}`,
      filingNumber: level >= 2 ? `BENCH-${String(s).padStart(9, '0')}` : null,
      protectionLevel: level,
      businessInfoLevel: level,
      systemServiceLevel: Math.max(1, level - rng.int(0, 1)),
      status,
      levelDeterminedOn: isoOf(determined),
      filedOn: level >= 2 ? isoOf(determined + rng.int(5, 30)) : null,
      liveOn: liveOn === null ? null : isoOf(Math.min(liveOn, todayDay - 1)),
      decommissionedOn: status === 'DECOMMISSIONED' ? isoOf(todayDay - rng.int(1, 300)) : null,
      description: null,
    });
  }

  // --- CII: ~2% of systems, grouped per operator, level 3+ ------------------------------------
  const ciis: Row[] = [];
  const memberships: Row[] = [];
  const ciiTarget = Math.max(2, Math.round(size.systems * 0.02));
  let inCii = 0;
  const operatorOrder = Array.from({ length: size.operators }, (_, i) => i);
  for (let i = operatorOrder.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [operatorOrder[i], operatorOrder[j]] = [operatorOrder[j] as number, operatorOrder[i] as number];
  }
  for (const o of operatorOrder) {
    if (inCii >= ciiTarget) break;
    const high: number[] = [];
    for (let s = opStart[o] as number; s < (opStart[o + 1] as number); s++)
      if ((systemLevel[s] as number) >= 3) high.push(s);
    if (high.length === 0 || !rng.chance(0.6)) continue;
    const take = high.slice(0, rng.int(1, 5));
    const c = ciis.length;
    const sectorCode = operatorSector[o] as string;
    const identifiedDay = rng.int(dayOf('2021-09-01'), todayDay - 30);
    ciis.push({
      id: idOf('cii', c),
      name: `基准关键信息基础设施 ${c}`,
      sectorCode,
      departmentId: idOf(
        'department',
        SECTORS.findIndex((x) => x[0] === sectorCode),
      ),
      identifiedOn: isoOf(identifiedDay),
      operatorNotifiedOn: isoOf(Math.min(todayDay - 1, identifiedDay + rng.int(1, 20))),
      policeNotifiedOn: rng.chance(0.9)
        ? isoOf(Math.min(todayDay - 1, identifiedDay + rng.int(1, 20)))
        : null,
    });
    for (const s of take) {
      const ended = rng.chance(0.05);
      memberships.push({
        id: idOf('membership', memberships.length),
        systemId: idOf('system', s),
        ciiId: idOf('cii', c),
        from: isoOf(identifiedDay),
        to: ended ? dateBetween(identifiedDay + 1, todayDay - 1) : null,
      });
      inCii++;
    }
  }

  // --- Vendors and their services (Zipf: index 0 is the largest) --------------------------------
  const vendors: Row[] = [];
  for (let v = 0; v < size.vendors; v++) {
    const status = REGISTRATION[REGISTRATION_WEIGHTS.sample(rng)] as string;
    const registered = status === 'REGISTERED' || status === 'REVOKED';
    vendors.push({
      id: idOf('vendor', v),
      uscc: `BENCH-VD-${String(v).padStart(8, '0')}`,
      name: `基准服务商 ${v}`,
      registrationStatus: status,
      registeredOn: registered ? dateBetween(start2016, todayDay - 30) : null,
      registrationNumber: registered ? `JC-VD-${v}` : null,
    });
  }
  const serviceVendor = new Weighted(zipf(size.vendors, 1));
  const services: Row[] = [];
  const vendorSystems: number[][] = Array.from({ length: size.vendors }, () => []);
  for (let s = 0; s < size.systems; s++) {
    const n = 1 + (rng.chance(0.4) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0);
    const chosen = new Set<number>();
    for (let k = 0; k < n; k++) chosen.add(serviceVendor.sample(rng));
    for (const v of chosen) {
      const kind = SERVICE_KINDS[SERVICE_KIND_WEIGHTS.sample(rng)] as string;
      const remote = kind === 'REMOTE_OPERATIONS' || rng.chance(0.1);
      const w = window();
      services.push({
        id: idOf('service', services.length),
        vendorId: idOf('vendor', v),
        systemId: idOf('system', s),
        kind,
        remote,
        remoteEvaluatedOn: remote && rng.chance(0.7) ? dateBetween(dayOf(w.from), todayDay - 1) : null,
        contractRef: `HT-${s}-${v}`,
        ...w,
      });
      if (w.to === null) (vendorSystems[v] as number[]).push(s);
    }
  }

  // --- Subcontracting: layers by rank, edges only to the next layer (≤ 3 tiers, no cycles) -----
  const layerEnd = [0.05, 0.2, 0.5, 1].map((f) => Math.max(1, Math.round(size.vendors * f)));
  const subcontracts: Row[] = [];
  const subcontract = (contractor: number, layer: number, count: number) => {
    const lo = layerEnd[layer] as number;
    const hi = (layerEnd[layer + 1] as number) - 1;
    if (hi < lo) return;
    const chosen = new Set<number>();
    for (let k = 0; k < count; k++) chosen.add(rng.int(lo, hi));
    for (const sub of chosen) {
      subcontracts.push({
        id: idOf('subcontract', subcontracts.length),
        contractorId: idOf('vendor', contractor),
        subcontractorId: idOf('vendor', sub),
        ...window(),
      });
    }
  };
  for (let v = 0; v < size.vendors; v++) {
    if (v < (layerEnd[0] as number)) subcontract(v, 0, rng.int(1, 4));
    else if (v < (layerEnd[1] as number)) {
      if (rng.chance(0.5)) subcontract(v, 1, rng.int(1, 2));
    } else if (v < (layerEnd[2] as number) && rng.chance(0.2)) subcontract(v, 2, 1);
  }

  // --- Personnel: employment, background checks, access ---------------------------------------
  const persons: Row[] = [];
  const checks: Row[] = [];
  const vendorEmployments: Row[] = [];
  const operatorEmployments: Row[] = [];
  const accesses: Row[] = [];
  const staffVendor = new Weighted(zipf(size.vendors, 0.8));
  let employmentCount = 0;
  for (let p = 0; p < size.persons; p++) {
    const personId = idOf('person', p);
    persons.push({
      id: personId,
      name: `基准人员 ${p}`,
      residentIdHash: createHash('sha256').update(`bench-person-${seed}-${p}`).digest('hex'),
      residentIdMasked: `140502********${String(p % 10_000).padStart(4, '0')}`,
    });
    if (rng.chance(0.9)) {
      const checkedDay = rng.int(dayOf('2020-01-01'), todayDay - 1);
      checks.push({
        id: idOf('check', checks.length),
        personId,
        status: CHECK_STATUSES[CHECK_WEIGHTS.sample(rng)],
        checkedOn: isoOf(checkedDay),
        expiresOn: isoOf(checkedDay + 3 * 365),
        checkedBy: '晋城市公安局网安支队',
      });
    }
    const atVendor = rng.chance(0.85);
    const employment = (employerId: string, w: { from: string; to: string | null }) => ({
      id: idOf('employment', employmentCount++),
      personId,
      employerId,
      keyPosition: rng.chance(0.1),
      role: rng.pick(ROLES),
      ...w,
    });
    if (atVendor) {
      const v = staffVendor.sample(rng);
      if (rng.chance(0.1)) {
        // A past job at another vendor (history only).
        const fromDay = rng.int(dayOf('2016-01-01'), dayOf('2019-12-31'));
        const past = { from: isoOf(fromDay), to: isoOf(fromDay + rng.int(90, 700)) };
        vendorEmployments.push(employment(idOf('vendor', staffVendor.sample(rng)), past));
      }
      const w = window();
      vendorEmployments.push(employment(idOf('vendor', v), w));
      const served = vendorSystems[v] as number[];
      const n = rng.int(0, 3);
      for (let k = 0; k < n; k++) {
        const s = served.length > 0 ? rng.pick(served) : rng.int(0, size.systems - 1);
        accesses.push({
          id: idOf('access', accesses.length),
          personId,
          systemId: idOf('system', s),
          kind: ACCESS_KINDS[ACCESS_KIND_WEIGHTS.sample(rng)],
          ...window(dayOf(w.from)),
        });
      }
    } else {
      const o = rng.int(0, size.operators - 1);
      operatorEmployments.push(employment(idOf('operator', o), window()));
      const lo = opStart[o] as number;
      const hi = (opStart[o + 1] as number) - 1;
      if (hi >= lo) {
        const n = rng.int(1, 2);
        for (let k = 0; k < n; k++) {
          accesses.push({
            id: idOf('access', accesses.length),
            personId,
            systemId: idOf('system', rng.int(lo, hi)),
            kind: rng.chance(0.7) ? 'ONSITE' : 'PRIVILEGED',
            ...window(),
          });
        }
      }
    }
  }

  // --- Products: supplied by Zipf-chosen vendors, used with Zipf popularity --------------------
  const products: Row[] = [];
  const supplies: Row[] = [];
  const productUses: Row[] = [];
  const supplier = new Weighted(zipf(size.vendors, 1));
  for (let i = 0; i < size.products; i++) {
    products.push({
      id: idOf('product', i),
      name: `基准产品 ${i}`,
      version: `${rng.int(1, 12)}.${rng.int(0, 9)}`,
      category: rng.pick(PRODUCT_CATEGORIES),
      certification: rng.chance(0.6) ? `CCRC-${i}` : null,
    });
    const n = rng.chance(0.2) ? 2 : 1;
    const chosen = new Set<number>();
    for (let k = 0; k < n; k++) chosen.add(supplier.sample(rng));
    for (const v of chosen) {
      supplies.push({
        id: idOf('supply', supplies.length),
        vendorId: idOf('vendor', v),
        productId: idOf('product', i),
        ...window(dayOf('2016-01-01')),
      });
    }
  }
  const popularity = new Weighted(zipf(size.products, 1.1));
  for (let s = 0; s < size.systems; s++) {
    const n = rng.chance(0.5) ? 2 : 1;
    const chosen = new Set<number>();
    for (let k = 0; k < n; k++) chosen.add(popularity.sample(rng));
    for (const p of chosen) {
      productUses.push({
        id: idOf('use', productUses.length),
        systemId: idOf('system', s),
        productId: idOf('product', p),
        ...window(),
      });
    }
  }

  // --- Network links: out-degree ~3, mostly within the operator ------------------------------
  const links: Row[] = [];
  const hubCount = opStart[1] as number; // the e-government cloud's systems
  for (let s = 0; s < size.systems; s++) {
    const o = systemOperator[s] as number;
    const lo = opStart[o] as number;
    const hi = (opStart[o + 1] as number) - 1;
    const n = rng.int(1, 5);
    const chosen = new Set<number>();
    for (let k = 0; k < n; k++) {
      const r = rng.next();
      let target: number;
      if (r < 0.8 && hi > lo) target = rng.int(lo, hi);
      else if (r < 0.9 && hubCount > 0) target = rng.int(0, hubCount - 1);
      else target = rng.int(0, size.systems - 1);
      if (target !== s) chosen.add(target);
    }
    for (const t of chosen) {
      links.push({
        id: idOf('link', links.length),
        fromSystemId: idOf('system', s),
        toSystemId: idOf('system', t),
        protocol: rng.chance(0.9) ? 'tcp' : 'udp',
        port: rng.pick([443, 1521, 3306, 5432, 8080, 9092, 22]),
        ...window(),
      });
    }
  }

  // --- Internet exposure ----------------------------------------------------------------------
  const exposures: Row[] = [];
  for (let i = 0; i < size.exposures; i++) {
    const ip = `61.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;
    const [port, service] = rng.pick(EXPOSED);
    const firstDay = rng.int(dayOf('2022-01-01'), todayDay - 10);
    exposures.push({
      id: idOf('exposure', i),
      systemId: idOf('system', live.length ? rng.pick(live) : rng.int(0, size.systems - 1)),
      ip,
      ipKey: ipKey(ip),
      port,
      protocol: 'tcp',
      domain: rng.chance(0.5) ? `s${i}.bench.jc.gov.cn` : null,
      service,
      firstSeen: isoOf(firstDay),
      lastSeen: dateBetween(firstDay, todayDay - 1),
    });
  }

  // --- Picks for the measurements ---------------------------------------------------------------
  const servesPerVendor = new Int32Array(size.vendors);
  for (const row of services) increment(servesPerVendor, indexOf(row.vendorId));
  const ranked = Array.from({ length: size.vendors }, (_, v) => v)
    .filter((v) => (servesPerVendor[v] as number) > 0)
    .sort((a, b) => (servesPerVendor[b] as number) - (servesPerVendor[a] as number) || a - b);
  const pickAt = (f: number) =>
    ranked[Math.min(ranked.length - 1, Math.floor(f * (ranked.length - 1)))] as number;
  const vendorPick = (v: number, label: PickedVendor['label']): PickedVendor => ({
    id: idOf('vendor', v),
    label,
    serves: servesPerVendor[v] as number,
  });
  const servicesPerSystem = new Int32Array(size.systems);
  for (const row of services) increment(servicesPerSystem, indexOf(row.systemId));
  const level3: string[] = [];
  for (let s = 0; s < size.systems && level3.length < 3; s++) {
    if (systemLevel[s] === 3 && (servicesPerSystem[s] as number) >= 2 && s >= hubCount)
      level3.push(idOf('system', s));
  }
  const highPerSector = new Map<string, number>();
  for (let s = 0; s < size.systems; s++) {
    if ((systemLevel[s] as number) < 3) continue;
    const code = operatorSector[systemOperator[s] as number] as string;
    highPerSector.set(code, (highPerSector.get(code) ?? 0) + 1);
  }
  const sectorCode = [...highPerSector.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0];

  return {
    sectors,
    departments,
    policeUnits,
    operators,
    systems,
    ciis,
    vendors,
    persons,
    checks,
    products,
    exposures,
    memberships,
    services,
    subcontracts,
    vendorEmployments,
    operatorEmployments,
    accesses,
    supplies,
    productUses,
    links,
    picks: {
      vendors: [
        vendorPick(pickAt(0), 'large'),
        vendorPick(pickAt(0.5), 'median'),
        vendorPick(pickAt(0.9), 'small'),
      ],
      sampledVendors: sampleVendors(size.vendors, seed).map((v, i) => vendorPick(v, `random #${i + 1}`)),
      level3Systems: level3.length ? level3 : [idOf('system', opStart[1] as number)],
      sectorCode: sectorCode ?? 'GOVERNMENT',
    },
  };
}

/** How many vendors the uniform sample holds (each is one variant of the sampled reach query). */
export const SAMPLED_VENDORS = 30;

/** Distinct vendor indexes drawn uniformly at random, in draw order. */
function sampleVendors(vendorCount: number, seed: number): number[] {
  const rng = new Rng(seed ^ 0x5eed);
  const picked = new Set<number>();
  const want = Math.min(SAMPLED_VENDORS, vendorCount);
  while (picked.size < want) picked.add(Math.floor(rng.next() * vendorCount));
  return [...picked];
}

/** Statement name → (nodes, relationships) each row creates. */
export const ROW_SHAPE: Record<
  Exclude<keyof BenchData, 'picks'>,
  { nodes: number; relationships: number }
> = {
  sectors: { nodes: 1, relationships: 0 },
  departments: { nodes: 1, relationships: 1 },
  policeUnits: { nodes: 1, relationships: 0 },
  operators: { nodes: 1, relationships: 1 },
  systems: { nodes: 1, relationships: 1 },
  ciis: { nodes: 1, relationships: 2 },
  vendors: { nodes: 1, relationships: 0 },
  persons: { nodes: 1, relationships: 0 },
  checks: { nodes: 1, relationships: 1 },
  products: { nodes: 1, relationships: 0 },
  exposures: { nodes: 1, relationships: 1 },
  memberships: { nodes: 0, relationships: 1 },
  services: { nodes: 0, relationships: 1 },
  subcontracts: { nodes: 0, relationships: 1 },
  vendorEmployments: { nodes: 0, relationships: 1 },
  operatorEmployments: { nodes: 0, relationships: 1 },
  accesses: { nodes: 0, relationships: 1 },
  supplies: { nodes: 0, relationships: 1 },
  productUses: { nodes: 0, relationships: 1 },
  links: { nodes: 0, relationships: 1 },
};
