/**
 * Validation of one import row: the cells (strings as read from the file) → the properties to
 * store, with the same rules as the mutations (server/validation), plus the spellings users write in
 * spreadsheets (一级…五级, 运行/在用, 是/否, 2024/1/5, 2024年1月5日). Pure: references to the
 * database are checked by the caller.
 */
import {
  ACCESS_KINDS,
  CHECK_STATUSES,
  DIVISIONS,
  REGISTRATION_STATUSES,
  SERVICE_KINDS,
  SYSTEM_STATUSES,
} from '../../model.js';
import { newId, toProps } from '../../repositories/common.js';
import { hashResidentId, maskResidentId, normalizeProtocol } from '../../validation/identifiers.js';
import { InputValidator } from '../../validation/input.js';
import type { InventoryEntity } from './columns.js';

export interface CellIssue {
  field: string;
  reason: string;
}

export interface ValidRow {
  /** Natural key (unique per file and in the database). */
  key: string;
  /** Parameters of the upsert statement (without `id`). */
  params: Record<string, unknown>;
  /** USCC of the operator the row belongs to (jurisdiction), when the row names it. */
  operatorUscc: string | null;
  /** The division the row puts an operator in (operators only). */
  divisionCode: string | null;
  sectorCode: string | null;
  filingNumber: string | null;
  /** Relationship rows: the vendor and the system (operator USCC + name) they name. */
  vendorUscc?: string;
  systemName?: string;
  /** Background checks: the person they are about. */
  residentIdHash?: string;
  /** Subcontracting: the subcontractor (the contractor is `vendorUscc`) and the last day (null: open). */
  subcontractorUscc?: string;
  to?: string | null;
  /** Links: the system the link goes to (the from system is `operatorUscc` + `systemName`). */
  toOperatorUscc?: string;
  toSystemName?: string;
  /**
   * Values several rows of a file share (products: a product's fields on each of its rows): a row whose
   * value differs from an earlier row with the same key is bad, reported on `field`.
   */
  sameAs?: { key: string; value: string; field: string }[];
  /** CII designations: the identifying department (by name), the designation and a member's window. */
  department?: string;
  ciiName?: string;
  window?: { from: string | null; to: string | null };
}

export type RowResult = { ok: true; row: ValidRow } | { ok: false; issues: CellIssue[] };

type Cells = Record<string, string | undefined>;

const LEVEL_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };

/** 1–5, 一级…五级, 第三级, 3级, 三 → the number; null when blank; NaN when unreadable. */
export function parseLevel(text: string): number {
  const t = text.normalize('NFKC').trim().replace(/^第/, '').replace(/级$/, '');
  if (/^\d+$/.test(t)) return Number(t);
  return LEVEL_WORDS[t] ?? Number.NaN;
}

const STATUS_WORDS: Record<string, (typeof SYSTEM_STATUSES)[number]> = {
  规划: 'PLANNED',
  规划中: 'PLANNED',
  拟建: 'PLANNED',
  在建: 'UNDER_CONSTRUCTION',
  建设中: 'UNDER_CONSTRUCTION',
  运行: 'LIVE',
  运行中: 'LIVE',
  在用: 'LIVE',
  在运行: 'LIVE',
  下线: 'DECOMMISSIONED',
  已下线: 'DECOMMISSIONED',
  停用: 'DECOMMISSIONED',
  已停用: 'DECOMMISSIONED',
};

const REGISTRATION_WORDS: Record<string, (typeof REGISTRATION_STATUSES)[number]> = {
  已报备: 'REGISTERED',
  报备中: 'PENDING',
  待报备: 'PENDING',
  未报备: 'UNREGISTERED',
  已撤销: 'REVOKED',
  撤销: 'REVOKED',
};

function enumValue<V extends string>(text: string, words: Record<string, V>, allowed: readonly V[]): string {
  const t = text.normalize('NFKC').trim();
  return words[t] ?? (allowed.includes(t.toUpperCase() as V) ? t.toUpperCase() : t);
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日 → YYYY-MM-DD (validity checked by the validator). */
export function parseDate(text: string): string {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  return m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : t;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0']);

const DIVISION_BY_NAME = new Map(Object.entries(DIVISIONS).map(([code, d]) => [d.name as string, code]));

/** Blank cells are "no value": the property is cleared (a column left out of the file is left alone). */
const blank = (v: string | undefined) => v === undefined || v.trim() === '';

/** Runs the mutations' validator on a row and turns its `input.<field>` issues into cell issues. */
function collect(v: InputValidator): CellIssue[] {
  return v.issues.map((i) => ({ field: i.field.replace(/^input\./, ''), reason: i.message }));
}

function text(v: InputValidator, cells: Cells, field: string, max: number): string | null {
  const value = cells[field];
  return blank(value) ? null : v.text(`input.${field}`, value, max);
}

function date(v: InputValidator, cells: Cells, field: string): string | null {
  const value = cells[field];
  return blank(value) ? null : v.date(`input.${field}`, parseDate(value as string));
}

function level(v: InputValidator, cells: Cells, field: string): number | null {
  const value = cells[field];
  if (blank(value)) return null;
  const n = parseLevel(value as string);
  if (Number.isNaN(n)) {
    v.issue(`input.${field}`, `"${(value as string).trim()}" is not a level (1–5, 一级…五级)`);
    return null;
  }
  return v.level(`input.${field}`, n);
}

/** Only the columns the file has become properties (`present`). */
function pick(values: Record<string, unknown>, present: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(values)) if (present.has(k)) out[k] = val;
  return toProps(out);
}

function required(v: InputValidator, cells: Cells, field: string): boolean {
  return v.required(`input.${field}`, blank(cells[field]) ? null : cells[field]);
}

function operatorRow(cells: Cells, present: ReadonlySet<string>): RowResult {
  const v = new InputValidator();
  const uscc = required(v, cells, 'uscc') ? v.uscc('input.uscc', cells.uscc) : null;
  const name = required(v, cells, 'name') ? text(v, cells, 'name', 200) : null;
  let divisionCode: string | null = null;
  if (required(v, cells, 'divisionCode')) {
    const raw = (cells.divisionCode as string).trim();
    divisionCode = v.divisionCode('input.divisionCode', DIVISION_BY_NAME.get(raw) ?? raw);
  }
  let inDevelopmentZone = false;
  if (!blank(cells.inDevelopmentZone)) {
    const t = (cells.inDevelopmentZone as string).trim().toLowerCase();
    if (YES.has(t)) inDevelopmentZone = true;
    else if (!NO.has(t)) v.issue('input.inDevelopmentZone', `"${t}" is not 是/否 (yes/no)`);
  }
  let sectorCode: string | null = null;
  if (!blank(cells.sectorCode)) {
    sectorCode = (cells.sectorCode as string).trim().toUpperCase();
    if (!/^[A-Z][A-Z0-9_]{1,31}$/.test(sectorCode)) {
      v.issue('input.sectorCode', `"${sectorCode}" is not a sector code (upper-case letters, digits, _)`);
    }
  }
  const competentDepartment = text(v, cells, 'competentDepartment', 200);
  const securityBody = text(v, cells, 'securityBody', 200);
  const securityHead = text(v, cells, 'securityHead', 200);
  const contactPhone = text(v, cells, 'contactPhone', 40);
  if (contactPhone !== null && !/^[0-9+\-() ]{5,40}$/.test(contactPhone)) {
    v.issue('input.contactPhone', `"${contactPhone}" is not a telephone number`);
  }
  if (v.issues.length) return { ok: false, issues: collect(v) };
  const props = pick(
    {
      name,
      divisionCode,
      inDevelopmentZone,
      sectorCode,
      competentDepartment,
      securityBody,
      securityHead,
      contactPhone,
    },
    present,
  );
  return {
    ok: true,
    row: {
      key: uscc as string,
      params: { uscc, props },
      operatorUscc: uscc,
      divisionCode,
      sectorCode,
      filingNumber: null,
    },
  };
}

function systemRow(cells: Cells, present: ReadonlySet<string>): RowResult {
  const v = new InputValidator();
  const operatorUscc = required(v, cells, 'operatorUscc')
    ? v.uscc('input.operatorUscc', cells.operatorUscc)
    : null;
  const name = required(v, cells, 'name') ? text(v, cells, 'name', 200) : null;
  const filingNumber = blank(cells.filingNumber)
    ? null
    : v.filingNumber('input.filingNumber', cells.filingNumber);
  const protectionLevel = level(v, cells, 'protectionLevel');
  const businessInfoLevel = level(v, cells, 'businessInfoLevel');
  const systemServiceLevel = level(v, cells, 'systemServiceLevel');
  let status: string | null = null;
  if (!blank(cells.status)) {
    status = v.oneOf(
      'input.status',
      enumValue(cells.status as string, STATUS_WORDS, SYSTEM_STATUSES),
      SYSTEM_STATUSES,
    );
  }
  const levelDeterminedOn = date(v, cells, 'levelDeterminedOn');
  const filedOn = date(v, cells, 'filedOn');
  const liveOn = date(v, cells, 'liveOn');
  const decommissionedOn = date(v, cells, 'decommissionedOn');
  const description = text(v, cells, 'description', 2000);

  const failed = new Set(v.issues.map((i) => i.field));
  const ok = (...fields: string[]) => fields.every((f) => !failed.has(`input.${f}`));
  let level_ = protectionLevel;
  if (ok('protectionLevel', 'businessInfoLevel', 'systemServiceLevel')) {
    // GB/T 22240-2020: the protection level is the higher of the two partial levels.
    const computed = Math.max(businessInfoLevel ?? 0, systemServiceLevel ?? 0);
    if (level_ === null && businessInfoLevel !== null && systemServiceLevel !== null) level_ = computed;
    else if (level_ !== null && computed > 0) {
      if (
        level_ < computed ||
        (businessInfoLevel !== null && systemServiceLevel !== null && level_ > computed)
      ) {
        v.issue(
          'input.protectionLevel',
          `level ${level_} must equal the higher of the business-information level (${businessInfoLevel ?? 'not given'}) and the system-service level (${systemServiceLevel ?? 'not given'}) (GB/T 22240-2020)`,
        );
      }
    }
  }
  if (ok('levelDeterminedOn', 'filedOn')) v.dateOrder('input.filedOn', levelDeterminedOn, filedOn);
  if (ok('liveOn', 'decommissionedOn')) v.dateOrder('input.decommissionedOn', liveOn, decommissionedOn);
  if (ok('filedOn', 'filingNumber') && filedOn !== null && filingNumber === null) {
    v.issue('input.filingNumber', 'is required when the filing date (filedOn) is given');
  }
  if (ok('status', 'decommissionedOn') && status === 'DECOMMISSIONED' && decommissionedOn === null) {
    v.issue('input.decommissionedOn', 'is required when the status is DECOMMISSIONED');
  }
  if (v.issues.length) return { ok: false, issues: collect(v) };
  const withLevel = new Set(present);
  if (level_ !== null) withLevel.add('protectionLevel');
  const props = pick(
    {
      filingNumber,
      protectionLevel: level_,
      businessInfoLevel,
      systemServiceLevel,
      status: status ?? (present.has('status') ? 'PLANNED' : undefined),
      levelDeterminedOn,
      filedOn,
      liveOn,
      decommissionedOn,
      description,
    },
    withLevel,
  );
  return {
    ok: true,
    row: {
      key: `${operatorUscc}\u0000${name}`,
      params: { operatorUscc, name, props },
      operatorUscc,
      divisionCode: null,
      sectorCode: null,
      filingNumber,
    },
  };
}

function vendorRow(cells: Cells, present: ReadonlySet<string>): RowResult {
  const v = new InputValidator();
  const uscc = required(v, cells, 'uscc') ? v.uscc('input.uscc', cells.uscc) : null;
  const name = required(v, cells, 'name') ? text(v, cells, 'name', 200) : null;
  let registrationStatus: string | null = null;
  if (!blank(cells.registrationStatus)) {
    registrationStatus = v.oneOf(
      'input.registrationStatus',
      enumValue(cells.registrationStatus as string, REGISTRATION_WORDS, REGISTRATION_STATUSES),
      REGISTRATION_STATUSES,
    );
  }
  const before = v.issues.length;
  const registeredOn = date(v, cells, 'registeredOn');
  const registrationNumber = text(v, cells, 'registrationNumber', 100);
  if (registrationStatus === 'REGISTERED' && registeredOn === null && v.issues.length === before) {
    v.issue('input.registeredOn', 'is required when the registration status is REGISTERED (已报备)');
  }
  if (v.issues.length) return { ok: false, issues: collect(v) };
  const props = pick(
    {
      name,
      registrationStatus:
        registrationStatus ?? (present.has('registrationStatus') ? 'UNREGISTERED' : undefined),
      registeredOn,
      registrationNumber,
    },
    present,
  );
  return {
    ok: true,
    row: {
      key: uscc as string,
      params: { uscc, props },
      operatorUscc: null,
      divisionCode: null,
      sectorCode: null,
      filingNumber: null,
    },
  };
}

const KIND_WORDS: Record<string, (typeof SERVICE_KINDS)[number]> = {
  设计: 'DESIGN',
  建设: 'CONSTRUCTION',
  集成: 'CONSTRUCTION',
  运维: 'OPERATIONS',
  现场运维: 'OPERATIONS',
  远程运维: 'REMOTE_OPERATIONS',
  技术服务: 'TECHNICAL_SERVICE',
  监测: 'MONITORING',
  安全监测: 'MONITORING',
  等级测评: 'LEVEL_ASSESSMENT',
  等保测评: 'LEVEL_ASSESSMENT',
  密评: 'CRYPTO_ASSESSMENT',
  密码测评: 'CRYPTO_ASSESSMENT',
  商用密码应用安全性评估: 'CRYPTO_ASSESSMENT',
};

function yesNo(v: InputValidator, cells: Cells, field: string): boolean | null {
  if (blank(cells[field])) return null;
  const t = (cells[field] as string).trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  v.issue(`input.${field}`, `"${t}" is not 是/否 (yes/no)`);
  return null;
}

function serviceRow(cells: Cells, present: ReadonlySet<string>): RowResult {
  const v = new InputValidator();
  const vendorUscc = required(v, cells, 'vendorUscc') ? v.uscc('input.vendorUscc', cells.vendorUscc) : null;
  const operatorUscc = required(v, cells, 'operatorUscc')
    ? v.uscc('input.operatorUscc', cells.operatorUscc)
    : null;
  const systemName = required(v, cells, 'systemName') ? text(v, cells, 'systemName', 200) : null;
  const kind = required(v, cells, 'kind')
    ? v.oneOf('input.kind', enumValue(cells.kind as string, KIND_WORDS, SERVICE_KINDS), SERVICE_KINDS)
    : null;
  const remoteCell = yesNo(v, cells, 'remote');
  let remote = remoteCell ?? kind === 'REMOTE_OPERATIONS';
  if (kind === 'REMOTE_OPERATIONS' && remoteCell === false) {
    v.issue('input.remote', 'a REMOTE_OPERATIONS (远程运维) service is remote: remote must be 是');
    remote = true;
  }
  const remoteEvaluatedOn = date(v, cells, 'remoteEvaluatedOn');
  if (remoteEvaluatedOn !== null && !remote) {
    v.issue(
      'input.remoteEvaluatedOn',
      'an evaluation date (远程运维评估论证) can only be recorded for a remote service',
    );
  }
  const contractRef = text(v, cells, 'contractRef', 100);
  const from = required(v, cells, 'from') ? date(v, cells, 'from') : null;
  const to = date(v, cells, 'to');
  if (from !== null && to !== null) v.dateOrder('input.to', from, to);
  if (v.issues.length) return { ok: false, issues: collect(v) };
  const props = pick(
    { kind, remote, remoteEvaluatedOn, contractRef, from, to },
    new Set([...present, 'kind', 'remote', 'from']),
  );
  return {
    ok: true,
    row: {
      key: [vendorUscc, operatorUscc, systemName, kind, from].join('\u0000'),
      params: { vendorUscc, operatorUscc, systemName, props },
      operatorUscc,
      divisionCode: null,
      sectorCode: null,
      filingNumber: null,
      vendorUscc: vendorUscc as string,
      systemName: systemName as string,
    },
  };
}

/** What row validation needs from the configuration. */
export interface RowEnv {
  /** HMAC key of resident ID numbers (RESIDENT_ID_HASH_KEY). */
  residentIdKey: string;
}

function personRow(cells: Cells, present: ReadonlySet<string>, env: RowEnv): RowResult {
  const v = new InputValidator();
  const residentId = required(v, cells, 'residentId')
    ? v.residentId('input.residentId', cells.residentId)
    : null;
  const name = required(v, cells, 'name') ? text(v, cells, 'name', 100) : null;
  if (v.issues.length || residentId === null) return { ok: false, issues: collect(v) };
  const residentIdHash = hashResidentId(residentId, env.residentIdKey);
  const props = pick(
    { name, residentIdMasked: maskResidentId(residentId) },
    new Set([...present, 'residentIdMasked']),
  );
  return {
    ok: true,
    row: {
      key: residentIdHash,
      params: { residentIdHash, props },
      operatorUscc: null,
      divisionCode: null,
      sectorCode: null,
      filingNumber: null,
    },
  };
}

const CHECK_WORDS: Record<string, (typeof CHECK_STATUSES)[number]> = {
  通过: 'PASSED',
  已通过: 'PASSED',
  未通过: 'FAILED',
  不通过: 'FAILED',
  审查中: 'PENDING',
  待定: 'PENDING',
  待审查: 'PENDING',
};

function checkRow(cells: Cells, present: ReadonlySet<string>, env: RowEnv): RowResult {
  const v = new InputValidator();
  const residentId = required(v, cells, 'residentId')
    ? v.residentId('input.residentId', cells.residentId)
    : null;
  const status = required(v, cells, 'status')
    ? v.oneOf('input.status', enumValue(cells.status as string, CHECK_WORDS, CHECK_STATUSES), CHECK_STATUSES)
    : null;
  const checkedOn = required(v, cells, 'checkedOn') ? date(v, cells, 'checkedOn') : null;
  const expiresOn = date(v, cells, 'expiresOn');
  const checkedBy = required(v, cells, 'checkedBy') ? text(v, cells, 'checkedBy', 200) : null;
  if (checkedOn !== null && expiresOn !== null) v.dateOrder('input.expiresOn', checkedOn, expiresOn);
  if (v.issues.length || residentId === null) return { ok: false, issues: collect(v) };
  const residentIdHash = hashResidentId(residentId, env.residentIdKey);
  const props = pick({ status, checkedOn, expiresOn, checkedBy }, present);
  return {
    ok: true,
    row: {
      key: [residentIdHash, checkedOn, checkedBy].join('\u0000'),
      params: { residentIdHash, props },
      operatorUscc: null,
      divisionCode: null,
      sectorCode: null,
      filingNumber: null,
      residentIdHash,
    },
  };
}

const ACCESS_WORDS: Record<string, (typeof ACCESS_KINDS)[number]> = {
  现场: 'ONSITE',
  现场访问: 'ONSITE',
  本地: 'ONSITE',
  远程: 'REMOTE',
  远程访问: 'REMOTE',
  特权: 'PRIVILEGED',
  特权访问: 'PRIVILEGED',
  特权账号: 'PRIVILEGED',
};

function accessRow(cells: Cells, present: ReadonlySet<string>, env: RowEnv): RowResult {
  const v = new InputValidator();
  const residentId = required(v, cells, 'residentId')
    ? v.residentId('input.residentId', cells.residentId)
    : null;
  const operatorUscc = required(v, cells, 'operatorUscc')
    ? v.uscc('input.operatorUscc', cells.operatorUscc)
    : null;
  const systemName = required(v, cells, 'systemName') ? text(v, cells, 'systemName', 200) : null;
  const kind = required(v, cells, 'kind')
    ? v.oneOf('input.kind', enumValue(cells.kind as string, ACCESS_WORDS, ACCESS_KINDS), ACCESS_KINDS)
    : null;
  const from = required(v, cells, 'from') ? date(v, cells, 'from') : null;
  const to = date(v, cells, 'to');
  if (from !== null && to !== null) v.dateOrder('input.to', from, to);
  if (v.issues.length || residentId === null) return { ok: false, issues: collect(v) };
  const residentIdHash = hashResidentId(residentId, env.residentIdKey);
  const props = pick({ kind, from, to }, new Set([...present, 'kind', 'from']));
  return {
    ok: true,
    row: {
      key: [residentIdHash, operatorUscc, systemName, kind, from].join('\u0000'),
      params: { residentIdHash, operatorUscc, systemName, props },
      operatorUscc,
      divisionCode: null,
      sectorCode: null,
      filingNumber: null,
      systemName: systemName as string,
      residentIdHash,
    },
  };
}

function employmentRow(cells: Cells, present: ReadonlySet<string>, env: RowEnv): RowResult {
  const v = new InputValidator();
  const residentId = required(v, cells, 'residentId')
    ? v.residentId('input.residentId', cells.residentId)
    : null;
  const vendorUscc = required(v, cells, 'vendorUscc') ? v.uscc('input.vendorUscc', cells.vendorUscc) : null;
  const from = required(v, cells, 'from') ? date(v, cells, 'from') : null;
  const to = date(v, cells, 'to');
  if (from !== null && to !== null) v.dateOrder('input.to', from, to);
  // A blank key-position cell is 否, as in the addEmployment mutation (keyPosition defaults to false).
  const keyPosition = yesNo(v, cells, 'keyPosition') ?? false;
  const role = text(v, cells, 'role', 200);
  if (v.issues.length || residentId === null) return { ok: false, issues: collect(v) };
  const residentIdHash = hashResidentId(residentId, env.residentIdKey);
  const props = pick({ from, to, keyPosition, role }, new Set([...present, 'from']));
  return {
    ok: true,
    row: {
      key: [residentIdHash, vendorUscc, from].join('\u0000'),
      params: { residentIdHash, vendorUscc, props },
      operatorUscc: null,
      divisionCode: null,
      sectorCode: null,
      filingNumber: null,
      vendorUscc: vendorUscc as string,
      residentIdHash,
    },
  };
}

function subcontractingRow(cells: Cells, present: ReadonlySet<string>): RowResult {
  const v = new InputValidator();
  const contractorUscc = required(v, cells, 'contractorUscc')
    ? v.uscc('input.contractorUscc', cells.contractorUscc)
    : null;
  const subcontractorUscc = required(v, cells, 'subcontractorUscc')
    ? v.uscc('input.subcontractorUscc', cells.subcontractorUscc)
    : null;
  if (contractorUscc !== null && contractorUscc === subcontractorUscc) {
    v.issue('input.subcontractorUscc', 'a vendor cannot subcontract to itself');
  }
  const from = required(v, cells, 'from') ? date(v, cells, 'from') : null;
  const to = date(v, cells, 'to');
  if (from !== null && to !== null) v.dateOrder('input.to', from, to);
  if (v.issues.length) return { ok: false, issues: collect(v) };
  const props = pick({ from, to }, new Set([...present, 'from']));
  return {
    ok: true,
    row: {
      key: [contractorUscc, subcontractorUscc, from].join('\u0000'),
      params: { contractorUscc, subcontractorUscc, props },
      operatorUscc: null,
      divisionCode: null,
      sectorCode: null,
      filingNumber: null,
      vendorUscc: contractorUscc as string,
      subcontractorUscc: subcontractorUscc as string,
      to,
    },
  };
}

function linkRow(cells: Cells, present: ReadonlySet<string>): RowResult {
  const v = new InputValidator();
  const fromOperatorUscc = required(v, cells, 'fromOperatorUscc')
    ? v.uscc('input.fromOperatorUscc', cells.fromOperatorUscc)
    : null;
  const fromSystemName = required(v, cells, 'fromSystemName') ? text(v, cells, 'fromSystemName', 200) : null;
  const toOperatorUscc = required(v, cells, 'toOperatorUscc')
    ? v.uscc('input.toOperatorUscc', cells.toOperatorUscc)
    : null;
  const toSystemName = required(v, cells, 'toSystemName') ? text(v, cells, 'toSystemName', 200) : null;
  if (
    fromOperatorUscc !== null &&
    fromSystemName !== null &&
    fromOperatorUscc === toOperatorUscc &&
    fromSystemName === toSystemName
  ) {
    v.issue('input.toSystemName', 'a system cannot be linked to itself');
  }
  let protocol: string | null = null;
  if (required(v, cells, 'protocol')) {
    const result = normalizeProtocol((cells.protocol as string).normalize('NFKC'));
    if (result.ok) protocol = result.value;
    else v.issue('input.protocol', result.message);
  }
  let port: number | null = null;
  if (!blank(cells.port)) {
    const t = (cells.port as string).normalize('NFKC').trim();
    if (/^\d+$/.test(t)) port = v.port('input.port', Number(t));
    else v.issue('input.port', `"${t}" is not a port number (1–65535)`);
  }
  const from = required(v, cells, 'from') ? date(v, cells, 'from') : null;
  const to = date(v, cells, 'to');
  if (from !== null && to !== null) v.dateOrder('input.to', from, to);
  if (v.issues.length) return { ok: false, issues: collect(v) };
  const props = pick({ protocol, port, from, to }, new Set([...present, 'protocol', 'port', 'from']));
  return {
    ok: true,
    row: {
      key: [fromOperatorUscc, fromSystemName, toOperatorUscc, toSystemName, protocol, port, from].join(
        '\u0000',
      ),
      params: { fromOperatorUscc, fromSystemName, toOperatorUscc, toSystemName, port, props },
      operatorUscc: fromOperatorUscc,
      divisionCode: null,
      sectorCode: null,
      filingNumber: null,
      systemName: fromSystemName as string,
      toOperatorUscc: toOperatorUscc as string,
      toSystemName: toSystemName as string,
    },
  };
}

function productRow(cells: Cells, present: ReadonlySet<string>): RowResult {
  const v = new InputValidator();
  const name = required(v, cells, 'name') ? text(v, cells, 'name', 200) : null;
  const version = text(v, cells, 'version', 200);
  const category = text(v, cells, 'category', 200);
  const certification = text(v, cells, 'certification', 200);
  const vendorUscc = required(v, cells, 'vendorUscc') ? v.uscc('input.vendorUscc', cells.vendorUscc) : null;
  const suppliedFrom = required(v, cells, 'suppliedFrom') ? date(v, cells, 'suppliedFrom') : null;
  const suppliedTo = date(v, cells, 'suppliedTo');
  if (suppliedFrom !== null && suppliedTo !== null) v.dateOrder('input.suppliedTo', suppliedFrom, suppliedTo);
  const operatorUscc = blank(cells.operatorUscc) ? null : v.uscc('input.operatorUscc', cells.operatorUscc);
  const systemName = text(v, cells, 'systemName', 200);
  const usedFrom = date(v, cells, 'usedFrom');
  const usedTo = date(v, cells, 'usedTo');
  const withSystem = !blank(cells.operatorUscc) || !blank(cells.systemName);
  if (withSystem) {
    if (blank(cells.operatorUscc)) v.issue('input.operatorUscc', 'is required with a system name');
    if (blank(cells.systemName)) v.issue('input.systemName', 'is required with an operator USCC');
    if (blank(cells.usedFrom)) v.issue('input.usedFrom', 'is required with a using system');
  } else if (!blank(cells.usedFrom) || !blank(cells.usedTo)) {
    v.issue(
      blank(cells.usedFrom) ? 'input.usedTo' : 'input.usedFrom',
      'a use needs the system (operator USCC + system name)',
    );
  }
  if (usedFrom !== null && usedTo !== null) v.dateOrder('input.usedTo', usedFrom, usedTo);
  if (v.issues.length) return { ok: false, issues: collect(v) };
  const product = pick({ name, version, category, certification }, new Set([...present, 'name']));
  const supply = pick(
    { from: suppliedFrom, to: suppliedTo },
    new Set(['from', ...(present.has('suppliedTo') ? ['to'] : [])]),
  );
  const use = withSystem
    ? pick({ from: usedFrom, to: usedTo }, new Set(['from', ...(present.has('usedTo') ? ['to'] : [])]))
    : null;
  const productKey = [vendorUscc, name, version ?? ''].join('\u0000');
  return {
    ok: true,
    row: {
      key: [productKey, suppliedFrom, operatorUscc ?? '', systemName ?? '', usedFrom ?? ''].join('\u0000'),
      params: {
        vendorUscc,
        version,
        product,
        supply,
        operatorUscc,
        systemName,
        use,
        productId: newId(),
        useId: newId(),
      },
      operatorUscc,
      divisionCode: null,
      sectorCode: null,
      filingNumber: null,
      vendorUscc: vendorUscc as string,
      ...(systemName === null ? {} : { systemName }),
      sameAs: [
        {
          key: `product\u0000${productKey}`,
          value: JSON.stringify([category, certification]),
          field: 'category',
        },
        {
          key: `supply\u0000${productKey}\u0000${suppliedFrom}`,
          value: JSON.stringify(suppliedTo),
          field: 'suppliedTo',
        },
      ],
    },
  };
}

function ciiRow(cells: Cells, present: ReadonlySet<string>): RowResult {
  const v = new InputValidator();
  const name = required(v, cells, 'name') ? text(v, cells, 'name', 200) : null;
  let sectorCode: string | null = null;
  if (required(v, cells, 'sectorCode')) {
    sectorCode = (cells.sectorCode as string).trim().toUpperCase();
    if (!/^[A-Z][A-Z0-9_]{1,31}$/.test(sectorCode)) {
      v.issue('input.sectorCode', `"${sectorCode}" is not a sector code (upper-case letters, digits, _)`);
    }
  }
  const department = required(v, cells, 'department') ? text(v, cells, 'department', 200) : null;
  const identifiedOn = required(v, cells, 'identifiedOn') ? date(v, cells, 'identifiedOn') : null;
  const operatorNotifiedOn = date(v, cells, 'operatorNotifiedOn');
  const policeNotifiedOn = date(v, cells, 'policeNotifiedOn');
  for (const [field, day] of [
    ['operatorNotifiedOn', operatorNotifiedOn],
    ['policeNotifiedOn', policeNotifiedOn],
  ] as const) {
    if (identifiedOn !== null && day !== null && day < identifiedOn) {
      v.issue(`input.${field}`, `${field} ${day} is before identifiedOn ${identifiedOn}`);
    }
  }
  const operatorUscc = blank(cells.operatorUscc) ? null : v.uscc('input.operatorUscc', cells.operatorUscc);
  const systemName = text(v, cells, 'systemName', 200);
  const memberFrom = date(v, cells, 'memberFrom');
  const memberTo = date(v, cells, 'memberTo');
  const withSystem = !blank(cells.operatorUscc) || !blank(cells.systemName);
  if (withSystem) {
    if (blank(cells.operatorUscc)) v.issue('input.operatorUscc', 'is required with a system name');
    if (blank(cells.systemName)) v.issue('input.systemName', 'is required with an operator USCC');
    if (blank(cells.memberFrom)) v.issue('input.memberFrom', 'is required with a member system');
  } else if (!blank(cells.memberFrom) || !blank(cells.memberTo)) {
    v.issue(
      blank(cells.memberFrom) ? 'input.memberTo' : 'input.memberFrom',
      'a membership needs the system (operator USCC + system name)',
    );
  }
  if (memberFrom !== null && memberTo !== null) v.dateOrder('input.memberTo', memberFrom, memberTo);
  if (v.issues.length) return { ok: false, issues: collect(v) };
  const cii = pick(
    { name, sectorCode, operatorNotifiedOn, policeNotifiedOn },
    new Set([...present, 'name', 'sectorCode']),
  );
  const member = withSystem
    ? pick({ from: memberFrom, to: memberTo }, new Set(['from', ...(present.has('memberTo') ? ['to'] : [])]))
    : null;
  return {
    ok: true,
    row: {
      key: [name, operatorUscc ?? '', systemName ?? '', memberFrom ?? ''].join('\u0000'),
      params: {
        cii,
        department,
        identifiedOn,
        operatorUscc,
        systemName,
        member,
        ciiId: newId(),
        memberId: newId(),
      },
      operatorUscc,
      divisionCode: null,
      sectorCode,
      filingNumber: null,
      ...(systemName === null ? {} : { systemName }),
      department: department as string,
      ciiName: name as string,
      window: { from: memberFrom, to: memberTo },
      sameAs: [
        {
          key: `designation\u0000${name}`,
          value: JSON.stringify([sectorCode, department, identifiedOn, operatorNotifiedOn, policeNotifiedOn]),
          field: 'sectorCode',
        },
      ],
    },
  };
}

export const ROW_VALIDATORS: Record<
  InventoryEntity,
  (cells: Cells, present: ReadonlySet<string>, env: RowEnv) => RowResult
> = {
  operators: operatorRow,
  systems: systemRow,
  vendors: vendorRow,
  services: serviceRow,
  persons: personRow,
  checks: checkRow,
  access: accessRow,
  employments: employmentRow,
  subcontracting: subcontractingRow,
  links: linkRow,
  products: productRow,
  cii: ciiRow,
};
