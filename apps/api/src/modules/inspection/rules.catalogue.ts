import type { InspectionSeverity, RuleArea } from '@courtassist/contracts';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The inspection rules (质检规则). Each rule's check is a SQL predicate over one case, aliased
 * `k` (a row of `cases`), true when the case FAILS the rule. Being plain predicates, the same
 * check serves the nightly batch (one INSERT … SELECT per rule over every inspected case) and the
 * check of one case on save (`k.id = $1`). Name, severity, case types and statuses are the
 * defaults of the rule's row in `inspection_rules`, which inspectors may change.
 */

export interface CheckContext {
  /** Today in China Standard Time, YYYY-MM-DD: the date of law the checks compare with. */
  today: string;
}

export type CaseStatusCode = 'pending-assignment' | 'open' | 'closed';

export interface RuleDefinition {
  code: string;
  area: RuleArea;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  severity: InspectionSeverity;
  caseTypes: string[] | null;
  caseStatuses: CaseStatusCode[];
  /** True when case `k` fails the rule. */
  check: (c: CheckContext) => SQL;
  /** Who should correct it; default: the judge (presiding judge), or the filer before assignment. */
  responsible?: SQL;
}

const ALL: CaseStatusCode[] = ['pending-assignment', 'open', 'closed'];
const RUNNING: CaseStatusCode[] = ['pending-assignment', 'open'];
const OPEN: CaseStatusCode[] = ['open'];
const CLOSED: CaseStatusCode[] = ['closed'];
const ASSIGNED: CaseStatusCode[] = ['open', 'closed'];

/** A hearing's calendar day in China Standard Time. */
const hearingDay = (alias: string) => sql.raw(`(${alias}.starts_at AT TIME ZONE 'Asia/Shanghai')::date`);
const today = (c: CheckContext) => sql`${c.today}::date`;

/** A party of the case matching `where` (alias p). */
const partyWhere = (where: string) => sql.raw(`EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = k.id AND ${where})`);
const hearingWhere = (where: string) => sql.raw(`EXISTS (SELECT 1 FROM hearings h WHERE h.case_id = k.id AND ${where})`);

// ID card (GB 11643) check character in SQL: the weighted digit sum mod 11 indexes '10X98765432'.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_SUM = ID_WEIGHTS.map((w, i) => `substr(p.id_number, ${i + 1}, 1)::int * ${w}`).join(' + ');
/** A well-formed 18-character number: the cast to int inside the CASE is then safe. */
const ID_SHAPE = `p.id_number ~ '^[0-9]{17}[0-9Xx]$'`;
export const ID_INVALID_SQL = `CASE WHEN ${ID_SHAPE} THEN substr('10X98765432', ((${ID_SUM}) % 11) + 1, 1) <> upper(substr(p.id_number, 18, 1)) ELSE true END`;
/** Unified social credit code (GB 32100): 18 characters of its alphabet, digits 3–8 a division code. */
export const CREDIT_CODE_SHAPE = `^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$`;

const DEFENDANT_ROLES = `('defendant','respondent','accused','appellee','enforcement-respondent','preservation-respondent','civil-defendant')`;
const CATEGORISED = sql.raw(
  `EXISTS (SELECT 1 FROM case_types ct WHERE ct.code = k.case_type_code AND ct.category IN ('civil','criminal','administrative'))`,
);

const rule = (
  code: string,
  area: RuleArea,
  names: [string, string],
  descriptions: [string, string],
  severity: InspectionSeverity,
  applies: { types?: string[]; statuses: CaseStatusCode[] },
  check: (c: CheckContext) => SQL,
  responsible?: SQL,
): RuleDefinition => ({
  code,
  area,
  nameZh: names[0],
  nameEn: names[1],
  descriptionZh: descriptions[0],
  descriptionEn: descriptions[1],
  severity,
  caseTypes: applies.types ?? null,
  caseStatuses: applies.statuses,
  check,
  responsible,
});

/** The responsible person of the case's first overdue (or long-running) active node. */
const nodeResponsible = (where: string) =>
  sql.raw(
    `(SELECT n.responsible_id FROM case_nodes n WHERE n.case_id = k.id AND n.status = 'active' AND ${where} ORDER BY n.due_on, n.id LIMIT 1)`,
  );

export const RULES: readonly RuleDefinition[] = [
  // ---- closure ----
  rule(
    'CLOSED_NO_METHOD',
    'closure',
    ['已结案件缺少结案方式', 'Closed case without closure method'],
    [
      '已结案件必须录入结案方式（判决、调解、撤诉等）。',
      'A closed case must record how it was closed (judgment, mediation, withdrawal …).',
    ],
    'error',
    { statuses: CLOSED },
    () => sql`k.closure_method IS NULL`,
  ),
  rule(
    'CLOSED_NO_DATE',
    'closure',
    ['已结案件缺少结案日期', 'Closed case without closure date'],
    ['已结案件必须录入结案日期。', 'A closed case must record its closure date.'],
    'error',
    { statuses: CLOSED },
    () => sql`k.closed_on IS NULL`,
  ),
  rule(
    'OPEN_WITH_CLOSURE_DATA',
    'closure',
    ['未结案件录有结案信息', 'Open case with closure data'],
    ['未结案件不应有结案日期或结案方式，请核实案件状态。', 'A case not closed must not carry a closure date or method; check its status.'],
    'error',
    { statuses: RUNNING },
    () => sql`(k.closed_on IS NOT NULL OR k.closure_method IS NOT NULL)`,
  ),
  rule(
    'JUDGMENT_WITHOUT_HEARING',
    'closure',
    ['一审判决结案但无开庭记录', 'First-instance judgment without a held hearing'],
    ['一审案件以判决结案的，应有已开庭的庭审记录。', 'A first-instance case closed by judgment must have a hearing recorded as held.'],
    'warning',
    { types: ['民初', '刑初', '行初'], statuses: CLOSED },
    () => sql`k.closure_method = 'judgment' AND NOT ${hearingWhere(`h.status = 'held'`)}`,
  ),
  rule(
    'CLOSED_WITH_SCHEDULED_HEARING',
    'closure',
    ['已结案件仍有待开庭排期', 'Closed case with a hearing still scheduled'],
    [
      '案件已结案，但仍有未开庭也未取消的排期，应取消或补录开庭情况。',
      'The case is closed but a hearing is still scheduled: cancel it or record it as held.',
    ],
    'warning',
    { statuses: CLOSED },
    () => hearingWhere(`h.status = 'scheduled'`),
  ),
  // ---- order of dates ----
  rule(
    'CLOSURE_BEFORE_HEARING',
    'dates',
    ['结案日期早于开庭日期', 'Closure before the last hearing'],
    ['结案日期不能早于最后一次已开庭日期。', 'The closure date cannot be earlier than the last hearing held.'],
    'error',
    { statuses: CLOSED },
    () => sql`k.closed_on < (SELECT max(${hearingDay('h')}) FROM hearings h WHERE h.case_id = k.id AND h.status = 'held')`,
  ),
  rule(
    'HEARING_BEFORE_FILING',
    'dates',
    ['开庭日期早于立案日期', 'Hearing before filing'],
    ['开庭日期不能早于立案日期。', 'A hearing cannot take place before the case was filed.'],
    'error',
    { statuses: ALL },
    () => sql`EXISTS (SELECT 1 FROM hearings h WHERE h.case_id = k.id AND h.status <> 'cancelled' AND ${hearingDay('h')} < k.filed_on)`,
  ),
  rule(
    'FILED_IN_FUTURE',
    'dates',
    ['立案日期晚于今天', 'Filing date in the future'],
    ['立案日期不能晚于今天。', 'The filing date cannot be later than today.'],
    'error',
    { statuses: ALL },
    (c) => sql`k.filed_on > ${today(c)}`,
  ),
  rule(
    'CASE_YEAR_MISMATCH',
    'dates',
    ['案号年度与立案年度不一致', 'Case-number year differs from filing year'],
    ['案号中的年度应为立案年度。', 'The year in the case number must be the year of filing.'],
    'error',
    { statuses: ALL },
    () => sql`k.year <> extract(year FROM k.filed_on)::int`,
  ),
  rule(
    'DEADLINE_BEFORE_FILING',
    'dates',
    ['审限届满日早于立案日期', 'Trial-limit deadline before filing'],
    ['审限届满日不能早于立案日期，请重新计算审限。', 'The trial-limit deadline cannot precede filing; recompute it.'],
    'error',
    { statuses: OPEN },
    () => sql`k.deadline_on < k.filed_on`,
  ),
  // ---- parties ----
  rule(
    'PERSON_NO_ID',
    'parties',
    ['自然人当事人缺少身份证号', 'Person without ID number'],
    ['自然人当事人应录入公民身份号码。', 'A party who is a person should have an identity card number.'],
    'warning',
    { statuses: ALL },
    () => partyWhere(`p.kind = 'person' AND coalesce(p.id_number, '') = ''`),
  ),
  rule(
    'PERSON_ID_INVALID',
    'parties',
    ['身份证号格式或校验位错误', 'Invalid ID number'],
    ['公民身份号码应为18位且校验位正确。', 'An identity card number has 18 characters and a correct check character.'],
    'error',
    { statuses: ALL },
    () => partyWhere(`p.kind = 'person' AND coalesce(p.id_number, '') <> '' AND ${ID_INVALID_SQL}`),
  ),
  rule(
    'PERSON_BIRTH_MISMATCH',
    'parties',
    ['出生日期与身份证号不符', 'Birth date does not match ID number'],
    ['当事人的出生日期应与身份证号第7至14位一致。', "A party's birth date must match digits 7–14 of the ID number."],
    'error',
    { statuses: ALL },
    () =>
      partyWhere(
        `p.kind = 'person' AND p.birth_date IS NOT NULL AND ${ID_SHAPE} AND to_char(p.birth_date, 'YYYYMMDD') <> substr(p.id_number, 7, 8)`,
      ),
  ),
  rule(
    'PERSON_GENDER_MISMATCH',
    'parties',
    ['性别与身份证号不符', 'Gender does not match ID number'],
    [
      '身份证号第17位奇数为男、偶数为女，应与登记的性别一致。',
      'Digit 17 of the ID number is odd for men and even for women; it must match the gender.',
    ],
    'warning',
    { statuses: ALL },
    () =>
      partyWhere(
        `p.kind = 'person' AND p.gender IN ('male','female') AND ${ID_SHAPE} AND (CASE WHEN ${ID_SHAPE} THEN substr(p.id_number, 17, 1)::int % 2 = 1 END) <> (p.gender = 'male')`,
      ),
  ),
  rule(
    'ORG_NO_CREDIT_CODE',
    'parties',
    ['单位当事人缺少统一社会信用代码', 'Organisation without credit code'],
    ['法人或其他组织当事人应录入统一社会信用代码。', 'A party that is an organisation should have a unified social credit code.'],
    'warning',
    { statuses: ALL },
    () => partyWhere(`p.kind = 'organisation' AND coalesce(p.credit_code, '') = ''`),
  ),
  rule(
    'ORG_CREDIT_CODE_FORMAT',
    'parties',
    ['统一社会信用代码格式错误', 'Malformed credit code'],
    ['统一社会信用代码为18位，由数字和规定的大写字母组成。', 'A unified social credit code has 18 digits and permitted capital letters.'],
    'error',
    { statuses: ALL },
    () => partyWhere(`p.kind = 'organisation' AND coalesce(p.credit_code, '') <> '' AND p.credit_code !~ '${CREDIT_CODE_SHAPE}'`),
  ),
  rule(
    'ORG_NO_LEGAL_REPRESENTATIVE',
    'parties',
    ['单位当事人缺少法定代表人', 'Organisation without legal representative'],
    ['法人或其他组织当事人应录入法定代表人或主要负责人。', 'An organisation party should name its legal representative or principal.'],
    'warning',
    { statuses: ALL },
    () => partyWhere(`p.kind = 'organisation' AND coalesce(p.legal_representative, '') = ''`),
  ),
  rule(
    'RESPONDENT_NO_ADDRESS',
    'parties',
    ['被告（被申请人）缺少地址', 'Defendant without address'],
    ['被告、被申请人、被告人等应录入地址，以便送达。', 'Defendants, respondents and the accused need an address for service.'],
    'warning',
    { statuses: RUNNING },
    () => partyWhere(`p.role IN ${DEFENDANT_ROLES} AND coalesce(p.address, '') = ''`),
  ),
  rule(
    'CIVIL_FIRST_MISSING_PARTY',
    'parties',
    ['民事一审缺少原告或被告', 'Civil first instance without plaintiff or defendant'],
    ['民事一审案件应至少有一名原告和一名被告。', 'A civil first-instance case needs at least one plaintiff and one defendant.'],
    'error',
    { types: ['民初'], statuses: ALL },
    () => sql`(NOT ${partyWhere(`p.role = 'plaintiff'`)} OR NOT ${partyWhere(`p.role = 'defendant'`)})`,
  ),
  rule(
    'NO_CONTACT_PHONE',
    'parties',
    ['当事人及代理人均无联系电话', 'No contact phone'],
    [
      '案件的当事人和代理人均未录入联系电话，无法电话联系或短信送达。',
      'Neither the parties nor their agents have a phone: no calls or SMS service possible.',
    ],
    'info',
    { statuses: RUNNING },
    () =>
      sql`NOT ${partyWhere(`coalesce(p.phone, '') <> ''`)} AND NOT EXISTS (SELECT 1 FROM case_agents a WHERE a.case_id = k.id AND coalesce(a.phone, '') <> '')`,
  ),
  // ---- cause of action ----
  rule(
    'CAUSE_MISSING',
    'cause',
    ['缺少案由', 'No cause of action'],
    ['民事、刑事、行政案件应录入案由。', 'Civil, criminal and administrative cases must record a cause of action.'],
    'error',
    { statuses: ALL },
    () => sql`k.cause_code IS NULL AND ${CATEGORISED}`,
  ),
  rule(
    'CAUSE_CATEGORY_MISMATCH',
    'cause',
    ['案由与案件类型不匹配', 'Cause does not match case type'],
    [
      '案由应属于案件类型对应的案由体系（民事、刑事、行政）。',
      'The cause must belong to the catalogue of the case type (civil, criminal, administrative).',
    ],
    'error',
    { statuses: ALL },
    () =>
      sql`EXISTS (SELECT 1 FROM case_types ct JOIN causes c ON c.code = k.cause_code
                  WHERE ct.code = k.case_type_code AND ct.category IN ('civil','criminal','administrative') AND c.category <> ct.category)`,
  ),
  rule(
    'CAUSE_NOT_IN_CATALOGUE',
    'cause',
    ['案由不在现行案由目录中', 'Cause not in the current catalogue'],
    ['案由应取自现行有效的案由目录。', 'The cause must come from the catalogue in force.'],
    'warning',
    { statuses: RUNNING },
    () => sql`k.cause_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM causes c WHERE c.code = k.cause_code AND c.active)`,
  ),
  // ---- claims ----
  rule(
    'CLAIM_AMOUNT_MISSING',
    'claim',
    ['民事一审缺少诉讼标的额', 'Civil first instance without claim amount'],
    ['民事一审案件应录入诉讼标的额。', 'A civil first-instance case should record the amount claimed.'],
    'warning',
    { types: ['民初'], statuses: ALL },
    () => sql`k.claim_amount IS NULL`,
  ),
  rule(
    'CLAIM_AMOUNT_NOT_POSITIVE',
    'claim',
    ['标的额不大于零', 'Claim amount not positive'],
    ['录入的标的额应大于零。', 'A recorded claim amount must be greater than zero.'],
    'error',
    { statuses: ALL },
    () => sql`k.claim_amount <= 0`,
  ),
  rule(
    'ENFORCEMENT_NO_AMOUNT',
    'claim',
    ['执行案件缺少申请执行标的', 'Enforcement case without amount'],
    ['执行实施案件应录入申请执行标的金额。', 'An enforcement case should record the amount to enforce.'],
    'warning',
    { types: ['执'], statuses: ALL },
    () => sql`k.claim_amount IS NULL`,
  ),
  // ---- assignment and procedure ----
  rule(
    'UNASSIGNED_TOO_LONG',
    'assignment',
    ['立案超过3日仍未分案', 'Unassigned more than 3 days after filing'],
    ['案件立案后超过3日仍未分配承办法官。', 'No judge was assigned within 3 days of filing.'],
    'warning',
    { statuses: ['pending-assignment'] },
    (c) => sql`k.filed_on < ${today(c)} - 3`,
  ),
  rule(
    'OPEN_WITHOUT_JUDGE',
    'assignment',
    ['审理中案件无承办法官', 'Open case without judge'],
    ['审理中的案件应有承办法官或审判长。', 'An open case must have a judge or a presiding judge.'],
    'error',
    { statuses: OPEN },
    () => sql`k.judge_id IS NULL AND k.presiding_judge_id IS NULL`,
  ),
  rule(
    'COLLEGIAL_WITHOUT_PRESIDING',
    'assignment',
    ['合议庭缺少审判长', 'Collegial panel without presiding judge'],
    ['组成合议庭审理的案件应确定审判长。', 'A case heard by a collegial panel must have a presiding judge.'],
    'error',
    { statuses: ASSIGNED },
    () => sql`k.collegial AND k.presiding_judge_id IS NULL`,
  ),
  rule(
    'COLLEGIAL_PANEL_TOO_SMALL',
    'assignment',
    ['合议庭成员不足三人', 'Collegial panel of fewer than three'],
    ['合议庭由三名以上单数成员组成。', 'A collegial panel has an odd number of at least three members.'],
    'error',
    { statuses: ASSIGNED },
    () => sql`k.collegial AND (SELECT count(*) FROM case_panel_members m WHERE m.case_id = k.id) < 3`,
  ),
  rule(
    'PROCEDURE_MISMATCH',
    'assignment',
    ['审理程序与案件类型不符', 'Procedure does not belong to the case type'],
    ['案件的审理程序应为该案件类型可用的程序。', 'The procedure must be one of those of the case type.'],
    'error',
    { statuses: ALL },
    () => sql`NOT EXISTS (SELECT 1 FROM procedures pr WHERE pr.code = k.procedure_code AND pr.case_type_code = k.case_type_code)`,
  ),
  // ---- trial limit ----
  rule(
    'DEADLINE_MISSING',
    'deadline',
    ['缺少审限届满日', 'No trial-limit deadline'],
    ['有审限的案件应计算并保存审限届满日。', 'A case whose procedure has a trial limit must carry its deadline.'],
    'error',
    { statuses: OPEN },
    () =>
      sql`k.deadline_on IS NULL AND EXISTS (SELECT 1 FROM procedures pr WHERE pr.code = k.procedure_code AND (pr.limit_months IS NOT NULL OR pr.limit_days IS NOT NULL))`,
  ),
  rule(
    'TRIAL_LIMIT_OVERDUE',
    'deadline',
    ['超审限未结', 'Trial limit exceeded'],
    ['案件已超过审限届满日仍未结案，且无中止。', 'The case is past its trial-limit deadline, not closed and not suspended.'],
    'error',
    { statuses: OPEN },
    (c) => sql`k.deadline_on < ${today(c)} AND NOT k.suspended`,
  ),
  rule(
    'SUSPENDED_WITHOUT_APPROVAL',
    'deadline',
    ['标记中止但无已批准的中止', 'Suspended without an approved suspension'],
    ['案件标记为中止审理，但没有已批准且尚未恢复的中止记录。', 'The case is marked suspended, but no approved suspension is running.'],
    'error',
    { statuses: OPEN },
    () =>
      sql`k.suspended AND NOT EXISTS (SELECT 1 FROM limit_changes lc WHERE lc.case_id = k.id AND lc.kind = 'suspension' AND lc.status = 'approved' AND lc.to_on IS NULL)`,
  ),
  rule(
    'APPROVED_SUSPENSION_NOT_APPLIED',
    'deadline',
    ['已批准中止但案件未标记中止', 'Approved suspension not applied'],
    [
      '有已批准且尚未恢复的中止，案件却未标记为中止审理，审限计算可能有误。',
      'An approved suspension is running but the case is not marked suspended: its deadline may be wrong.',
    ],
    'error',
    { statuses: OPEN },
    () =>
      sql`NOT k.suspended AND EXISTS (SELECT 1 FROM limit_changes lc WHERE lc.case_id = k.id AND lc.kind = 'suspension' AND lc.status = 'approved' AND lc.to_on IS NULL)`,
  ),
  // ---- nodes ----
  rule(
    'NODE_OVERDUE',
    'nodes',
    ['节点超期', 'Node overdue'],
    ['案件当前节点已超过节点时限仍未完成。', 'The active node of the case is past its due date.'],
    'warning',
    { statuses: OPEN },
    (c) => sql`EXISTS (SELECT 1 FROM case_nodes n WHERE n.case_id = k.id AND n.status = 'active' AND n.due_on < ${today(c)})`,
    // The person holding the node that is late: the active node with the earliest due date.
    nodeResponsible(`n.due_on IS NOT NULL`),
  ),
  rule(
    'DELIVERY_NODE_OVER_30_DAYS',
    'nodes',
    ['送达节点超过30日', 'Service node active over 30 days'],
    [
      '送达节点开始已超过30日仍未完成，应考虑公告送达等方式。',
      'Service of documents has been running for more than 30 days; consider other methods such as announcement.',
    ],
    'warning',
    { statuses: OPEN },
    (c) =>
      sql`EXISTS (SELECT 1 FROM case_nodes n WHERE n.case_id = k.id AND n.node = 'delivery' AND n.status = 'active'
                  AND (n.started_at AT TIME ZONE 'Asia/Shanghai')::date < ${today(c)} - 30)`,
    nodeResponsible(`n.node = 'delivery'`),
  ),
  rule(
    'ACTIVE_NODE_WITHOUT_RESPONSIBLE',
    'nodes',
    ['进行中节点无责任人', 'Active node without responsible person'],
    ['节点责任制要求每个进行中的节点都有责任人。', 'Every active node must have a responsible person.'],
    'warning',
    { statuses: OPEN },
    () => sql`EXISTS (SELECT 1 FROM case_nodes n WHERE n.case_id = k.id AND n.status = 'active' AND n.responsible_id IS NULL)`,
  ),
  // ---- hearings ----
  rule(
    'HEARING_HELD_IN_FUTURE',
    'hearings',
    ['未来的庭审被标记为已开庭', 'Future hearing marked held'],
    ['开庭时间尚未到来，不能标记为已开庭。', 'A hearing that has not started yet cannot be recorded as held.'],
    'error',
    { statuses: ALL },
    () => hearingWhere(`h.status = 'held' AND h.starts_at > now()`),
  ),
  rule(
    'HEARING_NOT_RECORDED',
    'hearings',
    ['开庭后未登记庭审结果', 'Hearing outcome not recorded'],
    [
      '排期的开庭时间已过一日以上，仍未登记为已开庭或取消。',
      'A scheduled hearing ended more than a day ago and is neither recorded as held nor cancelled.',
    ],
    'warning',
    { statuses: RUNNING },
    () => hearingWhere(`h.status = 'scheduled' AND h.ends_at < now() - interval '1 day'`),
  ),
  rule(
    'PUBLIC_HEARING_NOT_ANNOUNCED',
    'hearings',
    ['公开开庭未提前三日公告', 'Public hearing not announced three days ahead'],
    ['公开审理的案件应在开庭三日前公告。', 'A public hearing must be announced at least three full days before.'],
    'warning',
    { statuses: ALL },
    () =>
      hearingWhere(
        `h.status = 'held' AND h.is_public AND (h.announced_on IS NULL OR (h.starts_at AT TIME ZONE 'Asia/Shanghai')::date < h.announced_on + 4)`,
      ),
  ),
];

export const RULE_CODES: ReadonlySet<string> = new Set(RULES.map((r) => r.code));

export function ruleDefinition(code: string): RuleDefinition | undefined {
  return RULES.find((r) => r.code === code);
}

/** Default responsible person of a case's defect: the judge, the presiding judge, or before assignment the filer. */
export const DEFAULT_RESPONSIBLE = sql.raw('coalesce(k.judge_id, k.presiding_judge_id, k.filed_by)');
