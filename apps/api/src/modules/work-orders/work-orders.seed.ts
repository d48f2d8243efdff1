import { DEFAULT_TEAM_TEMPLATE, type ResultField } from '@courtassist/contracts';
import type { Db } from '../../platform/db.js';
import {
  analyseSeedTables,
  type DefaultRule,
  type DefaultType,
  demoOrders,
  ensureCentreLeaders,
  ensureCentreTeams,
  ensureDefaultRules,
  ensureDefaultTypes,
} from './seed.repository.js';

const date = (key: string, labelZh: string, labelEn: string): ResultField => ({ key, labelZh, labelEn, kind: 'date' });
const textField = (key: string, labelZh: string, labelEn: string): ResultField => ({ key, labelZh, labelEn, kind: 'text' });
const select = (key: string, labelZh: string, labelEn: string, options: string[]): ResultField => ({
  key,
  labelZh,
  labelEn,
  kind: 'select',
  options,
});
const num = (key: string, labelZh: string, labelEn: string): ResultField => ({ key, labelZh, labelEn, kind: 'number' });
const item = (key: string, labelZh: string, labelEn: string) => ({ key, labelZh, labelEn });

const base = { limitHours: null, limitWorkingDays: null, checklist: [], autoDispatch: false, autoComplete: false };

export const DEFAULT_TYPES: DefaultType[] = [
  {
    ...base,
    code: 'delivery',
    nameZh: '送达',
    nameEn: 'Service of documents',
    limitWorkingDays: 5,
    resultFields: [
      select('method', '送达方式', 'Method', ['电子送达', '邮寄送达', '直接送达', '留置送达', '委托送达', '协助送达', '公告送达']),
      select('outcome', '送达结果', 'Outcome', ['成功', '拒收', '查无此人', '地址不详', '无人签收', '电话空号']),
      date('servedOn', '送达日期', 'Served on'),
    ],
    checklist: [
      item('summons', '传票', 'Summons'),
      item('complaintCopy', '起诉状副本', 'Copy of the complaint'),
      item('notice', '举证通知书', 'Notice of evidence period'),
    ],
  },
  {
    ...base,
    code: 'scheduling',
    nameZh: '排期',
    nameEn: 'Scheduling',
    limitWorkingDays: 3,
    resultFields: [date('hearingOn', '开庭日期', 'Hearing date'), textField('courtroom', '法庭', 'Courtroom')],
  },
  {
    ...base,
    code: 'archiving',
    nameZh: '卷宗归档',
    nameEn: 'Archiving',
    limitWorkingDays: 20,
    resultFields: [
      textField('archiveNumber', '归档号', 'Archive number'),
      num('volumes', '卷数', 'Volumes'),
      date('archivedOn', '归档日期', 'Archived on'),
    ],
    checklist: [item('bound', '装订完成', 'Bound'), item('indexed', '目录编制', 'Index made')],
  },
  {
    ...base,
    code: 'property-info',
    nameZh: '财产信息录入',
    nameEn: 'Property information entry',
    limitWorkingDays: 5,
    resultFields: [num('items', '财产线索条数', 'Property leads'), textField('summary', '财产情况摘要', 'Summary')],
  },
  {
    ...base,
    code: 'preservation',
    nameZh: '保全',
    nameEn: 'Preservation',
    limitHours: 48,
    resultFields: [
      select('measure', '保全措施', 'Measure', ['查封', '冻结', '扣押']),
      num('amount', '保全金额（元）', 'Amount (CNY)'),
      date('executedOn', '执行日期', 'Executed on'),
    ],
  },
  {
    ...base,
    code: 'e-catalogue',
    nameZh: '电子卷宗编目',
    nameEn: 'E-file cataloguing',
    limitWorkingDays: 2,
    autoDispatch: true,
    autoComplete: true,
    resultFields: [num('pages', '页数', 'Pages')],
  },
  {
    ...base,
    code: 'online-closure',
    nameZh: '网上报结',
    nameEn: 'Online closure report',
    limitWorkingDays: 3,
    autoComplete: true,
    resultFields: [date('reportedOn', '报结日期', 'Reported on')],
  },
  {
    ...base,
    code: 'hearing-record',
    nameZh: '庭审记录',
    nameEn: 'Hearing record',
    limitHours: 24,
    resultFields: [textField('recordNumber', '笔录编号', 'Record number'), num('pages', '页数', 'Pages')],
  },
  {
    ...base,
    code: 'material-intake',
    nameZh: '材料收转',
    nameEn: 'Material intake',
    limitHours: 8,
    resultFields: [textField('materials', '材料名称', 'Materials'), date('receivedOn', '接收日期', 'Received on')],
  },
  {
    ...base,
    code: 'correction',
    nameZh: '信息补正',
    nameEn: 'Information correction',
    limitWorkingDays: 3,
    resultFields: [textField('corrected', '补正内容', 'What was corrected')],
  },
];

const rule = (caseTypeCode: string, trigger: DefaultRule['trigger'], typeCode: string, per: DefaultRule['per'] = 'case'): DefaultRule => ({
  caseTypeCode,
  trigger,
  typeCode,
  per,
});
/** Trials: serve each defendant, schedule, catalogue; on closure archive and report online. */
const trial = (code: string) => [
  rule(code, 'assigned', 'delivery', 'defendant'),
  rule(code, 'assigned', 'scheduling'),
  rule(code, 'assigned', 'e-catalogue'),
  rule(code, 'closed', 'archiving'),
  rule(code, 'closed', 'online-closure'),
];

/** The automatic-start rules every court starts with (those of the first release, then one list for all courts). */
export const DEFAULT_RULES: DefaultRule[] = [
  ...trial('民初'),
  ...trial('民终'),
  ...trial('刑初'),
  ...trial('行初'),
  rule('执', 'assigned', 'property-info'),
  rule('执', 'assigned', 'e-catalogue'),
  rule('执', 'closed', 'archiving'),
  rule('执', 'closed', 'online-closure'),
  rule('执保', 'assigned', 'preservation'),
  rule('执保', 'closed', 'archiving'),
];

/**
 * Work-order data of the demo province, every step idempotent: a team (集约事务组) in each centre
 * department that has none, with the centre staff as members and the last of them as leader
 * (role centre-leader); the default types of every basic court and tribunal that has none (a
 * tribunal is served by its basic court's centre team) and the default automatic-start rules of
 * every court without rules; and, for demo cases without orders,
 * the orders their rules would have started, in plausible states.
 */
export async function seedWorkOrders(db: Db, progress: (message: string) => void = () => undefined): Promise<number> {
  return db.transaction(async (tx) => {
    await ensureCentreTeams(tx, DEFAULT_TEAM_TEMPLATE);
    await ensureCentreLeaders(tx);
    await ensureDefaultTypes(tx, DEFAULT_TYPES);
    await ensureDefaultRules(tx, DEFAULT_RULES);
    // Statistics for the rows just written: without them the planner takes the new types, rules
    // and teams for empty and joins a million generated cases to them row by row (measured: no end
    // in sight after 20 minutes; with them, minutes).
    await analyseSeedTables(tx);
    const orders = await demoOrders(tx);
    if (orders > 0) progress(`work orders: ${orders}`);
    return orders;
  });
}
