import type { Calendar, DeliveryDocumentKind, DeliveryMethod, DeliveryOutcome, DeliveryStatus } from '@courtassist/contracts';
import type { Db } from '../../platform/db.js';
import { storedCalendar } from '../calendar/index.js';
import {
  hasTasks,
  insertSeedRows,
  nextTaskIds,
  type SeedAttempt,
  type SeedCall,
  type SeedConfirmation,
  type SeedOrderRecord,
  type SeedTask,
  seedDeliveryOrders,
} from './delivery.repository.js';
import { type AttemptFacts, announcementEffectiveOn, effectOf, nextStep, type TaskFacts } from './delivery.rules.js';

/** The seeded generator of the demo (seed/random.ts), so the same seed gives the same deliveries. */
export interface SeedRandom {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export interface DeliverySeedOptions {
  random: SeedRandom;
  /** A person's name, for the grassroots assistants who help. */
  name: (random: SeedRandom) => string;
  /** Cases with delivery data, out of ten. */
  share?: number;
  now?: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const chinaDay = (moment: Date) => new Date(moment.getTime() + 8 * HOUR).toISOString().slice(0, 10);

const DISTRICTS = ['南关区', '朝阳区', '宽城区', '二道区', '绿园区', '双阳区', '九台区', '农安县', '德惠市', '榆树市'];
const STREETS = ['人民大街', '自由大路', '解放大路', '亚泰大街', '卫星路', '西安大路', '南湖大路', '东盛大街', '长白路', '吉林大路'];
const VILLAGES = ['前进村', '红旗村', '新立村', '胜利村', '东风村', '太平村', '兴隆村'];

function addressOf(random: SeedRandom): string {
  const district = random.pick(DISTRICTS);
  if (district.endsWith('县') || district.endsWith('市'))
    return `长春市${district}${random.pick(['合隆镇', '米沙子镇', '五棵树镇'])}${random.pick(VILLAGES)}${random.int(1, 12)}组`;
  return `长春市${district}${random.pick(STREETS)}${random.int(1, 3999)}号${random.int(1, 12)}栋${random.int(1, 6)}单元${random.int(101, 1802)}室`;
}

/** Realistic outcome mixes by method: the post is often returned, service in person mostly succeeds. */
const OUTCOME_MIX: Record<DeliveryMethod, [DeliveryOutcome, number][]> = {
  electronic: [
    ['success', 0.9],
    ['send-failed', 0.06],
    ['phone-empty', 0.04],
  ],
  postal: [
    ['success', 0.55],
    ['unsigned', 0.22],
    ['refused', 0.09],
    ['no-such-person', 0.07],
    ['address-unknown', 0.07],
  ],
  direct: [
    ['success', 0.82],
    ['unsigned', 0.1],
    ['refused', 0.08],
  ],
  'left-at-residence': [['success', 1]],
  entrusted: [
    ['success', 0.8],
    ['unsigned', 0.2],
  ],
  assisted: [
    ['success', 0.78],
    ['unsigned', 0.12],
    ['phone-empty', 0.05],
    ['refused', 0.05],
  ],
  announcement: [['success', 1]],
};

function outcomeOf(random: SeedRandom, method: DeliveryMethod): DeliveryOutcome {
  let roll = random.next();
  for (const [outcome, weight] of OUTCOME_MIX[method]) {
    roll -= weight;
    if (roll < 0) return outcome;
  }
  return OUTCOME_MIX[method][0][0];
}

/** Days until the next attempt after one by this method (a returned letter takes a week to come back). */
const GAP_DAYS: Record<DeliveryMethod, [number, number]> = {
  electronic: [0, 1],
  postal: [5, 8],
  direct: [1, 3],
  'left-at-residence': [1, 2],
  entrusted: [10, 15],
  assisted: [2, 4],
  announcement: [0, 0],
};

const ENTRUSTED_COURTS = [
  '吉林省吉林市船营区人民法院',
  '吉林省四平市铁西区人民法院',
  '辽宁省沈阳市和平区人民法院',
  '黑龙江省哈尔滨市道里区人民法院',
];

const FOLLOW_UPS: [string, string][] = [
  ['answered', '告知受送达人到法院领取诉讼文书'],
  ['answered', '核实送达地址，当事人确认现住址'],
  ['no-answer', '无人接听，次日再次拨打'],
  ['callback', '约定明日上午回电确认领取时间'],
  ['wrong-number', '号码有误，转协助送达核实'],
  ['refused', '当事人拒绝提供地址，拟留置送达'],
];

interface TaskPlan {
  order: SeedOrderRecord;
  confirmed: boolean;
  kind: DeliveryDocumentKind;
  facts: TaskFacts;
  address: string;
  electronicAddress: string | null;
}

interface Simulated {
  status: DeliveryStatus;
  servedOn: string | null;
  servedMethod: DeliveryMethod | null;
  attempts: Omit<SeedAttempt, 'taskId'>[];
}

/**
 * One task's attempts, as a centre member would have made them: each method the one the rules
 * suggest after the last, each outcome drawn from the method's mix, each effect the rules' own
 * (effectOf), never later than now. An order still in the pool has had no attempt; an order
 * merely accepted at most a first one; an order in progress is not yet served.
 */
function simulate(random: SeedRandom, plan: TaskPlan, calendar: Calendar, now: Date, assistant: string): Simulated {
  const { order } = plan;
  const today = chinaDay(now);
  const limit = order.orderStatus === 'initiated' ? 0 : order.orderStatus === 'accepted' ? 1 : 6;
  const mustStayOpen = order.orderStatus === 'accepted' || order.orderStatus === 'in-progress';
  const done: AttemptFacts[] = [];
  const attempts: Simulated['attempts'] = [];
  let status: DeliveryStatus = 'pending';
  let servedOn: string | null = null;
  let servedMethod: DeliveryMethod | null = null;
  let at = new Date(new Date(order.createdAt).getTime() + random.int(2, 26) * HOUR);
  while (attempts.length < limit) {
    const step = nextStep(status, done, plan.facts);
    if (!step || at.getTime() > now.getTime() - HOUR) break;
    // Mostly the suggested step; but a party often comes to court to collect the documents (直接送达),
    // and a party living far away is served by the court of the place (委托送达).
    const roll = done.length === 0 ? random.next() : 1;
    const method: DeliveryMethod = roll < 0.2 ? 'direct' : roll < 0.23 ? 'entrusted' : step.method;
    const outcome = outcomeOf(random, method);
    if (mustStayOpen && outcome === 'success') break;
    const attemptedOn = chinaDay(at);
    const effectiveOn = method === 'announcement' ? announcementEffectiveOn(attemptedOn, calendar) : null;
    const electronicAddress = method === 'electronic' ? plan.electronicAddress : null;
    const facts: AttemptFacts = { method, outcome, attemptedOn, electronicAddress, effectiveOn };
    const effect = effectOf(facts, plan.facts, today);
    done.push(facts);
    attempts.push({
      courtId: order.courtId,
      method,
      outcome,
      attemptedAt: at.toISOString(),
      person: personOf(method, order, assistant),
      recordedBy: order.handlerId,
      recordedByName: order.handlerName ?? '集约中心',
      trackingNumber: method === 'postal' ? `E${random.pick(['A', 'B', 'C', 'Y'])}${random.int(100_000_000, 999_999_999)}CN` : null,
      postalReturnStatus: method === 'postal' ? (outcome === 'success' ? 'signed' : 'returned') : null,
      electronicAddress,
      readAt:
        method === 'electronic' && outcome === 'success' && random.next() < 0.7
          ? new Date(at.getTime() + random.int(1, 30) * HOUR).toISOString()
          : null,
      publishedOn: method === 'announcement' ? attemptedOn : null,
      effectiveOn,
      entrustedCourt: method === 'entrusted' ? random.pick(ENTRUSTED_COURTS) : null,
      note: method === 'announcement' ? '人民法院报刊登' : '',
    });
    status = effect.status;
    if (effect.servedOn) {
      servedOn = effect.servedOn;
      servedMethod = method;
      break;
    }
    const [least, most] = GAP_DAYS[method];
    at = new Date(at.getTime() + random.int(least, most) * DAY + random.int(1, 8) * HOUR);
  }
  // An electronic read time cannot lie in the future either.
  for (const a of attempts) if (a.readAt && a.readAt > now.toISOString()) a.readAt = null;
  return { status, servedOn, servedMethod, attempts };
}

function personOf(method: DeliveryMethod, order: SeedOrderRecord, assistant: string): string {
  switch (method) {
    case 'electronic':
      return '电子送达平台';
    case 'postal':
      return 'EMS 投递员';
    case 'assisted':
      return `司法协助员 ${assistant}`;
    case 'announcement':
      return '人民法院报';
    default:
      return order.handlerName ?? '集约中心';
  }
}

/** First-instance documents for every defendant; an evidence notice in civil and administrative cases. */
function documentsOf(random: SeedRandom, caseTypeCode: string): DeliveryDocumentKind[] {
  const kinds: DeliveryDocumentKind[] = ['complaint-copy', 'summons'];
  if (caseTypeCode !== '刑初') kinds.push('response-notice');
  if (caseTypeCode !== '刑初' && random.next() < 0.6) kinds.push('evidence-notice');
  return kinds;
}

/**
 * Demo deliveries (once, into a database that has none): for the 送达 orders of a share of the
 * demo cases, tasks per defendant and document with address snapshots, address confirmations for
 * about a third of the parties (most with a mobile number for electronic service), attempts
 * generated by the module's own rules, a few ended as undeliverable, and hotline calls. Each table
 * is written in one statement.
 */
export async function seedDelivery(db: Db, options: DeliverySeedOptions, progress: (message: string) => void = () => undefined) {
  if (await hasTasks(db)) return 0;
  const { random } = options;
  const now = options.now ?? new Date();
  const orders = await seedDeliveryOrders(db, options.share ?? 6);
  if (orders.length === 0) return 0;
  const year = Number(chinaDay(now).slice(0, 4));
  const calendar = await storedCalendar(db, year - 3, year + 1);
  const plans: TaskPlan[] = [];
  const confirmations: SeedConfirmation[] = [];
  const calls: SeedCall[] = [];
  for (const order of orders) {
    const address = addressOf(random);
    const confirmed = random.next() < 0.35;
    const electronicAddress = confirmed && order.partyPhone && random.next() < 0.75 ? order.partyPhone : null;
    if (confirmed)
      confirmations.push({
        courtId: order.courtId,
        caseId: order.caseId,
        partyId: order.partyId,
        address,
        phone: order.partyPhone,
        electronicAddress,
        signedOn: chinaDay(new Date(order.createdAt)),
        createdBy: order.handlerId,
      });
    const facts: TaskFacts = { confirmedElectronicAddress: electronicAddress, address };
    for (const kind of documentsOf(random, order.caseTypeCode)) plans.push({ order, confirmed, kind, facts, address, electronicAddress });
    if (order.orderStatus !== 'initiated' && random.next() < 0.12) {
      const [outcome, followUp] = random.pick(FOLLOW_UPS);
      const calledAt = new Date(Math.min(now.getTime() - HOUR, new Date(order.createdAt).getTime() + random.int(4, 120) * HOUR));
      calls.push({
        courtId: order.courtId,
        caseId: order.caseId,
        partyId: order.partyId,
        calledAt: calledAt.toISOString(),
        outcome,
        followUp,
        recordedBy: order.handlerId,
        recordedByName: order.handlerName ?? '送达热线',
      });
    }
  }
  const ids = await nextTaskIds(db, plans.length);
  const tasks: SeedTask[] = [];
  const attempts: SeedAttempt[] = [];
  for (const [i, plan] of plans.entries()) {
    const { order } = plan;
    const run = simulate(random, plan, calendar, now, options.name(random));
    // An organisation deregistered while the case ran: a few unserved tasks of settled orders were ended.
    const ended = run.status !== 'served' && order.partyKind === 'organisation' && order.orderStatus === 'completed' && random.next() < 0.5;
    const lastAt = run.attempts.at(-1)?.attemptedAt;
    tasks.push({
      id: ids[i],
      courtId: order.courtId,
      caseId: order.caseId,
      partyId: order.partyId,
      documentKind: plan.kind,
      workOrderId: order.orderId,
      address: plan.address,
      phone: order.partyPhone,
      electronicAddress: plan.electronicAddress,
      addressConfirmed: plan.confirmed,
      status: ended ? 'failed' : run.status,
      servedOn: ended ? null : run.servedOn,
      servedMethod: ended ? null : run.servedMethod,
      endReason: ended ? 'deregistered' : null,
      endDetail: ended ? '经查询国家企业信用信息公示系统，该公司已注销登记' : null,
      endedAt: ended ? new Date(Math.min(now.getTime() - HOUR, new Date(lastAt ?? order.createdAt).getTime() + DAY)).toISOString() : null,
      endedBy: ended ? order.handlerId : null,
      endedByName: ended ? (order.handlerName ?? '集约中心') : null,
      createdBy: order.handlerId,
      version: 1 + run.attempts.length + (ended ? 1 : 0),
      createdAt: new Date(new Date(order.createdAt).getTime() + HOUR).toISOString(),
    });
    for (const a of run.attempts) attempts.push({ ...a, taskId: ids[i] });
  }
  await db.transaction((tx) => insertSeedRows(tx, { tasks, attempts, confirmations, calls }));
  progress(
    `delivery: ${tasks.length} tasks, ${attempts.length} attempts, ${confirmations.length} address confirmations, ${calls.length} calls`,
  );
  return tasks.length;
}
