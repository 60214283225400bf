/**
 * The rule catalogue (规则目录) of /work/shared/domain/rules.md: every rule with its severity, the
 * section of the city document (or the national source) it comes from, and whether the registry can
 * check it from its data — with why not when it cannot.
 */

export const RULE_SEVERITIES = ['BLOCKER', 'MAJOR', 'ADVISORY'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export interface RuleDef {
  id: string;
  titleZh: string;
  titleEn: string;
  severity: RuleSeverity;
  /** Section of 晋市政办〔2021〕43号 ("三.(一).1") or the national source. */
  legalBasis: string;
  checkable: boolean;
  /** Why the rule cannot be checked from the registry's data (null when checkable). */
  notCheckableBecause: string | null;
  /** What the check covers when it covers only part of the rule, or how it reads the rule. */
  checkNote?: string;
}

const rule = (
  id: string,
  severity: RuleSeverity,
  legalBasis: string,
  titleZh: string,
  titleEn: string,
  notCheckableBecause: string | null = null,
): RuleDef => ({
  id,
  severity,
  legalBasis,
  titleZh,
  titleEn,
  checkable: notCheckableBecause === null,
  notCheckableBecause,
});

export const RULES: readonly RuleDef[] = [
  rule(
    'GRD-1',
    'MAJOR',
    '三.(一).1',
    '投入运行的系统应确定安全保护等级',
    'A live system has a protection level',
  ),
  rule(
    'GRD-2',
    'MAJOR',
    '三.(一).1',
    '二级以上系统备案前应经专家评审',
    'Level ≥ 2: expert review on or before filing',
  ),
  rule(
    'GRD-3',
    'MAJOR',
    '三.(一).1',
    '有行业主管部门的，定级应经其核准',
    'Level ≥ 2 with a competent department: its approval after review, before filing',
  ),
  rule(
    'FIL-1',
    'BLOCKER',
    '三.(一).1',
    '二级以上系统定级后10个工作日内备案',
    'Level ≥ 2: filing within 10 working days of grading',
  ),
  rule(
    'FIL-2',
    'BLOCKER',
    '三.(一).1',
    '等级变更或系统注销后10个工作日内办理变更/注销备案',
    'Level change or decommissioning: change/cancellation filing within 10 working days',
  ),
  rule(
    'FIL-3',
    'MAJOR',
    '三.(一).1',
    '公安机关受理备案后10个工作日内出具备案证明',
    'Police: filing certificate within 10 working days of acceptance',
  ),
  rule(
    'ASM-1',
    'BLOCKER',
    '三.(一).2',
    '三级以上系统每年至少开展一次等级测评',
    'Level ≥ 3: a level assessment at least yearly',
  ),
  rule(
    'ASM-2',
    'BLOCKER',
    '三.(一).2',
    '新建三级以上系统应在通过等级测评后投入运行',
    'A new level ≥ 3 system goes live only after a passed assessment',
  ),
  rule(
    'ASM-3',
    'ADVISORY',
    '三.(一).2',
    '鼓励二级系统每两年开展一次等级测评',
    'Level 2: an assessment every two years is encouraged',
  ),
  rule(
    'ASM-4',
    'MAJOR',
    '三.(一).2',
    '测评报告报送公安机关和行业主管部门',
    'Assessment report submitted to the police and the competent department',
  ),
  rule(
    'ASM-5',
    'MAJOR',
    '三.(一).2',
    '与测评机构签订保密协议',
    'Confidentiality agreement with the assessment institution',
  ),
  rule(
    'ASM-6',
    'MAJOR',
    '三.(一).2',
    '测评机构及测评人员通过背景审查',
    'Assessment institution and assessors background-checked',
  ),
  rule(
    'RCT-1',
    'MAJOR',
    '三.(一).3',
    '测评、检查发现的问题逾期未整改',
    'An assessment/inspection finding still open after its due date',
  ),
  rule(
    'RCT-2',
    'BLOCKER',
    '三.(三).13',
    '挂牌督办事项逾期未摘牌',
    'Supervised rectification (挂牌督办) past its deadline and not delisted',
  ),
  {
    ...rule(
      'SUP-1',
      'MAJOR',
      '三.(一).4',
      '三级以上系统记录全部服务机构及其人员',
      'Level ≥ 3: every service organisation and its personnel recorded',
    ),
    checkNote:
      'Partial check: completeness cannot be judged from the data itself, so the check reports each vendor with a design, construction, O&M or technical-service engagement (SERVES) in force to a level ≥ 3 system of which no person is recorded (nobody employed by the vendor has recorded access to that system).',
  },
  rule(
    'SUP-2',
    'MAJOR',
    '三.(一).4',
    '互联网远程运维须经评估论证并采取管控措施',
    'Remote O&M over the internet only with a recorded evaluation',
  ),
  {
    ...rule(
      'SUP-3',
      'MAJOR',
      '三.(一).4',
      '网络安全服务机构向市公安局报备，人员经背景审查',
      'Security service companies registered with the police, staff background-checked',
    ),
    checkNote:
      'Same conditions as riskFlags UNREGISTERED_VENDOR and UNCHECKED_PERSONNEL: on level ≥ 3 and CII systems, each serving vendor not REGISTERED with the police by asOf, and each person with access whose latest background check is missing, not passed or expired.',
  },
  {
    ...rule(
      'SUP-4',
      'MAJOR',
      '三.(一).4',
      '三级以上系统使用安全可信的产品和服务',
      'Level ≥ 3: certified/trusted products and services',
    ),
    checkNote:
      'Same condition as riskFlags UNCERTIFIED_PRODUCT: a product in use on a level ≥ 3 system without a recorded security certification.',
  },
  rule(
    'CRY-1',
    'BLOCKER',
    '三.(一).5',
    '三级以上系统同步开展商用密码应用安全性评估',
    'Level ≥ 3: cryptography assessment (密评) yearly with the level assessment',
  ),
  rule(
    'CII-1',
    'MAJOR',
    '三.(二).6',
    '关基认定记录保护工作部门并通知运营者和公安机关',
    'CII designation names the protection department and records notifications',
  ),
  rule(
    'CII-2',
    'BLOCKER',
    '三.(二).9',
    '关基运营者设置专门安全管理机构并明确负责人',
    'CII operator has a dedicated security body and a named head',
  ),
  rule(
    'CII-3',
    'BLOCKER',
    '三.(二).9',
    '关基安全管理机构负责人和关键岗位人员通过有效背景审查',
    'Head of the security body and key-position persons have a passed, unexpired background check',
  ),
  rule(
    'CII-4',
    'BLOCKER',
    '三.(二).7；《关键信息基础设施安全保护条例》第十七条',
    '关基每年至少开展一次等级测评和安全检测评估',
    'CII: level assessment and CII security test/evaluation at least yearly',
  ),
  {
    ...rule(
      'CII-5',
      'MAJOR',
      '三.(二).7',
      '建立资产档案，收敛互联网暴露面',
      'Asset inventory; every internet exposure justified',
    ),
    checkNote:
      "Each internet exposure of a CII system first seen by asOf without a justification (justifyExposure) valid on asOf. The asset inventory itself is the registry's data and is not judged.",
  },
  rule(
    'CII-6',
    'MAJOR',
    '三.(二).8',
    '重要网络和数据库容灾备份',
    'Disaster backup of important networks and databases',
  ),
  rule(
    'CII-7',
    'BLOCKER',
    '三.(二).8',
    '个人信息和重要数据境内存储，出境须经安全评估',
    'Data stored in China; cross-border transfer only with a security assessment',
  ),
  rule(
    'CII-8',
    'BLOCKER',
    '三.(二).9',
    '可能影响国家安全的采购须通过安全审查',
    'Procurement affecting national security passed a security review',
  ),
  {
    ...rule(
      'CII-9',
      'MAJOR',
      '三.(二).9',
      '关基服务机构和人员纳入安全管理',
      'CII service organisations and personnel under security management',
    ),
    checkNote:
      'SUP-1 (partial), SUP-2 and SUP-3 for CII systems whatever their level, under the CII legal basis; a CII system of level ≥ 3 is also reported under SUP-1..3.',
  },
  {
    ...rule(
      'MON-1',
      'MAJOR',
      '三.(三).10',
      '第三方监测机构开展监测前向公安机关报备',
      'Third-party monitoring companies registered before starting',
    ),
    checkNote:
      'Per (monitoring vendor, system): a MONITORING service in force with no registration (recordMonitoringRegistration) on or before the day the monitoring started; a later registration is still a finding (the duty is to report before starting).',
  },
  {
    ...rule(
      'MON-2',
      'MAJOR',
      '三.(三).10',
      '重要系统每个互联网出口部署监测设备接入公安平台',
      'A monitoring device at each internet egress',
    ),
    checkNote:
      'Important systems = live level ≥ 3 systems and CII systems: a finding when no internet egress is recorded, and for each egress without a monitoring device installed, not removed and feeding the police platform on asOf.',
  },
  rule(
    'INC-1',
    'BLOCKER',
    '三.(三).11、12；《网络安全事件报告管理办法》（2025）',
    '网络安全事件及时报告，关基重大事件1小时内报告',
    'Incidents reported; CII major incident within 1 hour',
  ),
  rule(
    'DRL-1',
    'MAJOR',
    '三.(三).12',
    '三级以上系统和关基定期开展应急演练',
    'Level ≥ 3 and CII: emergency drills at least yearly',
  ),
  {
    ...rule('INS-1', 'ADVISORY', '三.(三).14', '定期开展自查', 'Self-inspection at least yearly'),
    checkNote:
      'Every live system is due a self-inspection by Y(last, interval) from go-live (default yearly, COMPLIANCE_SELF_INSPECTION_INTERVAL_YEARS); an operator-wide self-inspection covers each of its systems.',
  },
];

export const RULES_BY_ID: ReadonlyMap<string, RuleDef> = new Map(RULES.map((r) => [r.id, r]));
export const CHECKABLE_RULE_IDS = RULES.filter((r) => r.checkable).map((r) => r.id);
