/**
 * A deterministic, fictional Jincheng (晋城市) for demos and tests: sectors, protection departments,
 * police units, operators and their systems, CII designations, vendors and their subcontractors,
 * personnel with background checks and access, products, network links, internet exposure,
 * assessments and findings.
 *
 * Pure: one seeded PRNG (mulberry32), no clock, no I/O. Every "overdue" situation is relative to
 * `DEMO_AS_OF`. Names are realistic but the units, people and numbers are invented.
 */

import type { ChangeFilingRecord } from '../../server/compliance/change-filings.js';
import type { DataTransferRecord } from '../../server/compliance/data-transfers.js';
import type { DisasterBackupRecord } from '../../server/compliance/disaster-backups.js';
import type { DrillRecord } from '../../server/compliance/drills.js';
import type { InstitutionCheckRecord } from '../../server/compliance/engagements.js';
import type { ExposureJustificationRecord } from '../../server/compliance/exposure-justifications.js';
import type { GradingReviewRecord } from '../../server/compliance/grading-reviews.js';
import type { IncidentRecord, IncidentSeverity } from '../../server/compliance/incidents.js';
import type {
  InternetEgressRecord,
  MonitoringDeviceRecord,
  MonitoringRegistrationRecord,
} from '../../server/compliance/monitoring.js';
import type { ProcurementRecord } from '../../server/compliance/procurements.js';
import type { SupervisedRectificationRecord } from '../../server/compliance/rectifications.js';
import type { SelfInspectionRecord } from '../../server/compliance/self-inspections.js';
import {
  type AccessKind,
  type AccessRecord,
  type AssessmentKind,
  type AssessmentRecord,
  type BackgroundCheckRecord,
  type CheckStatus,
  COUNTY_DIVISION_CODES,
  type Conclusion,
  type CriticalInfrastructureRecord,
  type DivisionCode,
  type EmploymentRecord,
  type ExposureRecord,
  type FindingRecord,
  type FindingSeverity,
  type FindingStatus,
  type LinkRecord,
  type MembershipRecord,
  type OperatorRecord,
  type PersonRecord,
  type PoliceUnitRecord,
  type ProductRecord,
  type ProductUseRecord,
  type ProtectionDepartmentRecord,
  type Protocol,
  type RegistrationStatus,
  type SectorRecord,
  type ServiceKind,
  type ServiceRecord,
  type SubcontractRecord,
  type SupplyRecord,
  type SystemRecord,
  type SystemStatus,
  type VendorRecord,
} from '../../server/model.js';
import { residentIdCheckCharacter, usccCheckCharacter } from '../../server/validation/identifiers.js';

/** The date the demo data describes: every deadline and "overdue" is judged against it. */
export const DEMO_AS_OF = '2026-11-01';

export type DemoDepartment = ProtectionDepartmentRecord & { sectorCodes: string[] };
/** The raw resident ID is only in the generated data; the loader stores a keyed hash and a mask. */
export type DemoPerson = PersonRecord & { residentId: string };
export type DemoExposure = ExposureRecord & { systemId: string | null };

export interface DemoData {
  sectors: SectorRecord[];
  departments: DemoDepartment[];
  policeUnits: PoliceUnitRecord[];
  operators: OperatorRecord[];
  systems: SystemRecord[];
  ciis: CriticalInfrastructureRecord[];
  memberships: MembershipRecord[];
  vendors: VendorRecord[];
  subcontracts: SubcontractRecord[];
  services: ServiceRecord[];
  persons: DemoPerson[];
  employments: EmploymentRecord[];
  checks: BackgroundCheckRecord[];
  accesses: AccessRecord[];
  products: ProductRecord[];
  supplies: SupplyRecord[];
  productUses: ProductUseRecord[];
  links: LinkRecord[];
  exposures: DemoExposure[];
  assessments: AssessmentRecord[];
  findings: FindingRecord[];
  rectifications: SupervisedRectificationRecord[];
  changeFilings: ChangeFilingRecord[];
  procurements: ProcurementRecord[];
  incidents: IncidentRecord[];
  dataTransfers: DataTransferRecord[];
  gradingReviews: GradingReviewRecord[];
  drills: DrillRecord[];
  /** ASM-6: who worked on an assessment as assessor (测评人员), (p)-[:ASSESSOR_ON]->(a). */
  assessors: AssessorRecord[];
  disasterBackups: DisasterBackupRecord[];
  /** ASM-6: background checks of assessment institutions (测评机构背景审查). */
  institutionChecks: InstitutionCheckRecord[];
  monitoringRegistrations: MonitoringRegistrationRecord[];
  internetEgresses: InternetEgressRecord[];
  monitoringDevices: MonitoringDeviceRecord[];
  selfInspections: SelfInspectionRecord[];
  exposureJustifications: ExposureJustificationRecord[];
}

export interface AssessorRecord {
  id: string;
  personId: string;
  assessmentId: string;
}

// ---------------------------------------------------------------------------------------------
// PRNG, ids and dates
// ---------------------------------------------------------------------------------------------

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: a 32-bit state, good enough for demo data. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  next(): number {
    return this.uint32() / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  /** A date in [from, to] (both ISO); `to` before `from` yields `from`. */
  date(from: string, to: string): string {
    return addDays(from, this.int(0, Math.max(0, daysBetween(from, to))));
  }
  /** A version-4, UUID-shaped string. */
  uuid(): string {
    const h = [this.uint32(), this.uint32(), this.uint32(), this.uint32()]
      .map((n) => n.toString(16).padStart(8, '0'))
      .join('');
    const variant = '89ab'[Number.parseInt(h.charAt(16), 16) & 3];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => isoOfDay(dayNumber(iso) + days);
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);
const maxDate = (...dates: (string | null | undefined)[]) =>
  dates
    .filter((d): d is string => !!d)
    .sort()
    .at(-1) as string;
/** The earliest of the dates, null counting as "open" (later than any date); null when all are null. */
const minOpen = (...dates: (string | null)[]): string | null => {
  const closed = dates.filter((d): d is string => d !== null);
  return closed.sort()[0] ?? null;
};
/** A date at least `minDays` after `from` and on or before `latest`; null (still open) if there is none. */
const endAfter = (rng: Rng, from: string, minDays: number, latest = '2026-10-15'): string | null => {
  const earliest = addDays(from, minDays);
  return earliest > latest ? null : rng.date(earliest, latest);
};
const windowsOverlap = (aFrom: string, aTo: string | null, bFrom: string, bTo: string | null) =>
  (aTo === null || aTo >= bFrom) && (bTo === null || bTo >= aFrom);

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
type OrgKind = 'gov' | 'inst' | 'ent';
/** Positions 1–2 of a USCC: 11 = organ of state (机关), 12 = public institution (事业单位), 91 = enterprise. */
const USCC_PREFIX: Record<OrgKind, string> = { gov: '11', inst: '12', ent: '91' };

/** Shanxi division codes used for the birthplace part of resident IDs. */
const BIRTH_DIVISIONS = [
  ...COUNTY_DIVISION_CODES,
  ...COUNTY_DIVISION_CODES,
  ...'140105 140106 140109 140213 140302 140403 140702 140802 140902 141002'.split(' '),
];

// ---------------------------------------------------------------------------------------------
// Reference tables
// ---------------------------------------------------------------------------------------------

/** [code, 中文, English, protection department]. */
const SECTORS: readonly (readonly [string, string, string, string])[] = [
  ['ENERGY', '能源', 'Energy', '晋城市能源局'],
  ['FINANCE', '金融', 'Finance', '国家金融监督管理总局晋城监管分局'],
  ['TRANSPORT', '交通', 'Transport', '晋城市交通运输局'],
  ['WATER', '水利', 'Water', '晋城市水务局'],
  ['HEALTH', '卫生健康', 'Health', '晋城市卫生健康委员会'],
  ['EDUCATION', '教育', 'Education', '晋城市教育局'],
  ['GOVERNMENT', '电子政务', 'E-government', '晋城市行政审批服务管理局'],
  ['TELECOM', '电信', 'Telecommunications', '晋城市通信发展管理办公室'],
  ['MEDIA', '广播电视', 'Radio and television', '晋城市文化和旅游局'],
  ['EMERGENCY', '应急管理', 'Emergency management', '晋城市应急管理局'],
];

const COUNTIES: readonly { code: DivisionCode; prefix: string; slug: string }[] = [
  { code: '140502', prefix: '晋城市城区', slug: 'cq' },
  { code: '140521', prefix: '沁水县', slug: 'qs' },
  { code: '140522', prefix: '阳城县', slug: 'yc' },
  { code: '140524', prefix: '陵川县', slug: 'lc' },
  { code: '140525', prefix: '泽州县', slug: 'zz' },
  { code: '140581', prefix: '高平市', slug: 'gp' },
];

type Tag = 'core' | 'web' | 'ics' | 'internal';
/** [name, typical level, tag, sub-domain]; a name starting with 晋城市 is used as is (shared platforms). */
type SystemTemplate = readonly [string, number, Tag, string];
const PROFILES: Record<string, readonly SystemTemplate[]> = {
  hospital: [
    ['医院信息系统(HIS)', 3, 'core', 'his'],
    ['电子病历系统', 3, 'core', 'emr'],
    ['医学影像存档与通信系统(PACS)', 3, 'core', 'pacs'],
    ['实验室信息管理系统(LIS)', 2, 'internal', 'lis'],
    ['互联网医院平台', 3, 'web', 'ih'],
    ['预约挂号服务平台', 2, 'web', 'yygh'],
    ['医保结算系统', 3, 'core', 'ybjs'],
    ['门户网站', 2, 'web', 'www'],
    ['办公自动化系统', 1, 'internal', 'oa'],
  ],
  water: [
    ['供水调度SCADA系统', 3, 'ics', 'scada'],
    ['营业收费系统', 2, 'core', 'yysf'],
    ['管网地理信息系统', 2, 'internal', 'gis'],
    ['水质在线监测系统', 2, 'ics', 'szjc'],
    ['二次供水泵房监控系统', 2, 'ics', 'ecgs'],
    ['门户网站', 1, 'web', 'www'],
  ],
  power: [
    ['电力调度自动化系统', 4, 'ics', 'ems'],
    ['用电信息采集系统', 3, 'ics', 'ydcj'],
    ['营销业务应用系统', 3, 'core', 'yx'],
    ['配电自动化系统', 3, 'ics', 'dms'],
    ['95598客户服务网站', 2, 'web', 'www'],
    ['办公自动化系统', 2, 'internal', 'oa'],
  ],
  gas: [
    ['燃气SCADA系统', 3, 'ics', 'scada'],
    ['燃气收费系统', 2, 'core', 'sf'],
    ['燃气管网巡检系统', 2, 'internal', 'xj'],
    ['客户服务网站', 2, 'web', 'www'],
  ],
  heat: [
    ['智慧供热平台', 3, 'ics', 'rw'],
    ['热网监控系统', 2, 'ics', 'jk'],
    ['供热收费系统', 2, 'core', 'sf'],
    ['门户网站', 1, 'web', 'www'],
  ],
  thermal: [
    ['机组分散控制系统(DCS)', 3, 'ics', 'dcs'],
    ['厂级监控信息系统(SIS)', 3, 'ics', 'sis'],
    ['管理信息系统(MIS)', 2, 'internal', 'mis'],
    ['门户网站', 1, 'web', 'www'],
  ],
  cbm: [
    ['煤层气集输SCADA系统', 3, 'ics', 'scada'],
    ['安全监测监控系统', 3, 'ics', 'aqjk'],
    ['生产管理系统', 2, 'internal', 'sc'],
    ['门户网站', 1, 'web', 'www'],
  ],
  bank: [
    ['核心业务系统', 4, 'core', 'core'],
    ['网上银行系统', 3, 'web', 'ebank'],
    ['手机银行系统', 3, 'web', 'mbank'],
    ['支付清算系统', 3, 'core', 'pay'],
    ['信贷管理系统', 3, 'internal', 'credit'],
    ['柜面业务系统', 3, 'core', 'teller'],
    ['门户网站', 2, 'web', 'www'],
    ['办公自动化系统', 2, 'internal', 'oa'],
  ],
  fund: [
    ['公积金业务管理系统', 3, 'core', 'ywgl'],
    ['网上服务大厅', 3, 'web', 'wt'],
    ['门户网站', 2, 'web', 'www'],
    ['档案管理系统', 2, 'internal', 'da'],
  ],
  bus: [
    ['智能公交调度系统', 3, 'core', 'dd'],
    ['公交一卡通系统', 3, 'core', 'ykt'],
    ['公交出行服务平台', 2, 'web', 'cx'],
    ['车载视频监控系统', 2, 'internal', 'sp'],
  ],
  road: [
    ['公路路网监测系统', 3, 'ics', 'lw'],
    ['治超检测系统', 2, 'internal', 'zc'],
    ['公路养护管理系统', 2, 'internal', 'yh'],
    ['门户网站', 1, 'web', 'www'],
  ],
  telecom: [
    ['移动核心网', 4, 'core', 'core'],
    ['业务支撑系统(BOSS)', 3, 'core', 'boss'],
    ['宽带接入网管系统', 3, 'internal', 'nms'],
    ['客户关系管理系统', 3, 'internal', 'crm'],
    ['IDC机房动环监控系统', 2, 'ics', 'dh'],
    ['网上营业厅', 3, 'web', 'wt'],
  ],
  tv: [
    ['播出控制系统', 3, 'ics', 'bk'],
    ['融媒体内容生产平台', 3, 'core', 'rmt'],
    ['有线电视前端系统', 3, 'ics', 'catv'],
    ['新媒体发布平台', 2, 'web', 'app'],
    ['门户网站', 2, 'web', 'www'],
  ],
  rmt: [
    ['融媒体指挥调度平台', 2, 'core', 'zh'],
    ['应急广播系统', 3, 'ics', 'yjgb'],
    ['新闻客户端', 2, 'web', 'app'],
    ['门户网站', 2, 'web', 'www'],
  ],
  govcloud: [
    ['晋城市政务云平台', 3, 'core', 'cloud'],
    ['晋城市电子政务外网', 3, 'core', 'net'],
    ['晋城市政务数据共享交换平台', 3, 'core', 'data'],
    ['晋城市政务服务网', 3, 'web', 'zwfw'],
    ['晋城市公共数据开放平台', 2, 'web', 'opendata'],
    ['电子证照库', 3, 'internal', 'dzzz'],
  ],
  gov: [
    ['政务服务平台', 2, 'web', 'zwfw'],
    ['门户网站', 2, 'web', 'www'],
    ['协同办公系统', 2, 'internal', 'oa'],
    ['电子公文系统', 2, 'internal', 'gw'],
    ['信息公开平台', 1, 'web', 'xxgk'],
    ['视频会议系统', 1, 'internal', 'sphy'],
  ],
  hrss: [
    ['社会保障信息系统', 3, 'core', 'sb'],
    ['社保卡管理系统', 3, 'core', 'sbk'],
    ['网上经办大厅', 3, 'web', 'wt'],
    ['就业服务平台', 2, 'web', 'jy'],
    ['门户网站', 2, 'web', 'www'],
  ],
  hotline: [
    ['12345政务服务便民热线系统', 3, 'core', 'rx'],
    ['热线知识库系统', 2, 'internal', 'zsk'],
    ['网上诉求平台', 2, 'web', 'sq'],
  ],
  emergency: [
    ['应急指挥信息系统', 3, 'core', 'zh'],
    ['安全生产风险监测预警系统', 3, 'ics', 'yj'],
    ['视频会商系统', 2, 'internal', 'hs'],
    ['应急广播平台', 2, 'ics', 'gb'],
    ['门户网站', 2, 'web', 'www'],
  ],
  fire: [
    ['消防接处警系统', 3, 'core', 'jcj'],
    ['消防物联网远程监控系统', 3, 'ics', 'iot'],
    ['消防监督管理系统', 2, 'internal', 'jd'],
  ],
  eduinfo: [
    ['教育城域网', 3, 'core', 'net'],
    ['学籍管理系统', 3, 'core', 'xj'],
    ['中考招生录取系统', 3, 'core', 'zk'],
    ['教育资源公共服务平台', 2, 'web', 'zy'],
    ['门户网站', 2, 'web', 'www'],
  ],
  college: [
    ['智慧校园平台', 2, 'core', 'i'],
    ['教务管理系统', 2, 'internal', 'jw'],
    ['校园一卡通系统', 2, 'core', 'ykt'],
    ['学生信息管理系统', 2, 'internal', 'xg'],
    ['门户网站', 2, 'web', 'www'],
    ['招生就业网', 1, 'web', 'zs'],
  ],
  school: [
    ['智慧校园平台', 2, 'core', 'i'],
    ['校园一卡通系统', 2, 'core', 'ykt'],
    ['门户网站', 1, 'web', 'www'],
  ],
  ecommerce: [
    ['电子商务平台', 2, 'web', 'www'],
    ['支付接口系统', 2, 'core', 'pay'],
    ['仓储管理系统', 1, 'internal', 'wms'],
    ['客户服务系统', 1, 'internal', 'kf'],
  ],
  logistics: [
    ['物流管理系统', 2, 'core', 'tms'],
    ['车辆定位监控系统', 1, 'internal', 'gps'],
    ['门户网站', 1, 'web', 'www'],
  ],
};
type Profile = keyof typeof PROFILES;

interface OperatorSpec {
  name: string;
  division: DivisionCode;
  sector: string | null;
  kind: OrgKind;
  profile: Profile;
  domain: string;
  devZone?: boolean;
}

/** City-level and special operators: [name, division, sector, kind, profile, domain, in the development zone]. */
const CITY_OPERATORS: readonly (readonly [
  string,
  DivisionCode,
  string | null,
  OrgKind,
  Profile,
  string,
  boolean?,
])[] = [
  ['晋城市人民医院', '140500', 'HEALTH', 'inst', 'hospital', 'jcsrmyy.cn'],
  ['晋城市第二人民医院', '140500', 'HEALTH', 'inst', 'hospital', 'jcdermyy.cn'],
  ['晋城市中医院', '140500', 'HEALTH', 'inst', 'hospital', 'jczyy.cn'],
  ['晋城大医院', '140502', 'HEALTH', 'inst', 'hospital', 'jcdyy.com'],
  ['晋城银行股份有限公司', '140500', 'FINANCE', 'ent', 'bank', 'jcbank.com.cn'],
  ['晋城农村商业银行股份有限公司', '140500', 'FINANCE', 'ent', 'bank', 'jcrcb.com'],
  ['阳城农村商业银行股份有限公司', '140522', 'FINANCE', 'ent', 'bank', 'ycrcb.com'],
  ['晋城市住房公积金管理中心', '140500', 'FINANCE', 'inst', 'fund', 'gjj.jcgov.cn'],
  ['晋城市公共交通有限责任公司', '140500', 'TRANSPORT', 'ent', 'bus', 'jcbus.cn'],
  ['晋城市公路事业发展中心', '140500', 'TRANSPORT', 'inst', 'road', 'gl.jcgov.cn'],
  ['晋城市水务集团有限公司', '140500', 'WATER', 'ent', 'water', 'jcswjt.com'],
  ['晋城市燃气有限公司', '140500', 'ENERGY', 'ent', 'gas', 'jcgas.com'],
  ['晋城市热力有限公司', '140500', 'ENERGY', 'ent', 'heat', 'jcrl.com'],
  ['国网山西省电力公司晋城供电公司', '140500', 'ENERGY', 'ent', 'power', 'jc.sx.sgcc.com.cn'],
  ['沁水县煤层气综合利用有限公司', '140521', 'ENERGY', 'ent', 'cbm', 'qsmcq.com'],
  ['晋城开发区热电有限公司', '140525', 'ENERGY', 'ent', 'thermal', 'jckfqrd.com', true],
  ['中国移动通信集团山西有限公司晋城分公司', '140500', 'TELECOM', 'ent', 'telecom', 'jc.sx.10086.cn'],
  ['中国联合网络通信有限公司晋城市分公司', '140500', 'TELECOM', 'ent', 'telecom', 'jc.sx.10010.com'],
  ['中国电信股份有限公司晋城分公司', '140500', 'TELECOM', 'ent', 'telecom', 'jc.sx.189.cn'],
  ['晋城市广播电视台', '140500', 'MEDIA', 'inst', 'tv', 'jcbctv.cn'],
  ['晋城市大数据中心', '140500', 'GOVERNMENT', 'inst', 'govcloud', 'jcgov.cn'],
  ['晋城市人力资源和社会保障局', '140500', 'GOVERNMENT', 'gov', 'hrss', 'rsj.jcgov.cn'],
  ['晋城市12345政务服务便民热线中心', '140500', 'GOVERNMENT', 'inst', 'hotline', '12345.jcgov.cn'],
  ['晋城经济技术开发区管理委员会', '140502', 'GOVERNMENT', 'gov', 'gov', 'kfq.jcgov.cn', true],
  ['晋城市应急指挥中心', '140500', 'EMERGENCY', 'inst', 'emergency', 'yjj.jcgov.cn'],
  ['晋城市消防救援支队', '140500', 'EMERGENCY', 'gov', 'fire', 'jc119.cn'],
  ['晋城市教育信息化管理中心', '140500', 'EDUCATION', 'inst', 'eduinfo', 'jyj.jcgov.cn'],
  ['晋城职业技术学院', '140500', 'EDUCATION', 'inst', 'college', 'jcvc.edu.cn'],
  ['晋城市第一中学校', '140502', 'EDUCATION', 'inst', 'school', 'jcyz.cn'],
  ['山西太行云商科技有限公司', '140502', null, 'ent', 'ecommerce', 'thys.com', true],
  ['晋城市丹河物流有限公司', '140525', null, 'ent', 'logistics', 'dhwl.com'],
  ['晋城光机电产业园运营有限公司', '140525', null, 'ent', 'ecommerce', 'jcgjd.com', true],
];

/** Operators that every county-level division has; `{c}` is the division's name, `{s}` its slug. */
const COUNTY_OPERATORS: readonly Omit<OperatorSpec, 'division'>[] = [
  { name: '{c}人民医院', sector: 'HEALTH', kind: 'inst', profile: 'hospital', domain: '{s}rmyy.cn' },
  { name: '{c}自来水有限公司', sector: 'WATER', kind: 'ent', profile: 'water', domain: '{s}water.cn' },
  { name: '{c}融媒体中心', sector: 'MEDIA', kind: 'inst', profile: 'rmt', domain: '{s}rmt.cn' },
  { name: '{c}人民政府办公室', sector: 'GOVERNMENT', kind: 'gov', profile: 'gov', domain: '{s}.jcgov.cn' },
  {
    name: '国网{c}供电公司',
    sector: 'ENERGY',
    kind: 'ent',
    profile: 'power',
    domain: '{s}.jc.sx.sgcc.com.cn',
  },
];

type VendorType = 'int' | 'om' | 'sec' | 'sw' | 'mon' | 'asm' | 'cry' | 'small';
type Speciality = 'medical' | 'bank' | 'ics' | 'media' | 'telecom' | null;
/** [name, division code of its registration, type, subcontracting tier (0 = prime), speciality]. */
const VENDORS: readonly (readonly [string, string, VendorType, number, Speciality])[] = [
  ['北京华晟智联信息技术有限公司', '110108', 'int', 0, null],
  ['中科信创(北京)科技有限公司', '110108', 'int', 0, null],
  ['北京天元安信网络安全技术有限公司', '110108', 'sec', 0, null],
  ['北京金信融科技术有限公司', '110105', 'sw', 0, 'bank'],
  ['上海嘉禾医疗信息科技有限公司', '310115', 'sw', 0, 'medical'],
  ['杭州云垣数据技术有限公司', '330108', 'sw', 0, null],
  ['深圳鹏安工控安全技术有限公司', '440305', 'sec', 0, 'ics'],
  ['山西云数科技有限公司', '140105', 'int', 1, null],
  ['山西晋信数据系统集成有限公司', '140106', 'int', 1, null],
  ['山西龙城软件股份有限公司', '140109', 'sw', 1, null],
  ['山西联创医疗信息技术有限公司', '140105', 'sw', 1, 'medical'],
  ['山西金融电子化服务有限公司', '140106', 'int', 1, 'bank'],
  ['山西华创工控系统有限公司', '140106', 'int', 1, 'ics'],
  ['山西广电网络技术有限公司', '140105', 'int', 1, 'media'],
  ['山西智信网络安全技术有限公司', '140105', 'sec', 1, null],
  ['山西鼎安信息科技有限公司', '140105', 'om', 1, null],
  ['山西迅达远程运维服务有限公司', '140109', 'om', 1, null],
  ['郑州中原信安科技有限公司', '410105', 'sec', 1, null],
  ['山西数安网络安全测评有限公司', '140105', 'asm', 1, null],
  ['山西省网络安全等级保护测评中心有限公司', '140100', 'asm', 1, null],
  ['山西三晋密码应用安全测评有限公司', '140109', 'cry', 1, null],
  ['山西商密安全评估技术有限公司', '140106', 'cry', 1, null],
  ['晋城市中正信息安全测评有限公司', '140500', 'asm', 2, null],
  ['晋城市凤城信息技术有限公司', '140502', 'int', 2, null],
  ['晋城市鑫源计算机系统工程有限公司', '140502', 'int', 2, null],
  ['晋城市润通工控自动化有限公司', '140525', 'int', 2, 'ics'],
  ['晋城市太行网络科技有限公司', '140502', 'om', 2, null],
  ['晋城市泽云数据服务有限公司', '140525', 'om', 2, null],
  ['晋城市智慧城市运营有限公司', '140500', 'om', 2, null],
  ['长治市上党数据科技有限公司', '140403', 'om', 2, null],
  ['晋城市丹河软件开发有限公司', '140502', 'sw', 2, null],
  ['晋城市光合数字科技有限公司', '140525', 'sw', 2, null],
  ['晋城市晋安网络安全技术有限公司', '140500', 'sec', 2, null],
  ['晋城市华瑞网络安全监测有限公司', '140500', 'mon', 2, null],
  ['晋城市蓝海通信技术服务有限公司', '140502', 'om', 3, 'telecom'],
  ['晋城市安盾网络技术有限公司', '140502', 'sec', 3, null],
  ['晋城市珏山网络工程有限公司', '140525', 'small', 3, null],
  ['沁水县沁和电子工程有限公司', '140521', 'small', 3, null],
  ['阳城县析城信息技术有限公司', '140522', 'small', 3, null],
  ['陵川县太行云通信工程有限公司', '140524', 'small', 3, 'telecom'],
  ['泽州县星火计算机服务有限公司', '140525', 'small', 3, null],
  ['高平市长平网络科技有限公司', '140581', 'small', 3, null],
];

const ROLES: Record<VendorType, readonly string[]> = {
  int: ['项目经理', '系统集成工程师', '网络工程师', '实施工程师'],
  om: ['运维工程师', '系统管理员', '网络工程师', '驻场运维工程师'],
  sec: ['安全工程师', '渗透测试工程师', '安全服务工程师'],
  sw: ['开发工程师', '实施工程师', '项目经理', '数据库工程师'],
  mon: ['安全监测分析师', '值班工程师'],
  asm: ['等级测评师', '高级等级测评师', '测评项目经理'],
  cry: ['密评工程师', '密码测评师'],
  small: ['技术员', '运维工程师', '网络布线工程师'],
};
const OPERATOR_ROLES = ['系统管理员', '安全管理员', '数据库管理员', '审计管理员', '网络管理员'];
const SECURITY_BODIES = [
  '网络安全和信息化领导小组办公室',
  '信息中心网络安全科',
  '网络安全管理办公室',
  '信息科技部网络安全室',
  '网络与信息安全部',
];

const SURNAMES =
  '王李张刘赵郭杨陈武贾牛申段卫常秦焦原苗李张王赵吴周徐孙胡朱高林何马罗梁宋郑谢韩唐冯于董程曹袁许彭吕苏卢蒋蔡丁魏薛叶阎潘杜田任姜范石姚崔康毛秦史侯孟乔贺';
const MALE_NAMES = [
  ...'伟 强 磊 军 勇 杰 涛 明 超 刚 斌 鹏 鑫 亮 飞 凯'.split(' '),
  ...'博 建国 建华 晓东 海涛 志强 文博 宇航 浩然 俊杰 国庆 永刚 红军 卫东 晋生 泽宇 子轩'.split(' '),
];
const FEMALE_NAMES = [
  ...'娜 敏 静 丽 艳 娟 霞 平 慧 丹 晶 琳 婷 芳'.split(' '),
  ...'洁 颖 秀英 桂英 晓燕 欣怡 雨萱 子涵 思琪 丽华 玉兰 海燕 晓丽 佳琪 梦瑶'.split(' '),
];

/** [name, category, [version, version], certifiable (domestic, within a certification scheme)]. */
const PRODUCTS: readonly (readonly [string, string, readonly [string, string], boolean])[] = [
  ['银河麒麟高级服务器操作系统', '操作系统', ['V10 SP2', 'V10 SP3'], true],
  ['统信服务器操作系统', '操作系统', ['V20 1060', 'V20 1070'], true],
  ['Windows Server', '操作系统', ['2012 R2', '2019'], false],
  ['CentOS Linux', '操作系统', ['7.6', '7.9'], false],
  ['达梦数据库管理系统', '数据库', ['DM7', 'DM8'], true],
  ['人大金仓数据库管理系统 KingbaseES', '数据库', ['V8R6', 'V9'], true],
  ['Oracle Database', '数据库', ['11g', '19c'], false],
  ['MySQL', '数据库', ['5.7', '8.0'], false],
  ['东方通应用服务器 TongWeb', '中间件', ['7.0', '8.0'], true],
  ['Apache Tomcat', '中间件', ['8.5', '9.0'], false],
  ['浪潮英信服务器', '服务器', ['NF5280M5', 'NF5280M6'], true],
  ['华为 TaiShan 服务器', '服务器', ['200', '200K'], true],
  ['华为 FusionCompute 虚拟化平台', '虚拟化', ['8.0', '8.1'], true],
  ['VMware vSphere', '虚拟化', ['6.7', '7.0'], false],
  ['新华三 S6520X 系列交换机', '网络设备', ['R6616', 'R6628'], true],
  ['华为 S5735 系列交换机', '网络设备', ['V200R019', 'V200R022'], true],
  ['Cisco Catalyst 交换机', '网络设备', ['2960X', '3850'], false],
  ['天融信下一代防火墙', '安全设备', ['NGFW4000', 'NGFW4000-UF'], true],
  ['奇安信网神防火墙', '安全设备', ['SecGate 3600', 'SecGate 3600-G'], true],
  ['绿盟 Web 应用防护系统', '安全设备', ['V6.0', 'V6.1'], true],
  ['启明星辰天阗入侵检测系统', '安全设备', ['V7.0', 'V8.0'], true],
  ['安恒明御运维审计与风险控制系统', '安全设备', ['V3.0', 'V5.0'], true],
  ['深信服 SSL VPN', '安全设备', ['M7.6', 'M8.0'], true],
  ['三未信安服务器密码机', '密码设备', ['SJJ1012', 'SJJ1012-A'], true],
  ['江南天安签名验签服务器', '密码设备', ['SRJ1909', 'SRJ1909-B'], true],
  ['西门子 SIMATIC S7 PLC', '工业控制', ['S7-300', 'S7-1200'], false],
  ['和利时 LK 系列 PLC', '工业控制', ['LK210', 'LK220'], true],
  ['力控 ForceControl 组态软件', '工业控制', ['V7.2', 'V8.0'], true],
  ['海康威视网络硬盘录像机', '视频监控', ['DS-8600N', 'DS-9600N'], true],
  ['用友 U8+ 管理软件', '应用软件', ['V13', 'V16'], false],
];

const FINDING_TITLES = [
  '存在弱口令账户',
  '未部署入侵检测或防范措施',
  '安全审计日志留存不足六个月',
  '重要数据未进行异地备份',
  '远程运维未采用双因素身份鉴别',
  '存在高危漏洞未修补 (Apache Log4j2)',
  '边界访问控制策略过于宽松',
  '未定期开展应急演练',
  '安全管理制度不健全',
  '数据库中个人信息未加密存储',
  '未使用商用密码进行身份鉴别',
  '重要数据传输未加密',
  '未对第三方运维人员进行审计',
  '操作系统已停止维护 (CentOS 7)',
  '互联网暴露管理端口 (SSH/RDP)',
];

const IP_PREFIXES = ['218.26', '221.204', '60.220', '183.185', '124.165'];
/** Ports a system listens on for internal links, by tag. */
const LINK_PORTS: Record<Tag, readonly (number | null)[]> = {
  core: [1521, 3306, 5432, 8080, 443, null],
  web: [443, 8443, 80],
  ics: [502, 102, 2404, 20000],
  internal: [8080, 443, 1433, null],
};

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

interface SystemMeta {
  record: SystemRecord;
  op: OperatorMeta;
  tag: Tag;
  slug: string;
}
interface OperatorMeta {
  record: OperatorRecord;
  spec: OperatorSpec;
  systems: SystemMeta[];
  ipBase: string;
}
interface VendorMeta {
  record: VendorRecord;
  type: VendorType;
  tier: number;
  speciality: Speciality;
  local: boolean;
  staff: EmploymentRecord[];
}

export function generateDemoData(seed = 20261101): DemoData {
  const rng = new Rng(seed);
  const ids = new Rng(seed ^ 0x5eed1d5);
  const uuid = () => ids.uuid();

  const usedUscc = new Set<string>();
  const uscc = (kind: OrgKind, division: string): string => {
    for (;;) {
      const chars = (n: number, set: string) => Array.from({ length: n }, () => rng.pick([...set])).join('');
      const org =
        kind === 'ent'
          ? `MA0${chars(6, USCC_CHARSET)}`
          : `${chars(8, '0123456789')}${chars(1, USCC_CHARSET)}`;
      const first17 = `${USCC_PREFIX[kind]}${division}${org}`;
      const code = first17 + usccCheckCharacter(first17);
      if (!usedUscc.has(code)) {
        usedUscc.add(code);
        return code;
      }
    }
  };

  // Sectors, departments, police -------------------------------------------------------------
  const sectors: SectorRecord[] = SECTORS.map(([code, name, nameEn]) => ({ id: uuid(), code, name, nameEn }));
  const departments: DemoDepartment[] = SECTORS.map(([code, , , dept]) => ({
    id: uuid(),
    name: dept,
    divisionCode: '140500',
    sectorCodes: [code],
  }));
  const departmentBySector = new Map(departments.map((d) => [d.sectorCodes[0] as string, d]));
  const policeUnits: PoliceUnitRecord[] = [
    { id: uuid(), name: '晋城市公安局', divisionCode: '140500' },
    ...COUNTIES.map((c) => ({
      id: uuid(),
      name: c.code === '140502' ? '晋城市公安局城区分局' : `${c.prefix}公安局`,
      divisionCode: c.code,
    })),
  ];
  const policeName = (division: string) =>
    (policeUnits.find((p) => p.divisionCode === division) ?? (policeUnits[0] as PoliceUnitRecord)).name;

  // Operators ---------------------------------------------------------------------------------
  const specs: OperatorSpec[] = [
    ...CITY_OPERATORS.map(([name, division, sector, kind, profile, domain, devZone]) => ({
      name,
      division,
      sector,
      kind,
      profile,
      domain,
      devZone: devZone === true,
    })),
    ...COUNTIES.flatMap((c) =>
      COUNTY_OPERATORS.map((t) => ({
        ...t,
        name: t.name.replace('{c}', c.prefix),
        domain: t.domain.replace('{s}', c.slug),
        division: c.code,
      })),
    ),
  ];
  const usedIpBases = new Set<string>();
  const operators: OperatorMeta[] = specs.map((spec) => {
    let ipBase = '';
    do ipBase = `${rng.pick(IP_PREFIXES)}.${rng.int(2, 254)}`;
    while (usedIpBases.has(ipBase));
    usedIpBases.add(ipBase);
    const record: OperatorRecord = {
      id: uuid(),
      uscc: uscc(spec.kind, spec.division),
      name: spec.name,
      divisionCode: spec.division,
      inDevelopmentZone: spec.devZone === true,
      sectorCode: spec.sector,
      competentDepartment: spec.sector ? (departmentBySector.get(spec.sector)?.name ?? null) : null,
      securityBody: null,
      securityHead: null,
      securityBodyEstablishedOn: null,
      contactPhone: rng.chance(0.85) ? `0356-${rng.int(2020000, 6999999)}` : null,
    };
    return { record, spec, systems: [], ipBase };
  });

  // Systems -----------------------------------------------------------------------------------
  const filingUnits = new Map<string, { unit: string; next: number }>();
  const unitCounters = new Map<string, number>();
  const filingNumber = (police: string, operatorId: string, filedOn: string): string => {
    const key = `${police}:${operatorId}`;
    let entry = filingUnits.get(key);
    if (!entry) {
      const n = (unitCounters.get(police) ?? 0) + 1;
      unitCounters.set(police, n);
      entry = { unit: String(n).padStart(5, '0'), next: 1 };
      filingUnits.set(key, entry);
    }
    const number = `${police}${entry.unit}-${filedOn.slice(2, 4)}${String(entry.next).padStart(3, '0')}`;
    entry.next += 1;
    return number;
  };

  const systems: SystemMeta[] = [];
  for (const op of operators) {
    const templates = PROFILES[op.spec.profile] ?? [];
    const city = op.spec.division === '140500';
    const want = Math.min(templates.length, city ? rng.int(5, 8) : rng.int(4, 6));
    const chosen = [templates[0] as SystemTemplate, ...rng.shuffle(templates.slice(1)).slice(0, want - 1)];
    for (const [index, [baseName, baseLevel, tag, slug]] of chosen.entries()) {
      // The operator's main system and the city's shared platforms keep their typical level.
      const keepLevel = index === 0 || baseName.startsWith('晋城市');
      let level: number | null = baseLevel;
      if (level === 3 && tag !== 'ics' && rng.chance(city ? 0.35 : 0.75)) level = 2;
      if (level < 4 && rng.chance(0.08)) level += rng.chance(0.5) ? 1 : -1;
      if (keepLevel) level = Math.max(level, baseLevel);
      level = Math.min(4, Math.max(1, level));
      if (level === 1 && rng.chance(0.25)) level = null; // never graded (GRD-1 when live)

      const roll = rng.next();
      const status: SystemStatus =
        roll < 0.04
          ? 'PLANNED'
          : roll < 0.09
            ? 'UNDER_CONSTRUCTION'
            : roll < 0.14
              ? 'DECOMMISSIONED'
              : 'LIVE';
      let liveOn: string | null = null;
      let decommissionedOn: string | null = null;
      let levelDeterminedOn: string | null = null;
      if (status === 'LIVE' || status === 'DECOMMISSIONED') {
        liveOn =
          status === 'LIVE' ? rng.date('2012-01-01', '2026-08-31') : rng.date('2012-01-01', '2021-12-31');
        if (status === 'DECOMMISSIONED')
          decommissionedOn = rng.date(maxDate(addDays(liveOn, 365), '2022-01-01'), '2026-09-30');
        if (liveOn >= '2018-01-01') levelDeterminedOn = addDays(liveOn, -rng.int(20, 120));
        else levelDeterminedOn = rng.date('2018-01-01', '2020-12-31'); // re-graded under MLPS 2.0
        if (status === 'LIVE' && rng.chance(0.12))
          levelDeterminedOn = rng.date(maxDate(liveOn, '2024-01-01'), '2026-10-22');
      } else if (status === 'UNDER_CONSTRUCTION') {
        levelDeterminedOn = rng.date('2025-09-01', '2026-10-20');
      } else if (rng.chance(0.6)) {
        levelDeterminedOn = rng.date('2026-05-01', '2026-10-25');
      }
      if (level === null) levelDeterminedOn = null;

      let filedOn: string | null = null;
      if (level !== null && level >= 2 && levelDeterminedOn) {
        const r = rng.next();
        const delay = r < 0.8 ? rng.int(2, 13) : r < 0.9 ? rng.int(20, 120) : null;
        if (delay !== null && addDays(levelDeterminedOn, delay) <= DEMO_AS_OF)
          filedOn = addDays(levelDeterminedOn, delay);
      }
      const police = city || (level ?? 0) >= 3 ? '140500' : op.spec.division;
      const other = level === null ? null : rng.int(Math.max(1, level - 1), level);
      const infoFirst = rng.chance(0.5);
      const name = baseName.startsWith('晋城市') ? baseName : `${op.spec.name}${baseName}`;
      const record: SystemRecord = {
        id: uuid(),
        name,
        operatorId: op.record.id,
        filingNumber: filedOn ? filingNumber(police, op.record.id, filedOn) : null,
        protectionLevel: level,
        businessInfoLevel: level === null ? null : infoFirst ? level : other,
        systemServiceLevel: level === null ? null : infoFirst ? other : level,
        status,
        levelDeterminedOn,
        filedOn,
        liveOn,
        decommissionedOn,
        description: rng.chance(0.6) ? `${op.spec.name}${describe(tag)}` : null,
      };
      const meta: SystemMeta = { record, op, tag, slug };
      op.systems.push(meta);
      systems.push(meta);
    }
  }
  const running = (s: SystemMeta) => s.record.liveOn !== null;
  const levelOf = (s: SystemMeta) => s.record.protectionLevel ?? 0;

  // CII designations and memberships ---------------------------------------------------------
  const hasCiiCandidate = (op: OperatorMeta) =>
    op.spec.sector !== null && op.systems.some((s) => levelOf(s) >= 3 && s.record.status === 'LIVE');
  const ciiOperators = [
    ...rng.shuffle(operators.filter((o) => o.spec.division === '140500' && hasCiiCandidate(o))).slice(0, 19),
    ...rng.shuffle(operators.filter((o) => o.spec.division !== '140500' && hasCiiCandidate(o))).slice(0, 6),
  ];
  const ciis: CriticalInfrastructureRecord[] = [];
  const memberships: MembershipRecord[] = [];
  const ciiSystems = new Set<SystemMeta>();
  for (const op of ciiOperators) {
    const sector = op.spec.sector as string;
    const identifiedOn = rng.date('2022-03-01', '2026-06-30');
    const cii: CriticalInfrastructureRecord = {
      id: uuid(),
      name: `${op.spec.name}${CII_SUFFIX[sector] ?? '关键信息基础设施'}`,
      sectorCode: sector,
      departmentId: (departmentBySector.get(sector) as DemoDepartment).id,
      identifiedOn,
      operatorNotifiedOn: rng.chance(0.85) ? addDays(identifiedOn, rng.int(1, 20)) : null,
      policeNotifiedOn: rng.chance(0.85) ? addDays(identifiedOn, rng.int(1, 30)) : null,
    };
    ciis.push(cii);
    const members = op.systems.filter((s) => levelOf(s) >= 3 && running(s)).slice(0, 3);
    for (const s of members) {
      const from = maxDate(identifiedOn, s.record.liveOn);
      const to = s.record.decommissionedOn;
      if (to !== null && to < from) continue;
      memberships.push({ id: uuid(), from, to, systemId: s.record.id, ciiId: cii.id });
      ciiSystems.add(s);
    }
  }
  // The shared government cloud underpins every e-government CII.
  const govCloud = systems.find((s) => s.record.name === '晋城市政务云平台');
  for (const cii of ciis.filter((c) => c.sectorCode === 'GOVERNMENT')) {
    if (
      govCloud &&
      levelOf(govCloud) >= 3 &&
      running(govCloud) &&
      !memberships.some((m) => m.ciiId === cii.id && m.systemId === govCloud.record.id)
    ) {
      memberships.push({
        id: uuid(),
        from: cii.identifiedOn,
        to: null,
        systemId: govCloud.record.id,
        ciiId: cii.id,
      });
      ciiSystems.add(govCloud);
    }
  }

  // Vendors and subcontracting ----------------------------------------------------------------
  const vendors: VendorMeta[] = VENDORS.map(([name, division, type, tier, speciality], i) => {
    const roll = rng.next();
    const registrationStatus: RegistrationStatus =
      roll < 0.62 ? 'REGISTERED' : roll < 0.72 ? 'PENDING' : roll < 0.93 ? 'UNREGISTERED' : 'REVOKED';
    const registeredOn =
      registrationStatus === 'REGISTERED' || registrationStatus === 'REVOKED'
        ? rng.date('2019-03-01', '2026-09-30')
        : null;
    return {
      record: {
        id: uuid(),
        uscc: uscc('ent', division),
        name,
        registrationStatus,
        registeredOn,
        registrationNumber: registeredOn
          ? `晋市公网安备服〔${registeredOn.slice(0, 4)}〕${String(i + 1).padStart(3, '0')}号`
          : null,
      },
      type,
      tier,
      speciality,
      local: division.startsWith('1405'),
      staff: [],
    };
  });
  const vendorsOf = (...types: VendorType[]) => vendors.filter((v) => types.includes(v.type));

  const subcontracts: SubcontractRecord[] = [];
  const subPairs = new Set<string>();
  const addSubcontract = (a: VendorMeta, b: VendorMeta, from: string, to: string | null) => {
    const key = `${a.record.id}>${b.record.id}`;
    if (subPairs.has(key)) return false;
    subPairs.add(key);
    subcontracts.push({ id: uuid(), from, to, contractorId: a.record.id, subcontractorId: b.record.id });
    return true;
  };
  const byTier = (t: number) => vendors.filter((v) => v.tier === t && v.type !== 'asm' && v.type !== 'cry');
  // Chains always go down the tiers (0 → 1 → 2 → 3), so there is no cycle and the longest chain
  // has three SUBCONTRACTS_TO hops.
  const chainLengths = [3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 3, 1];
  for (const length of chainLengths) {
    const startTier = rng.int(0, 3 - length);
    let from = rng.date('2018-01-01', '2025-06-30');
    const to = rng.chance(0.25) ? endAfter(rng, from, 365) : null;
    let contractor = rng.pick(byTier(startTier));
    for (let t = startTier + 1; t <= startTier + length; t++) {
      const sub = rng.pick(byTier(t));
      addSubcontract(contractor, sub, from, to);
      contractor = sub;
      from = addDays(from, rng.int(0, 60));
    }
  }

  // Persons and employment --------------------------------------------------------------------
  const usedResidentIds = new Set<string>();
  const persons: DemoPerson[] = [];
  const birthOf = new Map<string, string>();
  for (let i = 0; i < 400; i++) {
    const male = rng.chance(0.62);
    const name = rng.pick([...SURNAMES]) + rng.pick(male ? MALE_NAMES : FEMALE_NAMES);
    let residentId = '';
    let birth = '';
    do {
      birth = `${rng.int(1960, 2000)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const sequence = rng.int(0, 499) * 2 + (male ? 1 : 0);
      const first17 = `${rng.pick(BIRTH_DIVISIONS)}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      residentId = first17 + residentIdCheckCharacter(first17);
    } while (usedResidentIds.has(residentId));
    usedResidentIds.add(residentId);
    const id = uuid();
    birthOf.set(id, birth);
    persons.push({
      id,
      name,
      residentIdMasked: `${residentId.slice(0, 6)}********${residentId.slice(14)}`,
      residentId,
    });
  }
  const employments: EmploymentRecord[] = [];
  const adultFrom = (personId: string) => addDays(birthOf.get(personId) as string, 22 * 365);
  let nextPerson = 0;
  const takePerson = () => persons[nextPerson++] as DemoPerson;

  // Operator staff: key positions, and the named head of the security body.
  const ciiOperatorSet = new Set(ciiOperators);
  const missingSecurity = ciiOperators.slice(-3);
  const operatorStaff = new Map<OperatorMeta, EmploymentRecord[]>();
  for (const op of operators) {
    const isCii = ciiOperatorSet.has(op);
    const hasBody = isCii ? op !== missingSecurity[0] && op !== missingSecurity[2] : rng.chance(0.4);
    const hasHead = isCii ? op !== missingSecurity[1] && op !== missingSecurity[2] : hasBody;
    const count = isCii ? rng.int(3, 4) : hasHead ? 1 : rng.chance(0.3) ? 1 : 0;
    const staff: EmploymentRecord[] = [];
    for (let k = 0; k < count; k++) {
      const person = takePerson();
      const head = k === 0 && hasHead;
      const from = rng.date(maxDate(adultFrom(person.id), '2005-01-01'), '2025-12-31');
      staff.push({
        id: uuid(),
        from,
        to: null,
        personId: person.id,
        employerId: op.record.id,
        employerKind: 'OPERATOR',
        keyPosition: true,
        role: head ? '网络安全负责人' : rng.pick(OPERATOR_ROLES),
      });
      if (head) op.record.securityHead = person.name;
    }
    if (hasBody) op.record.securityBody = rng.pick(SECURITY_BODIES);
    operatorStaff.set(op, staff);
    employments.push(...staff);
  }

  // Vendor staff: the rest of the persons, more at the big and the O&M vendors.
  const vendorWeights = vendors.map((v) =>
    v.type === 'om' || v.type === 'int' ? 3 : v.type === 'small' ? 1 : 2,
  );
  const totalWeight = vendorWeights.reduce((a, b) => a + b, 0);
  const pickVendor = () => {
    let r = rng.next() * totalWeight;
    for (let i = 0; i < vendors.length; i++) {
      r -= vendorWeights[i] as number;
      if (r < 0) return vendors[i] as VendorMeta;
    }
    return vendors[vendors.length - 1] as VendorMeta;
  };
  // Every vendor has at least two people; then by weight.
  const vendorOrder = [...vendors, ...vendors];
  while (nextPerson < persons.length) {
    const person = takePerson();
    const vendor = vendorOrder.shift() ?? pickVendor();
    const from = rng.date(maxDate(adultFrom(person.id), '2012-01-01'), '2026-06-30');
    const left = rng.chance(0.14) && from < '2025-10-01';
    const to = left ? rng.date(addDays(from, 180), '2026-10-15') : null;
    const job: EmploymentRecord = {
      id: uuid(),
      from,
      to,
      personId: person.id,
      employerId: vendor.record.id,
      employerKind: 'VENDOR',
      keyPosition: rng.chance(0.08),
      role: rng.chance(0.95) ? rng.pick(ROLES[vendor.type]) : null,
    };
    vendor.staff.push(job);
    employments.push(job);
    if (to && rng.chance(0.5)) {
      const peers = vendors.filter((v) => v !== vendor && v.type === vendor.type);
      const next = peers.length ? rng.pick(peers) : pickVendor();
      const second: EmploymentRecord = {
        ...job,
        id: uuid(),
        from: addDays(to, rng.int(1, 60)),
        to: null,
        employerId: next.record.id,
        keyPosition: false,
      };
      if (second.from <= DEMO_AS_OF) {
        next.staff.push(second);
        employments.push(second);
      }
    }
  }

  // Background checks -------------------------------------------------------------------------
  const checks: BackgroundCheckRecord[] = [];
  const firstJob = new Map<string, EmploymentRecord>();
  for (const e of employments) if (!firstJob.has(e.personId)) firstJob.set(e.personId, e);
  for (const person of persons) {
    const job = firstJob.get(person.id) as EmploymentRecord;
    const atOperator = job.employerKind === 'OPERATOR';
    if (!rng.chance(atOperator ? 0.9 : 0.72)) continue;
    const roll = rng.next();
    const status: CheckStatus = roll < 0.05 ? 'FAILED' : roll < 0.12 ? 'PENDING' : 'PASSED';
    const checkedOn =
      status === 'PENDING'
        ? rng.date('2026-08-01', '2026-10-30')
        : rng.date(maxDate(addDays(job.from, -30), '2021-01-01'), '2026-10-25');
    const checkedBy = policeName(
      atOperator ? '140500' : rng.pick(['140500', '140500', ...COUNTY_DIVISION_CODES]),
    );
    const check: BackgroundCheckRecord = {
      id: uuid(),
      personId: person.id,
      status,
      checkedOn,
      expiresOn: status === 'PASSED' ? addDays(checkedOn, 3 * 365) : null,
      checkedBy,
    };
    checks.push(check);
    if (check.expiresOn && check.expiresOn < DEMO_AS_OF && rng.chance(0.6)) {
      const renewedOn = addDays(check.expiresOn, -rng.int(0, 60));
      checks.push({ ...check, id: uuid(), checkedOn: renewedOn, expiresOn: addDays(renewedOn, 3 * 365) });
    }
  }

  // Services and access -----------------------------------------------------------------------
  const services: ServiceRecord[] = [];
  const accesses: AccessRecord[] = [];
  let contractSeq = 0;
  const KIND_CODES: Record<ServiceKind, string> = {
    DESIGN: 'SJ',
    CONSTRUCTION: 'JS',
    OPERATIONS: 'YW',
    REMOTE_OPERATIONS: 'YC',
    TECHNICAL_SERVICE: 'JF',
    MONITORING: 'JC',
    LEVEL_ASSESSMENT: 'CP',
    CRYPTO_ASSESSMENT: 'MP',
  };
  const grantAccess = (service: ServiceRecord, vendor: VendorMeta, kind: AccessKind, people: number) => {
    const staff = rng.shuffle(
      vendor.staff.filter((e) => windowsOverlap(e.from, e.to, service.from, service.to)),
    );
    for (const e of staff.slice(0, people)) {
      const from = maxDate(service.from, e.from);
      let to = minOpen(service.to, e.to);
      // Sometimes nobody closes the account when the person leaves the vendor.
      if (e.to !== null && to === e.to && (service.to === null || service.to > e.to) && rng.chance(0.3))
        to = null;
      if (to !== null && to < from) continue;
      accesses.push({ id: uuid(), from, to, personId: e.personId, systemId: service.systemId, kind });
    }
  };
  const addService = (
    vendor: VendorMeta,
    s: SystemMeta,
    kind: ServiceKind,
    from: string,
    to: string | null,
    remoteEvaluatedOn: string | null = null,
  ): ServiceRecord => {
    const service: ServiceRecord = {
      id: uuid(),
      from,
      to: to !== null && to < from ? from : to,
      vendorId: vendor.record.id,
      systemId: s.record.id,
      kind,
      remote: kind === 'REMOTE_OPERATIONS',
      remoteEvaluatedOn,
      contractRef: rng.chance(0.8)
        ? `JC${from.slice(0, 4)}-${KIND_CODES[kind]}-${String(++contractSeq).padStart(4, '0')}`
        : null,
    };
    services.push(service);
    return service;
  };
  const specialityOf = (s: SystemMeta): Speciality => {
    const p = s.op.spec.profile;
    if (s.tag === 'ics') return 'ics';
    if (p === 'hospital') return 'medical';
    if (p === 'bank' || p === 'fund') return 'bank';
    if (p === 'tv' || p === 'rmt') return 'media';
    if (p === 'telecom') return 'telecom';
    return null;
  };
  const localFirst = (list: VendorMeta[], division: string) => {
    const near = list.filter((v) => v.local && (v.record.uscc.slice(2, 8) === division || v.tier >= 2));
    return near.length && rng.chance(0.8) ? near : list;
  };

  for (const op of operators) {
    const integrator = rng.pick(vendorsOf('int', 'sw'));
    const maintainer = rng.pick(localFirst(vendorsOf('om', 'small'), op.spec.division));
    for (const s of op.systems) {
      const r = s.record;
      const speciality = specialityOf(s);
      const specialists = vendors.filter(
        (v) => v.speciality === speciality && v.type !== 'om' && v.type !== 'small',
      );
      const builder =
        speciality && specialists.length && rng.chance(0.7) ? rng.pick(specialists) : integrator;
      // Design and construction.
      if (r.status === 'PLANNED') {
        if (rng.chance(0.7)) addService(builder, s, 'DESIGN', rng.date('2026-03-01', '2026-10-20'), null);
        continue;
      }
      const buildEnd = r.liveOn;
      const buildFrom = addDays(
        buildEnd ?? rng.date('2026-01-01', '2026-10-01'),
        buildEnd ? -rng.int(90, 400) : 0,
      );
      if (rng.chance(0.45)) {
        const designFrom = addDays(buildFrom, -rng.int(60, 240));
        addService(
          rng.pick(vendorsOf('int', 'sw')),
          s,
          'DESIGN',
          designFrom,
          addDays(buildFrom, -rng.int(0, 30)),
        );
      }
      if (rng.chance(0.9)) {
        const build = addService(builder, s, 'CONSTRUCTION', buildFrom, buildEnd);
        grantAccess(build, builder, 'ONSITE', 1);
      }
      if (!buildEnd) continue;
      // Operations, sometimes handed over from an earlier vendor.
      const end = r.decommissionedOn;
      let opsFrom = buildEnd;
      if (buildEnd < '2022-01-01' && rng.chance(0.35)) {
        const handover = rng.date(addDays(buildEnd, 365), end ?? '2026-06-30');
        const previous = rng.pick(vendorsOf('om', 'int', 'small'));
        const ops = addService(previous, s, 'OPERATIONS', buildEnd, handover);
        grantAccess(ops, previous, 'ONSITE', 1);
        opsFrom = handover;
      }
      const ops = addService(maintainer, s, 'OPERATIONS', opsFrom, end);
      grantAccess(ops, maintainer, rng.chance(0.3) ? 'PRIVILEGED' : 'ONSITE', rng.int(1, 2));
      if (r.status !== 'LIVE') continue;
      if (rng.chance(levelOf(s) >= 3 ? 0.22 : 0.12)) {
        const remoteVendor = rng.chance(0.6) ? builder : rng.pick(vendorsOf('om', 'sw'));
        const from = rng.date(maxDate(buildEnd, '2020-01-01'), '2026-09-01');
        const evaluated = rng.chance(0.55) ? addDays(from, -rng.int(3, 30)) : null;
        const remote = addService(remoteVendor, s, 'REMOTE_OPERATIONS', from, null, evaluated);
        grantAccess(remote, remoteVendor, 'REMOTE', rng.int(1, 2));
      }
      if (rng.chance(0.22)) {
        const vendor = rng.pick(vendorsOf('sec', 'sw'));
        const from = rng.date(maxDate(buildEnd, '2021-01-01'), '2026-08-01');
        // A one-year contract, open when the year is not over yet.
        const to = rng.chance(0.5) && addDays(from, 365) <= DEMO_AS_OF ? addDays(from, 365) : null;
        const tech = addService(vendor, s, 'TECHNICAL_SERVICE', from, to);
        grantAccess(tech, vendor, rng.chance(0.5) ? 'REMOTE' : 'ONSITE', 1);
      }
      if (levelOf(s) >= 3 && rng.chance(0.4)) {
        const vendor = rng.pick(vendorsOf('mon', 'mon', 'sec'));
        const mon = addService(
          vendor,
          s,
          'MONITORING',
          rng.date(maxDate(buildEnd, '2022-01-01'), '2026-06-30'),
          null,
        );
        grantAccess(mon, vendor, 'REMOTE', 1);
      }
    }
    // Key-position staff of the operator administer some of its systems.
    for (const e of operatorStaff.get(op) ?? []) {
      for (const s of rng.shuffle(op.systems.filter(running)).slice(0, rng.int(1, 3))) {
        const from = maxDate(e.from, s.record.liveOn);
        const to = s.record.decommissionedOn;
        if (to !== null && to < from) continue;
        accesses.push({
          id: uuid(),
          from,
          to,
          personId: e.personId,
          systemId: s.record.id,
          kind: 'PRIVILEGED',
        });
      }
    }
  }

  // Assessments and findings ------------------------------------------------------------------
  const assessments: AssessmentRecord[] = [];
  const findings: FindingRecord[] = [];
  const asmVendors = vendorsOf('asm');
  const cryVendors = vendorsOf('cry');
  const conclusionOf = (score: number): Conclusion =>
    score >= 90 ? 'EXCELLENT' : score >= 80 ? 'GOOD' : score >= 70 ? 'FAIR' : 'POOR';
  const assess = (
    s: SystemMeta,
    kind: AssessmentKind,
    dates: string[],
    pool: VendorMeta[],
    selfShare = 0,
  ) => {
    let vendor: VendorMeta | null = rng.pick(pool);
    const engagements = new Map<VendorMeta, string[]>();
    for (const on of dates) {
      if (rng.chance(0.2)) vendor = rng.pick(pool);
      const performer = rng.chance(selfShare) ? null : vendor;
      const score = Math.round((58 + rng.next() * 38) * 10) / 10;
      const record: AssessmentRecord = {
        id: uuid(),
        kind,
        on,
        conclusion: conclusionOf(score),
        score,
        systemId: s.record.id,
        vendorId: performer?.record.id ?? null,
      };
      assessments.push(record);
      if (performer) engagements.set(performer, [...(engagements.get(performer) ?? []), on]);
      if (on >= '2025-07-01') addFindings(record);
    }
    if (kind === 'CII_SECURITY') return;
    for (const [v, ons] of engagements) {
      const first = ons[0] as string;
      const last = ons[ons.length - 1] as string;
      const service = addService(
        v,
        s,
        kind === 'LEVEL' ? 'LEVEL_ASSESSMENT' : 'CRYPTO_ASSESSMENT',
        addDays(first, -30),
        addDays(last, 15) <= DEMO_AS_OF ? addDays(last, 15) : null,
      );
      if (rng.chance(0.5)) grantAccess(service, v, 'ONSITE', 1);
    }
  };
  const addFindings = (a: AssessmentRecord) => {
    const max = { EXCELLENT: 1, GOOD: 2, FAIR: 3, POOR: 4 }[a.conclusion ?? 'GOOD'];
    const n = rng.int(a.conclusion === 'POOR' ? 2 : 0, max);
    for (const title of rng.shuffle(FINDING_TITLES).slice(0, n)) {
      const severity: FindingSeverity = rng.chance(0.2) ? 'HIGH' : rng.chance(0.55) ? 'MEDIUM' : 'LOW';
      const dueOn = rng.chance(0.95) ? addDays(a.on, { HIGH: 30, MEDIUM: 90, LOW: 180 }[severity]) : null;
      let status: FindingStatus = 'OPEN';
      let closedOn: string | null = null;
      const r = rng.next();
      if (dueOn === null || dueOn < DEMO_AS_OF ? r < 0.72 : r < 0.35) {
        status = rng.chance(0.88) ? 'RECTIFIED' : 'ACCEPTED';
        closedOn = rng.date(
          addDays(a.on, 7),
          minOpen(dueOn ? addDays(dueOn, 30) : null, DEMO_AS_OF) as string,
        );
        if (closedOn > DEMO_AS_OF) closedOn = DEMO_AS_OF;
      }
      findings.push({ id: uuid(), assessmentId: a.id, title, severity, dueOn, status, closedOn });
    }
  };
  /** Yearly dates from `first`, stopping at `end` or (for a lapsed system) at `stopAt`. */
  const yearly = (first: string, end: string, stopAt: string | null, gap: [number, number] = [330, 364]) => {
    const out: string[] = [];
    for (let on = first; on <= end && (stopAt === null || on <= stopAt); on = addDays(on, rng.int(...gap)))
      out.push(on);
    return out;
  };
  for (const s of systems) {
    const r = s.record;
    if (!r.liveOn) continue;
    const end = minOpen(r.decommissionedOn, DEMO_AS_OF) as string;
    if (levelOf(s) >= 3) {
      // Before go-live for new systems (ASM-2), a few only after.
      const first =
        r.liveOn >= '2023-01-01'
          ? rng.chance(0.9)
            ? addDays(r.liveOn, -rng.int(5, 40))
            : addDays(r.liveOn, rng.int(30, 200))
          : rng.date('2023-01-01', '2023-12-31');
      const lapsed = rng.chance(0.13) ? rng.date('2024-03-01', '2025-09-30') : null;
      assess(s, 'LEVEL', yearly(first, end, lapsed), asmVendors);
      if (rng.chance(0.68)) {
        const cryptoFirst = rng.date(maxDate(r.liveOn, '2023-01-01'), '2025-10-31');
        assess(s, 'CRYPTO', yearly(cryptoFirst, end, rng.chance(0.2) ? '2025-06-30' : null), cryVendors);
      }
    } else if (levelOf(s) === 2 && rng.chance(0.6)) {
      assess(
        s,
        'LEVEL',
        yearly(rng.date(maxDate(r.liveOn, '2021-01-01'), '2025-12-31'), end, null, [700, 760]),
        asmVendors,
      );
    }
    if (ciiSystems.has(s) && rng.chance(0.8)) {
      const since = memberships.find((m) => m.systemId === r.id)?.from ?? r.liveOn;
      const first = addDays(since, rng.int(30, 150));
      assess(
        s,
        'CII_SECURITY',
        yearly(first, end, rng.chance(0.15) ? addDays(first, 200) : null),
        asmVendors,
        0.3,
      );
    }
  }

  // Products, supply and use ------------------------------------------------------------------
  const products: (ProductRecord & { certifiable: boolean })[] = PRODUCTS.flatMap(
    ([name, category, versions, certifiable]) =>
      versions.map((version) => ({
        id: uuid(),
        name,
        version,
        category,
        certification:
          certifiable && rng.chance(0.85)
            ? `${category === '密码设备' ? 'GM' : 'CCRC'}-${rng.int(2019, 2025)}-${String(rng.int(1, 9999)).padStart(4, '0')}`
            : null,
        certifiable,
      })),
  );
  const supplies: SupplyRecord[] = [];
  const suppliers = vendorsOf('int', 'sw', 'small');
  for (const p of products) {
    for (const v of rng.shuffle(suppliers).slice(0, rng.int(1, 2))) {
      const from = rng.date('2015-01-01', '2024-06-30');
      supplies.push({
        id: uuid(),
        from,
        to: rng.chance(0.15) ? endAfter(rng, from, 365) : null,
        vendorId: v.record.id,
        productId: p.id,
      });
    }
  }
  const inCategory = (...categories: string[]) =>
    products.filter((p) => categories.includes(p.category ?? ''));
  const productUses: ProductUseRecord[] = [];
  for (const s of systems) {
    const r = s.record;
    const from = r.liveOn ?? (r.status === 'UNDER_CONSTRUCTION' ? r.levelDeterminedOn : null);
    if (!from) continue;
    const pickSet = [rng.pick(inCategory('操作系统'))];
    if (s.tag !== 'ics' || rng.chance(0.5)) {
      if (rng.chance(0.6)) pickSet.push(rng.pick(inCategory('数据库')));
      if (rng.chance(0.3)) pickSet.push(rng.pick(inCategory('中间件', '虚拟化')));
    }
    if (s.tag === 'ics') pickSet.push(rng.pick(inCategory('工业控制')));
    if (levelOf(s) >= 3 && rng.chance(0.5)) pickSet.push(rng.pick(inCategory('安全设备', '密码设备')));
    if (rng.chance(0.2)) pickSet.push(rng.pick(inCategory('服务器', '网络设备', '视频监控')));
    for (const p of new Set(pickSet)) {
      const replaced = r.status === 'LIVE' && rng.chance(0.08) && daysBetween(from, DEMO_AS_OF) > 400;
      productUses.push({
        id: uuid(),
        from,
        to: r.decommissionedOn ?? (replaced ? endAfter(rng, from, 365) : null),
        systemId: r.id,
        productId: p.id,
      });
    }
  }

  // Network links -----------------------------------------------------------------------------
  const links: LinkRecord[] = [];
  const linked = new Set<string>();
  const link = (a: SystemMeta, b: SystemMeta, force = false) => {
    if (a === b || !a.record.liveOn || !b.record.liveOn) return;
    const key = `${a.record.id}>${b.record.id}`;
    if (linked.has(key) || (!force && !rng.chance(0.95))) return;
    const from = maxDate(a.record.liveOn, b.record.liveOn);
    const to = minOpen(a.record.decommissionedOn, b.record.decommissionedOn);
    if (to !== null && to < from) return;
    linked.add(key);
    const port = rng.pick(LINK_PORTS[b.tag]);
    links.push({
      id: uuid(),
      from,
      to,
      fromSystemId: a.record.id,
      toSystemId: b.record.id,
      protocol: port === 2404 && rng.chance(0.3) ? 'udp' : 'tcp',
      port,
    });
  };
  for (const op of operators) {
    const [hub, ...rest] = op.systems;
    if (!hub) continue;
    for (const s of rest) link(s, hub);
    // Web front-ends also call the second core system when there is one.
    const cores = op.systems.filter((s) => s.tag === 'core');
    for (const w of op.systems.filter((s) => s.tag === 'web')) if (cores[1]) link(w, cores[1]);
  }
  const shared = (name: string) => systems.find((s) => s.record.name === name);
  const govNet = shared('晋城市电子政务外网');
  const dataExchange = shared('晋城市政务数据共享交换平台');
  const hrssCore = systems.find((s) => s.op.spec.profile === 'hrss' && s.tag === 'core');
  const eduNet = systems.find((s) => s.op.spec.profile === 'eduinfo');
  for (const op of operators) {
    const hub = op.systems[0];
    if (!hub) continue;
    const p = op.spec.profile;
    if (['gov', 'hrss', 'hotline', 'fund', 'emergency', 'fire', 'eduinfo', 'road'].includes(p)) {
      if (govCloud && op.spec.profile !== 'govcloud') link(hub, govCloud, true);
      if (govNet && rng.chance(0.6)) link(hub, govNet);
      if (dataExchange && rng.chance(0.4)) link(hub, dataExchange);
    }
    if (p === 'hospital' && hrssCore) {
      const settle = op.systems.find((s) => s.record.name.endsWith('医保结算系统')) ?? hub;
      link(settle, hrssCore, true);
    }
    if ((p === 'college' || p === 'school') && eduNet) link(hub, eduNet, true);
    if (p === 'rmt') {
      const broadcast = systems.find(
        (s) => s.op.spec.profile === 'emergency' && s.record.name.endsWith('应急广播平台'),
      );
      const own = op.systems.find((s) => s.record.name.endsWith('应急广播系统'));
      if (broadcast && own) link(broadcast, own, true);
    }
  }

  // Internet exposure -------------------------------------------------------------------------
  const exposures: DemoExposure[] = [];
  const exposed = new Set<string>();
  const expose = (
    s: SystemMeta | null,
    ipBase: string,
    port: number,
    protocol: Protocol,
    service: string | null,
  ) => {
    let ip = '';
    do ip = `${ipBase}.${rng.int(2, 254)}`;
    while (exposed.has(`${ip}:${port}/${protocol}`));
    exposed.add(`${ip}:${port}/${protocol}`);
    const live = s?.record.liveOn ?? '2023-01-01';
    const firstSeen = rng.date(maxDate(live, '2023-01-01'), '2026-09-30');
    const lastSeen = rng.chance(0.8)
      ? rng.date(maxDate(firstSeen, '2026-09-01'), DEMO_AS_OF)
      : rng.date(firstSeen, DEMO_AS_OF);
    const web = port === 443 || port === 80 || port === 8443;
    exposures.push({
      id: uuid(),
      ip,
      port,
      protocol,
      domain: s && web ? `${s.slug === 'www' ? 'www' : s.slug}.${s.op.spec.domain}`.toLowerCase() : null,
      service,
      firstSeen,
      lastSeen,
      systemId: s?.record.id ?? null,
    });
    return ip;
  };
  for (const s of systems) {
    const r = s.record;
    if (!r.liveOn || (r.status === 'DECOMMISSIONED' && !(s.tag === 'web' && rng.chance(0.4)))) continue;
    const base = s.op.ipBase;
    if (s.tag === 'web') {
      expose(s, base, 443, 'tcp', 'https');
      if (rng.chance(0.3)) expose(s, base, 80, 'tcp', 'http');
    } else if (s.tag === 'core' && rng.chance(0.2)) {
      expose(s, base, rng.pick([8080, 8443]), 'tcp', rng.chance(0.7) ? 'http' : null);
    } else if (s.tag === 'ics' && rng.chance(0.1)) {
      const [port, service] = rng.pick([
        [502, 'modbus'],
        [102, 's7comm'],
        [2404, 'iec-104'],
      ] as const);
      expose(s, base, port, 'tcp', service);
    }
    if (rng.chance(0.08)) {
      const [port, protocol, service] = rng.pick([
        [22, 'tcp', 'ssh'],
        [3389, 'tcp', 'rdp'],
        [3306, 'tcp', 'mysql'],
        [1521, 'tcp', 'oracle'],
        [161, 'udp', 'snmp'],
        [1194, 'udp', 'openvpn'],
      ] as const);
      expose(s, base, port, protocol, service);
    }
  }
  // Services found on operators' address ranges that the inventory cannot place.
  for (let i = 0; i < 10; i++) {
    const op = rng.pick(operators);
    const [port, protocol, service] = rng.pick([
      [8080, 'tcp', 'http'],
      [22, 'tcp', 'ssh'],
      [53, 'udp', 'dns'],
      [123, 'udp', 'ntp'],
      [8443, 'tcp', null],
    ] as const);
    expose(null, op.ipBase, port, protocol, service);
  }

  // Supervised rectifications (挂牌督办, RCT-2), from their own random stream so that adding them
  // changed nothing above: about one live level ≥ 3 system in ten is listed; each reaches a random
  // stage (listed, rectifying, verified, delisted) with stage dates up to DEMO_AS_OF.
  const sr = new Rng(seed ^ 0x2ec7);
  const rectifications: SupervisedRectificationRecord[] = [];
  for (const { record: s } of systems) {
    if ((s.protectionLevel ?? 0) < 3 || s.status !== 'LIVE' || !sr.chance(0.1)) continue;
    const listedOn = sr.date('2025-06-01', '2026-09-30');
    const deadline = addDays(listedOn, sr.pick([30, 60, 90]));
    const stage = sr.int(0, 3);
    const stages: (string | null)[] = [];
    let last = listedOn;
    for (let i = 1; i <= 3; i++) {
      const next = addDays(last, sr.int(5, 45));
      stages.push(i <= stage && next <= DEMO_AS_OF ? next : null);
      if (stages[i - 1] === null) break;
      last = next;
    }
    rectifications.push({
      id: sr.uuid(),
      systemId: s.id,
      title: `挂牌督办：${sr.pick(FINDING_TITLES)}`,
      listedOn,
      deadline,
      rectifyingOn: stages[0] ?? null,
      verifiedOn: stages[1] ?? null,
      delistedOn: stages[2] ?? null,
    });
  }

  // Change and cancellation filings (FIL-2), from their own random stream: about one graded system
  // in twelve changed level in 2025–2026 (most filed within 10 working days, some late or never);
  // most decommissioned systems have a filed cancellation, the others none (a finding).
  const cf = new Rng(seed ^ 0xf12);
  const previousLevels = new Rng(seed ^ 0xf13);
  const changeFilings: ChangeFilingRecord[] = [];
  for (const { record: s } of systems) {
    if (s.decommissionedOn) {
      if (cf.chance(0.7)) {
        changeFilings.push({
          id: cf.uuid(),
          systemId: s.id,
          kind: 'CANCELLATION',
          changedOn: s.decommissionedOn,
          fromLevel: null,
          toLevel: null,
          filedOn: minOpen(addDays(s.decommissionedOn, cf.int(1, 12)), DEMO_AS_OF),
        });
      }
      continue;
    }
    if (!s.protectionLevel || !s.levelDeterminedOn || !cf.chance(0.08)) continue;
    const changedOn = cf.date(maxDate(s.levelDeterminedOn, '2025-01-01') as string, '2026-10-25');
    const filed = cf.chance(0.6) ? addDays(changedOn, cf.int(1, 20)) : null;
    // The level before: mostly one lower (raised), sometimes one higher; from a stream of its own so
    // the other change-filing draws stay as they were.
    const raised = s.protectionLevel > 1 && (s.protectionLevel === 5 || previousLevels.chance(0.8));
    const fromLevel = raised ? s.protectionLevel - 1 : s.protectionLevel + 1;
    changeFilings.push({
      id: cf.uuid(),
      systemId: s.id,
      kind: 'LEVEL_CHANGE',
      changedOn,
      fromLevel,
      toLevel: s.protectionLevel,
      filedOn: filed !== null && filed <= DEMO_AS_OF ? filed : null,
    });
  }

  // Procurements of CII systems (CII-8), from their own random stream: each CII member buys 0–3 times
  // after joining; half of the purchases may affect national security, of those most passed the
  // security review before the purchase, some only after it, some never.
  const pc = new Rng(seed ^ 0xc118);
  const procurements: ProcurementRecord[] = [];
  for (const m of memberships) {
    const start = maxDate(m.from, '2024-01-01') as string;
    const end = minOpen(m.to ?? null, DEMO_AS_OF) as string;
    if (start > end) continue;
    for (let i = pc.int(0, 3); i > 0; i--) {
      const purchasedOn = pc.date(start, end);
      const affectsNationalSecurity = pc.chance(0.5);
      const review = pc.int(0, 9);
      const reviewPassedOn =
        review < 7
          ? addDays(purchasedOn, -pc.int(5, 60))
          : review < 8
            ? minOpen(addDays(purchasedOn, pc.int(5, 60)), DEMO_AS_OF)
            : null;
      procurements.push({
        id: pc.uuid(),
        systemId: m.systemId,
        title: pc.pick(PROCUREMENT_TITLES),
        purchasedOn,
        affectsNationalSecurity,
        reviewPassedOn: affectsNationalSecurity ? reviewPassedOn : null,
      });
    }
  }

  // Security incidents (INC-1), from their own random stream: about one live system in ten had one
  // since mid-2025, discovered at a random minute (+08:00) some minutes after it occurred; most were
  // reported within 50 minutes, some hours later, some never.
  const ic = new Rng(seed ^ 0x1c1);
  const incidents: IncidentRecord[] = [];
  const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  for (const { record: s } of systems) {
    if (s.status !== 'LIVE' || !ic.chance(0.1)) continue;
    const day = ic.date('2025-06-01', addDays(DEMO_AS_OF, -2));
    const hh = String(ic.int(0, 23)).padStart(2, '0');
    const mm = String(ic.int(0, 59)).padStart(2, '0');
    const occurred = Date.parse(`${day}T${hh}:${mm}:00+08:00`);
    const discovered = occurred + ic.int(5, 180) * 60_000;
    const outcome = ic.int(0, 19);
    const reportedMinutes = outcome < 14 ? ic.int(10, 50) : outcome < 17 ? ic.int(70, 600) : null;
    incidents.push({
      id: ic.uuid(),
      systemId: s.id,
      title: ic.pick(INCIDENT_TITLES),
      severity: ic.pick(INCIDENT_LEVELS),
      occurredAt: at(occurred),
      discoveredAt: at(discovered),
      reportedAt: reportedMinutes === null ? null : at(discovered + reportedMinutes * 60_000),
    });
  }

  // Data leaving China (CII-7), from their own random stream: about one CII member in four sends data
  // abroad (mostly assessed transfers; some unassessed, some data stored abroad), some stopped since.
  const dx = new Rng(seed ^ 0xc117);
  const dataTransfers: DataTransferRecord[] = [];
  for (const m of memberships) {
    const start = maxDate(m.from, '2024-01-01') as string;
    const end = minOpen(m.to ?? null, DEMO_AS_OF) as string;
    if (start > end || !dx.chance(0.25)) continue;
    const startedOn = dx.date(start, end);
    const kind = dx.chance(0.2) ? 'STORED_ABROAD' : 'CROSS_BORDER_TRANSFER';
    const assessment = dx.int(0, 9);
    const assessedOn =
      kind === 'STORED_ABROAD' || assessment >= 9
        ? null
        : assessment < 7
          ? addDays(startedOn, -dx.int(10, 90))
          : minOpen(addDays(startedOn, dx.int(10, 90)), DEMO_AS_OF);
    const ended = dx.chance(0.3) ? addDays(startedOn, dx.int(30, 400)) : null;
    dataTransfers.push({
      id: dx.uuid(),
      systemId: m.systemId,
      kind,
      dataCategory: dx.chance(0.5) ? 'PERSONAL_INFORMATION' : 'IMPORTANT_DATA',
      destination: dx.pick(['新加坡', '日本', '德国', '美国', '香港特别行政区']),
      startedOn,
      endedOn: ended !== null && ended <= DEMO_AS_OF ? ended : null,
      assessedOn,
    });
  }

  // Grading reviews (GRD-2, GRD-3), from their own random stream: nine filed systems of level ≥ 2 in
  // ten had an expert review before filing; of operators with a competent department, nine in ten
  // got its approval between the review and the filing.
  const gr = new Rng(seed ^ 0x6e2);
  const gradingReviews: GradingReviewRecord[] = [];
  const departmentOf = new Map(operators.map((o) => [o.record.id, o.record.competentDepartment]));
  for (const { record: s } of systems) {
    if ((s.protectionLevel ?? 0) < 2 || !s.filedOn || !gr.chance(0.9)) continue;
    const expertReviewedOn = addDays(s.filedOn, -gr.int(1, 20));
    const approved = departmentOf.get(s.operatorId) && gr.chance(0.9);
    gradingReviews.push({
      id: gr.uuid(),
      systemId: s.id,
      expertReviewedOn,
      competentApprovedOn: approved
        ? addDays(expertReviewedOn, gr.int(0, daysBetween(expertReviewedOn, s.filedOn)))
        : null,
    });
  }

  // Emergency drills (DRL-1), from their own random stream: four in five live level ≥ 3 systems drill
  // every 9–14 months since going live (or since 2024), the others not.
  const dr = new Rng(seed ^ 0xd21);
  const drills: DrillRecord[] = [];
  for (const { record: s } of systems) {
    if ((s.protectionLevel ?? 0) < 3 || !s.liveOn || s.decommissionedOn || !dr.chance(0.8)) continue;
    let heldOn = addDays(maxDate(s.liveOn, '2024-01-01') as string, dr.int(30, 300));
    while (heldOn <= DEMO_AS_OF) {
      drills.push({ id: dr.uuid(), systemId: s.id, title: dr.pick(DRILL_TITLES), heldOn });
      heldOn = addDays(heldOn, dr.int(270, 420));
    }
  }

  // Compliance inputs part 2, each from its own random stream (the records above stay as they were).
  const { assessors, disasterBackups, institutionChecks } = complianceInputs2(seed, {
    systems: systems.map((s) => s.record),
    operators: operators.map((o) => o.record),
    vendors,
    checks,
    assessments,
    memberships,
  });
  // Monitoring registrations (MON-1), from their own random stream: the operator reported most
  // third-party monitoring engagements before they started, a few only afterwards, some never.
  const mr = new Rng(seed ^ 0x3017);
  const monitoringRegistrations: MonitoringRegistrationRecord[] = [];
  for (const sv of services) {
    if (sv.kind !== 'MONITORING') continue;
    const outcome = mr.int(0, 9);
    if (outcome >= 8) continue;
    const registeredOn = outcome < 7 ? addDays(sv.from, -mr.int(0, 30)) : addDays(sv.from, mr.int(1, 60));
    if (registeredOn > DEMO_AS_OF) continue;
    monitoringRegistrations.push({
      id: mr.uuid(),
      systemId: sv.systemId,
      vendorId: sv.vendorId,
      vendorName: null,
      registeredOn,
      reference: `晋公网监备〔${registeredOn.slice(0, 4)}〕${mr.int(1, 999)}号`,
    });
  }

  // Internet egresses and monitoring devices (MON-2), from their own random stream: most important
  // systems (live level ≥ 3, or CII) record one or two egresses since 2023, most egresses have a
  // device feeding the police platform; some devices were never connected or were removed.
  const eg = new Rng(seed ^ 0xe6e55);
  const internetEgresses: InternetEgressRecord[] = [];
  const monitoringDevices: MonitoringDeviceRecord[] = [];
  const ciiSystemIds = new Set(memberships.map((m) => m.systemId));
  for (const { record: s } of systems) {
    const important = ((s.protectionLevel ?? 0) >= 3 && s.liveOn) || ciiSystemIds.has(s.id);
    if (!important || s.decommissionedOn || !eg.chance(0.93)) continue;
    const count = eg.chance(0.25) ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const from = maxDate(s.liveOn, '2023-01-01') as string;
      if (from > DEMO_AS_OF) continue;
      const egress: InternetEgressRecord = {
        id: eg.uuid(),
        systemId: s.id,
        name: i === 0 ? '主互联网出口' : '备用互联网出口',
        address: `203.0.${eg.int(0, 255)}.${eg.int(1, 254)}`,
        from,
        to: null,
      };
      internetEgresses.push(egress);
      const device = eg.int(0, 19);
      if (device >= 18) continue;
      const installedOn = addDays(from, eg.int(0, 60));
      if (installedOn > DEMO_AS_OF) continue;
      monitoringDevices.push({
        id: eg.uuid(),
        egressId: egress.id,
        systemId: s.id,
        serialNumber: `JC-MON-${eg.int(100000, 999999)}`,
        installedOn,
        removedOn:
          device === 17
            ? (minOpen(addDays(installedOn, eg.int(100, 500)), addDays(DEMO_AS_OF, -1)) as string)
            : null,
        platformConnectedOn: device === 16 ? null : minOpen(addDays(installedOn, eg.int(0, 14)), DEMO_AS_OF),
      });
    }
  }

  // Self-inspections (INS-1), from their own random stream: most operators hold an operator-wide
  // self-inspection every 8–13 months since 2024, some inspect single systems, a few none.
  const si = new Rng(seed ^ 0x5e1f);
  const selfInspections: SelfInspectionRecord[] = [];
  for (const { record: op } of operators) {
    const habit = si.int(0, 9);
    if (habit >= 9) continue;
    const own = systems.filter((x) => x.record.operatorId === op.id && x.record.liveOn);
    const targets: { operatorId: string | null; systemId: string | null }[] =
      habit < 7
        ? [{ operatorId: op.id, systemId: null }]
        : own.map((x) => ({ operatorId: null, systemId: x.record.id }));
    for (const target of targets) {
      let heldOn = si.date('2024-01-15', '2024-12-20');
      while (heldOn <= DEMO_AS_OF) {
        selfInspections.push({ id: si.uuid(), ...target, title: si.pick(SELF_INSPECTION_TITLES), heldOn });
        heldOn = addDays(heldOn, si.int(240, 400));
      }
    }
  }

  // Justifications of internet exposures (CII-5), from their own random stream: four in five
  // exposures of CII systems are justified some days after first seen, some only for a year.
  const ej = new Rng(seed ^ 0x1057);
  const exposureJustifications: ExposureJustificationRecord[] = [];
  for (const e of exposures) {
    if (!e.systemId || !ciiSystemIds.has(e.systemId) || !ej.chance(0.8)) continue;
    const justifiedOn = addDays(e.firstSeen, ej.int(0, 30));
    if (justifiedOn > DEMO_AS_OF) continue;
    exposureJustifications.push({
      id: ej.uuid(),
      exposureId: e.id,
      reason: ej.pick(EXPOSURE_REASONS),
      justifiedOn,
      expiresOn: ej.chance(0.2) ? addDays(justifiedOn, 365) : null,
    });
  }

  return {
    sectors,
    departments,
    policeUnits,
    operators: operators.map((o) => o.record),
    systems: systems.map((s) => s.record),
    ciis,
    memberships,
    vendors: vendors.map((v) => v.record),
    subcontracts,
    services,
    persons,
    employments,
    checks,
    accesses,
    products: products.map(({ certifiable: _, ...p }) => p),
    supplies,
    productUses,
    links,
    exposures,
    assessments,
    findings,
    rectifications,
    changeFilings,
    procurements,
    incidents,
    dataTransfers,
    gradingReviews,
    drills,
    assessors,
    disasterBackups,
    institutionChecks,
    monitoringRegistrations,
    internetEgresses,
    monitoringDevices,
    selfInspections,
    exposureJustifications,
  };
}

/**
 * FIL-3: the police accepted (受理) six in seven filings 0–5 days after filing and issued the
 * certificate (备案证明) 1–14 days later, except about one in sixteen not issued (yet).
 * ASM-4/5: each LEVEL assessment's report went to the police 1–20 days later (one in twenty-five
 * not) and, where the operator has a competent department, to it 1–30 days later (one in
 * fifteen not); the confidentiality agreement was signed 5–60 days before (one in twenty-five
 * after the assessment, one in twenty-five never).
 * ASM-6: two assessors from the institution's staff employed on the assessment date, preferably
 * with a passed, unexpired check (one in ten picked regardless); an institution without staff
 * then records none. CII-6: six in seven CII member systems have a disaster backup set up up to
 * 200 days before joining, a few ended since.
 * Dates are set on the system and assessment records themselves (filingAcceptedOn,
 * filingCertificateIssuedOn, report and agreement dates).
 */
function complianceInputs2(
  seed: number,
  d: {
    systems: SystemRecord[];
    operators: OperatorRecord[];
    vendors: VendorMeta[];
    checks: BackgroundCheckRecord[];
    assessments: AssessmentRecord[];
    memberships: MembershipRecord[];
  },
): {
  assessors: AssessorRecord[];
  disasterBackups: DisasterBackupRecord[];
  institutionChecks: InstitutionCheckRecord[];
} {
  const upTo = (iso: string) => (iso <= DEMO_AS_OF ? iso : null);
  const fp = new Rng(seed ^ 0xf13);
  for (const s of d.systems) {
    if (!s.filedOn || !fp.chance(6 / 7)) continue;
    const accepted = upTo(addDays(s.filedOn, fp.int(0, 5)));
    if (!accepted) continue;
    s.filingAcceptedOn = accepted;
    s.filingCertificateIssuedOn = fp.chance(1 / 16) ? null : upTo(addDays(accepted, fp.int(1, 14)));
  }

  const ag = new Rng(seed ^ 0xa56);
  const systemById = new Map(d.systems.map((s) => [s.id, s]));
  const departmentOf = new Map(d.operators.map((o) => [o.id, (o.competentDepartment ?? '').trim() !== '']));
  const vendorById = new Map(d.vendors.map((v) => [v.record.id, v]));
  const checksOf = new Map<string, BackgroundCheckRecord[]>();
  for (const c of d.checks) checksOf.set(c.personId, [...(checksOf.get(c.personId) ?? []), c]);
  const checkedOn = (personId: string, on: string) => {
    const latest = (checksOf.get(personId) ?? [])
      .filter((c) => c.checkedOn <= on)
      .sort((a, b) =>
        a.checkedOn < b.checkedOn ? 1 : a.checkedOn > b.checkedOn ? -1 : a.id < b.id ? 1 : -1,
      )[0];
    return latest?.status === 'PASSED' && (latest.expiresOn === null || latest.expiresOn >= on);
  };
  const assessors: AssessorRecord[] = [];
  for (const a of d.assessments) {
    if (a.kind !== 'LEVEL') continue;
    const system = systemById.get(a.systemId);
    a.reportSubmittedToPoliceOn = ag.chance(1 / 25) ? null : upTo(addDays(a.on, ag.int(1, 20)));
    a.reportSubmittedToDepartmentOn =
      system && departmentOf.get(system.operatorId) && !ag.chance(1 / 15)
        ? upTo(addDays(a.on, ag.int(1, 30)))
        : null;
    const agreement = ag.int(0, 24);
    a.confidentialityAgreementSignedOn =
      agreement === 0
        ? null
        : agreement === 1
          ? upTo(addDays(a.on, ag.int(1, 10)))
          : addDays(a.on, -ag.int(5, 60));
    const vendor = a.vendorId ? vendorById.get(a.vendorId) : undefined;
    if (!vendor) continue;
    const staff = [
      ...new Set(
        vendor.staff.filter((e) => e.from <= a.on && (e.to === null || e.to >= a.on)).map((e) => e.personId),
      ),
    ];
    const checked = staff.filter((p) => checkedOn(p, a.on));
    const pool = ag.chance(0.05) || checked.length === 0 ? staff : checked;
    for (const personId of ag.shuffle(pool).slice(0, 2)) {
      assessors.push({ id: ag.uuid(), personId, assessmentId: a.id });
    }
  }

  const bk = new Rng(seed ^ 0xc116);
  const disasterBackups: DisasterBackupRecord[] = [];
  const firstJoined = new Map<string, string>();
  for (const m of d.memberships) {
    const known = firstJoined.get(m.systemId);
    if (!known || m.from < known) firstJoined.set(m.systemId, m.from);
  }
  for (const [systemId, joined] of [...firstJoined].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!bk.chance(6 / 7)) continue;
    const establishedOn = addDays(joined, -bk.int(0, 200));
    const ended = bk.chance(0.1) ? upTo(addDays(establishedOn, bk.int(200, 900))) : null;
    disasterBackups.push({
      id: bk.uuid(),
      systemId,
      kind: bk.chance(0.6) ? 'REMOTE' : 'SAME_CITY',
      site: bk.pick(BACKUP_SITES),
      establishedOn,
      endedOn: ended,
      lastVerifiedOn: minOpen(addDays(establishedOn, bk.int(30, 600)), ended ?? DEMO_AS_OF),
    });
  }
  // ASM-6: nine in ten institutions that performed a level assessment were checked by 2019 and every
  // three years since (renewed up to 30 days before expiry); one in five renewed 60–120 days late since
  // 2025 (assessments in the gap lack a valid check).
  const ic = new Rng(seed ^ 0x1c6);
  const institutionChecks: InstitutionCheckRecord[] = [];
  const performers = [...new Set(d.assessments.filter((a) => a.kind === 'LEVEL').map((a) => a.vendorId))]
    .filter((id): id is string => id !== null)
    .sort();
  for (const [index, vendorId] of performers.entries()) {
    if (!ic.chance(0.9)) continue;
    const late = ic.chance(0.2);
    // The first institution (by id) was checked only from October 2025: its earlier engagements lack one.
    let checkedOn = index === 0 ? ic.date('2025-10-01', '2025-10-31') : ic.date('2016-01-01', '2019-06-30');
    while (checkedOn <= DEMO_AS_OF) {
      const expiresOn = addDays(checkedOn, 3 * 365);
      institutionChecks.push({
        id: ic.uuid(),
        vendorId,
        status: 'PASSED',
        checkedOn,
        expiresOn,
        checkedBy: '晋城市公安局网络安全保卫支队',
      });
      checkedOn =
        late && expiresOn >= '2025-01-01'
          ? addDays(expiresOn, ic.int(60, 120))
          : addDays(expiresOn, -ic.int(0, 30));
    }
  }
  return { assessors, disasterBackups, institutionChecks };
}

const BACKUP_SITES = [
  '太原灾备中心',
  '晋城市政务云灾备机房',
  '郑州异地灾备中心',
  '长治同城机房',
  '北京灾备中心',
];

const SELF_INSPECTION_TITLES = ['年度网络安全自查', '等级保护制度落实自查', '数据安全专项自查'] as const;

const EXPOSURE_REASONS = ['对外业务门户', '移动应用接口', '对外邮件服务', '监管报送接口'] as const;

const DRILL_TITLES = ['数据恢复演练', '勒索病毒应急演练', '主备切换演练', '网络攻击应急演练'] as const;

const INCIDENT_TITLES = ['勒索病毒感染', '网页篡改', '数据泄露', '拒绝服务攻击', '服务中断'] as const;
const INCIDENT_LEVELS: readonly IncidentSeverity[] = ['GENERAL', 'LARGE', 'MAJOR', 'ESPECIALLY_MAJOR'];

const PROCUREMENT_TITLES = [
  '核心交换机采购',
  '数据库管理系统采购',
  '服务器虚拟化平台采购',
  '下一代防火墙采购',
  '云计算服务采购',
  '工业控制系统采购',
] as const;

const CII_SUFFIX: Record<string, string> = {
  HEALTH: '医疗服务信息平台',
  FINANCE: '金融业务信息系统群',
  ENERGY: '能源生产调度控制系统',
  WATER: '城市供水控制系统',
  TRANSPORT: '交通运行控制系统',
  GOVERNMENT: '电子政务基础设施',
  TELECOM: '公众通信网络',
  MEDIA: '广播电视播出系统',
  EDUCATION: '教育信息化基础平台',
  EMERGENCY: '应急指挥通信系统',
};

function describe(tag: Tag): string {
  switch (tag) {
    case 'core':
      return '核心业务系统，承载主要业务数据';
    case 'web':
      return '面向公众的互联网服务';
    case 'ics':
      return '生产控制系统，部署于生产控制大区';
    default:
      return '内部管理系统，部署于办公内网';
  }
}
