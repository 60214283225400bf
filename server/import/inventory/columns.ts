/**
 * Column headers of the inventory import files: one table per entity, canonical field → the header
 * names users write (Chinese as in the units' spreadsheets, and English). Matching ignores case,
 * whitespace, a leading `*` (required marker) and the width of characters (NFKC: full-width
 * parentheses and letters match their ASCII forms); a trailing parenthesised note such as
 * `安全保护等级（1-5）` is ignored when the full header does not match.
 */

export interface ColumnSpec {
  /** Canonical field name (also the English header). */
  field: string;
  /** The Chinese header of the template (first) and further accepted names. */
  headers: readonly string[];
  required: boolean;
  /** Format, for the templates' README. */
  format: string;
  example: string;
}

const col = (
  field: string,
  headers: readonly string[],
  required: boolean,
  format: string,
  example: string,
): ColumnSpec => ({ field, headers, required, format, example });

const RESIDENT_ID_HEADERS = ['公民身份号码', '身份证号码', '身份证号', 'resident id', 'id number'];

/** The person a row of checks, access or employments is about: one already registered. */
const registeredPersonColumn = col(
  'residentId',
  RESIDENT_ID_HEADERS,
  true,
  'resident ID of a registered person (matched by its keyed hash)',
  '140502199001011230',
);

export const INVENTORY_ENTITIES = [
  'operators',
  'systems',
  'vendors',
  'services',
  'persons',
  'checks',
  'access',
  'employments',
  'subcontracting',
  'links',
  'products',
  'cii',
] as const;
export type InventoryEntity = (typeof INVENTORY_ENTITIES)[number];

export const COLUMNS: Record<InventoryEntity, readonly ColumnSpec[]> = {
  operators: [
    col(
      'uscc',
      ['统一社会信用代码', '信用代码', 'USCC'],
      true,
      '18 characters with check character (GB 32100)',
      '91140502MA0K00001Q',
    ),
    col(
      'name',
      ['单位名称', '运营者名称', '网络运营者'],
      true,
      'text, ≤ 200 characters',
      '晋城市示例供水有限公司',
    ),
    col(
      'divisionCode',
      ['行政区划代码', '所属区县', '行政区划', 'division', 'division code'],
      true,
      '6-digit code of a Jincheng division, or its name (城区, 泽州县…)',
      '140502',
    ),
    col(
      'inDevelopmentZone',
      ['是否开发区', '开发区', 'in development zone'],
      false,
      '是/否, true/false, 1/0 (default 否)',
      '否',
    ),
    col(
      'sectorCode',
      ['行业代码', '所属行业代码', 'sector', 'sector code'],
      false,
      'code of a registered sector (upper case)',
      'WATER',
    ),
    col(
      'competentDepartment',
      ['行业主管部门', '主管部门', 'competent department'],
      false,
      'text, ≤ 200',
      '晋城市水务局',
    ),
    col(
      'securityBody',
      ['网络安全管理机构', '安全管理机构', 'security body'],
      false,
      'text, ≤ 200',
      '信息中心',
    ),
    col('securityHead', ['网络安全负责人', '安全负责人', 'security head'], false, 'text, ≤ 200', '张三'),
    col(
      'contactPhone',
      ['联系电话', '电话', 'contact phone', 'phone'],
      false,
      'digits, + - ( ) and spaces, 5–40',
      '0356-2020000',
    ),
  ],
  systems: [
    col(
      'operatorUscc',
      ['运营者统一社会信用代码', '单位统一社会信用代码', '统一社会信用代码', 'operator uscc'],
      true,
      'USCC of an operator in this file set or already registered',
      '91140502MA0K00001Q',
    ),
    col(
      'name',
      ['系统名称', '定级对象名称', '等级保护对象名称', 'system name'],
      true,
      'text, ≤ 200; unique per operator (the natural key with the operator USCC)',
      '供水调度系统',
    ),
    col(
      'filingNumber',
      ['备案编号', '备案证明编号', 'filing number'],
      false,
      '11 digits - 5 digits, digits 1–6 a Jincheng division',
      '14050213001-00001',
    ),
    col(
      'protectionLevel',
      ['安全保护等级', '保护等级', '等级', 'protection level', 'level'],
      false,
      '1–5, 一级…五级 or 第一级…第五级',
      '三级',
    ),
    col(
      'businessInfoLevel',
      ['业务信息安全保护等级', '业务信息安全等级', 'business information level'],
      false,
      'as the level',
      '3',
    ),
    col(
      'systemServiceLevel',
      ['系统服务安全保护等级', '系统服务安全等级', 'system service level'],
      false,
      'as the level',
      '2',
    ),
    col(
      'status',
      ['运行状态', '状态', 'status'],
      false,
      '规划/PLANNED, 在建/UNDER_CONSTRUCTION, 运行/在用/LIVE, 下线/停用/DECOMMISSIONED (default 规划)',
      '运行',
    ),
    col(
      'levelDeterminedOn',
      ['定级日期', 'level determined on'],
      false,
      'YYYY-MM-DD (also YYYY/M/D, YYYY年M月D日)',
      '2023-03-01',
    ),
    col('filedOn', ['备案日期', 'filed on'], false, 'date; needs the filing number', '2023-04-10'),
    col('liveOn', ['上线日期', '投入运行日期', 'live on'], false, 'date', '2019-06-30'),
    col(
      'decommissionedOn',
      ['下线日期', '停用日期', 'decommissioned on'],
      false,
      'date; required when the status is 下线',
      '',
    ),
    col(
      'description',
      ['系统描述', '描述', '备注', 'description'],
      false,
      'text, ≤ 2000',
      '城区供水生产调度',
    ),
  ],
  vendors: [
    col(
      'uscc',
      ['统一社会信用代码', '信用代码', 'USCC'],
      true,
      '18 characters with check character (GB 32100)',
      '91140500MA0W000013',
    ),
    col(
      'name',
      ['单位名称', '企业名称', '服务机构名称', 'vendor name'],
      true,
      'text, ≤ 200',
      '山西示例网络安全技术有限公司',
    ),
    col(
      'registrationStatus',
      ['报备状态', 'registration status'],
      false,
      '已报备/REGISTERED, 报备中/PENDING, 未报备/UNREGISTERED, 已撤销/REVOKED (default 未报备)',
      '已报备',
    ),
    col('registeredOn', ['报备日期', 'registered on'], false, 'date; required when 已报备', '2024-01-15'),
    col('registrationNumber', ['报备编号', 'registration number'], false, 'text, ≤ 100', 'JC-2024-001'),
  ],
  services: [
    col(
      'vendorUscc',
      ['服务机构统一社会信用代码', '供应商统一社会信用代码', 'vendor uscc'],
      true,
      'USCC of a registered vendor',
      '91140500MA0W000013',
    ),
    col(
      'operatorUscc',
      ['运营者统一社会信用代码', '单位统一社会信用代码', 'operator uscc'],
      true,
      'USCC of the operator of the system',
      '91140502MA0K00001Q',
    ),
    col(
      'systemName',
      ['系统名称', '定级对象名称', 'system name'],
      true,
      'name of a registered system of that operator',
      '供水调度系统',
    ),
    col(
      'kind',
      ['服务类型', '服务内容', 'service kind', 'kind'],
      true,
      '设计/DESIGN, 建设/CONSTRUCTION, 运维/OPERATIONS, 远程运维/REMOTE_OPERATIONS, 技术服务/TECHNICAL_SERVICE, 监测/MONITORING, 等级测评/LEVEL_ASSESSMENT, 密评/CRYPTO_ASSESSMENT',
      '远程运维',
    ),
    col('remote', ['是否远程', '远程', 'remote'], false, '是/否 (default: 是 for 远程运维, else 否)', '是'),
    col(
      'remoteEvaluatedOn',
      ['远程运维评估日期', '评估论证日期', 'remote evaluated on'],
      false,
      'date; remote services only',
      '2024-02-01',
    ),
    col('contractRef', ['合同编号', 'contract', 'contract ref'], false, 'text, ≤ 100', 'HT-2024-017'),
    col(
      'from',
      ['开始日期', '服务开始日期', '起始日期', 'from'],
      true,
      'date (part of the key with vendor, system and kind)',
      '2024-01-01',
    ),
    col(
      'to',
      ['结束日期', '服务结束日期', '终止日期', 'to'],
      false,
      'date, last day (inclusive), not before the start',
      '2026-12-31',
    ),
  ],
  persons: [
    col(
      'residentId',
      RESIDENT_ID_HEADERS,
      true,
      '18 characters with check character (GB 11643); stored only as a keyed hash and a masked form',
      '140502199001011230',
    ),
    col('name', ['姓名', 'person name', 'name'], true, 'text, ≤ 100', '赵六'),
  ],
  checks: [
    registeredPersonColumn,
    col(
      'status',
      ['审查结果', '审查状态', 'check status', 'status'],
      true,
      '通过/PASSED, 未通过/不通过/FAILED, 审查中/待定/PENDING',
      '通过',
    ),
    col(
      'checkedOn',
      ['审查日期', 'checked on'],
      true,
      'date (part of the key with the person and the checking body)',
      '2024-03-01',
    ),
    col(
      'expiresOn',
      ['有效期至', '到期日期', 'expires on'],
      false,
      'date, not before the check date',
      '2027-02-28',
    ),
    col('checkedBy', ['审查机关', '审查单位', 'checked by'], true, 'text, ≤ 200', '晋城市公安局'),
  ],
  access: [
    registeredPersonColumn,
    col(
      'operatorUscc',
      ['运营者统一社会信用代码', '单位统一社会信用代码', 'operator uscc'],
      true,
      'USCC of the operator of the system',
      '91140502MA0K00001Q',
    ),
    col(
      'systemName',
      ['系统名称', '定级对象名称', 'system name'],
      true,
      'name of a registered system of that operator',
      '供水调度系统',
    ),
    col(
      'kind',
      ['访问方式', '访问类型', '权限类型', 'access kind', 'kind'],
      true,
      '现场/ONSITE, 远程/REMOTE, 特权/PRIVILEGED',
      '远程',
    ),
    col(
      'from',
      ['开始日期', '授权日期', '起始日期', 'from'],
      true,
      'date (part of the key with the person, the system and the kind)',
      '2024-01-01',
    ),
    col(
      'to',
      ['结束日期', '终止日期', '有效期至', 'to'],
      false,
      'date, last day (inclusive), not before the start',
      '2025-12-31',
    ),
  ],
  employments: [
    registeredPersonColumn,
    col(
      'vendorUscc',
      [
        '服务机构统一社会信用代码',
        '用人单位统一社会信用代码',
        '单位统一社会信用代码',
        'vendor uscc',
        'employer uscc',
      ],
      true,
      'USCC of a registered vendor (服务机构)',
      '91140500MA0W000013',
    ),
    col(
      'from',
      ['入职日期', '任职开始日期', '开始日期', 'from'],
      true,
      'date (part of the key with the person and the vendor)',
      '2024-01-01',
    ),
    col(
      'to',
      ['离职日期', '任职结束日期', '结束日期', 'to'],
      false,
      'date, last day (inclusive), not before the start; blank = still employed',
      '',
    ),
    col(
      'keyPosition',
      ['是否关键岗位', '关键岗位', 'key position'],
      false,
      '是/否, true/false, 1/0 (default 否)',
      '是',
    ),
    col('role', ['岗位', '职务', '岗位名称', 'role'], false, 'text, ≤ 200', '安全运维工程师'),
  ],
  subcontracting: [
    col(
      'contractorUscc',
      ['总包单位统一社会信用代码', '发包单位统一社会信用代码', '总包方统一社会信用代码', 'contractor uscc'],
      true,
      'USCC of the registered vendor that subcontracts',
      '91140500MA0W000013',
    ),
    col(
      'subcontractorUscc',
      ['分包单位统一社会信用代码', '分包方统一社会信用代码', 'subcontractor uscc'],
      true,
      'USCC of the registered vendor it subcontracts to; not the contractor itself',
      '91140500MA0W000026',
    ),
    col(
      'from',
      ['开始日期', '分包开始日期', '起始日期', 'from'],
      true,
      'date (part of the key with the two vendors)',
      '2024-01-01',
    ),
    col(
      'to',
      ['结束日期', '分包结束日期', '终止日期', 'to'],
      false,
      'date, last day (inclusive), not before the start',
      '2025-12-31',
    ),
  ],
  links: [
    col(
      'fromOperatorUscc',
      ['源运营者统一社会信用代码', '源单位统一社会信用代码', 'from operator uscc'],
      true,
      'USCC of the operator of the system the link starts at',
      '91140502MA0K00001Q',
    ),
    col(
      'fromSystemName',
      ['源系统名称', '本端系统名称', 'from system name', 'from system'],
      true,
      'name of a registered system of that operator',
      '门户网站',
    ),
    col(
      'toOperatorUscc',
      [
        '目标运营者统一社会信用代码',
        '目的单位统一社会信用代码',
        '对端单位统一社会信用代码',
        'to operator uscc',
      ],
      true,
      'USCC of the operator of the system the link goes to',
      '91140502MA0K00001Q',
    ),
    col(
      'toSystemName',
      ['目标系统名称', '目的系统名称', '对端系统名称', 'to system name', 'to system'],
      true,
      'name of a registered system of that operator; not the from system',
      '供水调度系统',
    ),
    col('protocol', ['协议', '传输协议', '协议类型', 'protocol'], true, 'tcp or udp (any case)', 'TCP'),
    col(
      'port',
      ['端口', '端口号', '目的端口', 'port'],
      false,
      'destination port 1–65535 (part of the key; blank: no port)',
      '443',
    ),
    col(
      'from',
      ['开始日期', '开通日期', '起始日期', 'from'],
      true,
      'date (part of the key with the two systems, protocol and port)',
      '2024-01-01',
    ),
    col(
      'to',
      ['结束日期', '停用日期', '终止日期', 'to'],
      false,
      'date, last day (inclusive), not before the start',
      '',
    ),
  ],
  products: [
    col('name', ['产品名称', '名称', 'product name'], true, 'text, ≤ 200', '下一代防火墙'),
    col(
      'version',
      ['版本', '版本号', '型号版本', 'version'],
      false,
      'text, ≤ 200 (part of the product key; blank: no version)',
      'V3.0',
    ),
    col('category', ['产品类别', '产品类型', '类别', 'category'], false, 'text, ≤ 200', '防火墙'),
    col(
      'certification',
      ['安全认证', '认证证书编号', '安全认证证书', 'certification'],
      false,
      'text, ≤ 200 (网络关键设备和网络安全专用产品安全认证)',
      'CCC-2024-0001',
    ),
    col(
      'vendorUscc',
      ['供应商统一社会信用代码', '生产厂商统一社会信用代码', '厂商统一社会信用代码', 'vendor uscc'],
      true,
      'USCC of the registered vendor supplying the product (SUPPLIES); part of the product key',
      '91140500MA0W000013',
    ),
    col(
      'suppliedFrom',
      ['供货开始日期', '供应开始日期', 'supplied from'],
      true,
      'date the vendor supplies the product from (part of the key of the supply)',
      '2024-01-01',
    ),
    col(
      'suppliedTo',
      ['供货结束日期', '供应结束日期', 'supplied to'],
      false,
      'date, last day (inclusive)',
      '',
    ),
    col(
      'operatorUscc',
      ['使用单位统一社会信用代码', '运营者统一社会信用代码', 'operator uscc'],
      false,
      'USCC of the operator of the system using the product (USES); with the system name',
      '91140502MA0K00001Q',
    ),
    col(
      'systemName',
      ['使用系统名称', '系统名称', 'system name'],
      false,
      'name of a registered system of that operator; with the operator USCC',
      '供水调度系统',
    ),
    col(
      'usedFrom',
      ['使用开始日期', '部署日期', 'used from'],
      false,
      'date; required with a system (part of the key of the use)',
      '2024-03-01',
    ),
    col('usedTo', ['使用结束日期', '停用日期', 'used to'], false, 'date, last day (inclusive)', ''),
  ],
  cii: [
    col(
      'name',
      ['关键信息基础设施名称', '关基名称', '设施名称', 'cii name'],
      true,
      'text, ≤ 200; the key of the designation',
      '晋城市城区供水调度关键信息基础设施',
    ),
    col(
      'sectorCode',
      ['行业代码', '所属行业代码', '行业领域代码', 'sector code', 'sector'],
      true,
      'code of a registered sector (upper case)',
      'WATER',
    ),
    col(
      'department',
      ['认定部门', '保护工作部门', 'identifying department', 'department'],
      true,
      'name of a registered protection department (保护工作部门) responsible for the sector',
      '晋城市水务局',
    ),
    col('identifiedOn', ['认定日期', 'identified on'], true, 'date', '2024-05-01'),
    col(
      'operatorNotifiedOn',
      ['通知运营者日期', '告知运营者日期', 'operator notified on'],
      false,
      'date, not before the identification',
      '2024-05-10',
    ),
    col(
      'policeNotifiedOn',
      ['通报公安机关日期', '报公安机关日期', 'police notified on'],
      false,
      'date, not before the identification',
      '2024-05-10',
    ),
    col(
      'operatorUscc',
      ['运营者统一社会信用代码', '单位统一社会信用代码', 'operator uscc'],
      false,
      'USCC of the operator of a member system (组成系统); with the system name',
      '91140502MA0K00001Q',
    ),
    col(
      'systemName',
      ['组成系统名称', '系统名称', 'system name'],
      false,
      'name of a registered system of that operator; with the operator USCC',
      '供水调度系统',
    ),
    col(
      'memberFrom',
      ['纳入日期', '组成开始日期', 'member from'],
      false,
      'date; required with a system (part of the key of the membership)',
      '2024-05-01',
    ),
    col('memberTo', ['移出日期', '组成结束日期', 'member to'], false, 'date, last day (inclusive)', ''),
  ],
};

/** The comparison form of a header. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/[\s_*]+/g, '')
    .toLowerCase();
}

/** Header lookup of an entity: normalized name → field. */
export function headerIndex(entity: InventoryEntity): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of COLUMNS[entity]) {
    index.set(normalizeHeader(c.field), c.field);
    for (const h of c.headers) index.set(normalizeHeader(h), c.field);
  }
  return index;
}

/** The field a header names, or null. */
export function fieldOfHeader(index: Map<string, string>, header: string): string | null {
  const n = normalizeHeader(header);
  return index.get(n) ?? index.get(n.replace(/\(.*\)$/, '')) ?? null;
}
