import {
  FINDING_KINDS,
  type FindingKind,
  type NetworkTaskKind,
  type NetworkTaskReportContent,
  type NetworkTaskStatus,
  networkTaskReportContent,
  outcomeOfReport,
} from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.js';
import { systemContext } from '../../platform/context.js';
import { type Db, type Executor, rows } from '../../platform/db.js';

/** The seeded generator of the demo (seed/random.ts), so the same seed gives the same tasks. */
export interface TaskSeedRandom {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export interface NetworkTaskSeedOptions {
  random: TaskSeedRandom;
  /** A person's name (parties, people notified). */
  name: (random: TaskSeedRandom) => string;
  now?: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const chinaDay = (moment: Date) => new Date(moment.getTime() + 8 * HOUR).toISOString().slice(0, 10);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** A moment on a China Standard Time day. */
const at = (day: string, hour: number, minute = 0) =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + hour * HOUR + minute * 60_000).toISOString();

type OtherKind = Exclude<NetworkTaskKind, 'delivery'>;
const OTHER_KINDS: readonly OtherKind[] = ['mediation', 'investigation', 'petition-risk', 'dispute-report', 'circuit-liaison'];

const VILLAGES = ['前进村', '红旗村', '新立村', '胜利村', '东风村', '长山村', '太平村', '兴隆村'];
const DISPUTES = ['邻里宅基地', '土地承包', '婚姻家庭', '民间借贷', '劳务报酬', '赡养'];
const DECLINE_REASONS = [
  '本人近期外出务工，无法按期办理',
  '与当事人系近亲属，应当回避',
  '身体原因暂不能外出，请改派他人',
  '该村不在本人联系范围，建议派给当地协助员',
];
const FINDING_TEXTS: Record<FindingKind, string[]> = {
  whereabouts: ['被执行人现在本村父母家居住，白天外出打零工', '经村民反映，当事人已于上月前往长春市打工，租住在绿园区'],
  'real-estate': ['当事人名下有本村宅基地房屋一处，约120平方米', '当事人在镇上购有商品房一套，尚未办理产权登记'],
  vehicle: ['当事人使用一辆白色小型货车从事运输，车辆登记在其配偶名下', '院内停放农用拖拉机一台'],
  business: ['当事人在镇集市经营农资门市，每日正常营业', '当事人承包村东鱼塘约二十亩'],
  income: ['当事人在本地物流园区做装卸工，月收入约四千元', '当事人每年领取土地流转费约八千元'],
};
const ATTITUDES = [
  '当事人对判决结果有意见，表示要到上级法院反映',
  '当事人情绪平稳，表示愿意等待法院处理结果',
  '当事人认为执行进度慢，多次在村里抱怨',
  '当事人家属情绪激动，称如不解决将集体上访',
];

interface Assistant {
  id: number;
  courtId: number;
  userId: number | null;
  name: string;
  startOn: string;
  stationId: number | null;
  stationAddress: string | null;
  assignerId: number;
  assignerName: string;
}

interface PlannedTask {
  id: number;
  courtId: number;
  kind: OtherKind;
  status: NetworkTaskStatus;
  assistantId: number;
  stationId: number | null;
  title: string;
  instructions: string;
  dueOn: string;
  declineReason: string | null;
  outcome: string | null;
  rating: number | null;
  assignedBy: number;
  assignedByName: string;
  createdAt: string;
  acceptedAt: string | null;
  /** When the assistant declined (the task's last change). */
  declinedAt: string | null;
  reportedAt: string | null;
  occurredAt: string | null;
  confirmedAt: string | null;
  confirmedOn: string | null;
  content: NetworkTaskReportContent | null;
  reportId: number | null;
  version: number;
}

function titleOf(random: TaskSeedRandom, kind: OtherKind, place: string): string {
  const dispute = random.pick(DISPUTES);
  switch (kind) {
    case 'mediation':
      return `协助调解${place}${dispute}纠纷`;
    case 'investigation':
      return `协助查找被执行人下落及财产线索（${place}）`;
    case 'petition-risk':
      return `了解${place}当事人信访风险`;
    case 'dispute-report':
      return `排查${place}矛盾纠纷`;
    case 'circuit-liaison':
      return `联系${place}巡回审判场地并通知当事人`;
  }
}

const INSTRUCTIONS: Record<OtherKind, string> = {
  mediation: '请约双方当事人到村委会当面调解，如实记录调解结果',
  investigation: '请走访了解当事人现住址、房产、车辆和经营收入情况',
  'petition-risk': '请了解当事人对案件处理的态度，评估信访风险',
  'dispute-report': '请排查辖区内新发矛盾纠纷，发现苗头及时报告',
  'circuit-liaison': '请落实巡回审判场地，通知当事人和村民代表旁听',
};

function contentOf(random: TaskSeedRandom, name: () => string, kind: OtherKind, place: string): NetworkTaskReportContent {
  const dispute = random.pick(DISPUTES);
  const raw: NetworkTaskReportContent = (() => {
    switch (kind) {
      case 'mediation': {
        const result = random.pick(['settled', 'settled', 'partly-settled', 'not-settled'] as const);
        const note =
          result === 'settled'
            ? `在${place}村委会组织双方调解，双方达成协议，当场履行`
            : result === 'partly-settled'
              ? `双方就主要争议达成一致，剩余款项约定下月给付`
              : `双方分歧较大，未能达成调解，已告知诉讼途径`;
        return { kind, result, note };
      }
      case 'investigation': {
        const count = random.next() < 0.2 ? 0 : random.int(1, 3);
        const kinds = [...new Set(Array.from({ length: count }, () => random.pick(FINDING_KINDS)))];
        return {
          kind,
          findings: kinds.map((k) => ({ kind: k, text: random.pick(FINDING_TEXTS[k]) })),
          note: kinds.length === 0 ? '走访村干部和邻居，未发现财产线索' : '',
        };
      }
      case 'petition-risk': {
        const attitude = random.pick(ATTITUDES);
        const riskLevel = attitude.includes('上访') ? 'high' : attitude.includes('上级') ? 'medium' : 'low';
        return { kind, attitude, riskLevel, note: riskLevel === 'low' ? '' : '建议承办法官近期约谈当事人，做好释法说理' };
      }
      case 'dispute-report':
        return {
          kind,
          parties: `${name()}、${name()}`,
          summary: `两户因${dispute}问题发生争执，已先行劝解，建议纳入诉前调解`,
          place: `${place}`,
        };
      case 'circuit-liaison':
        return { kind, venue: `${place}村委会会议室`, notified: [name(), name(), '村民代表'], note: '' };
    }
  })();
  return networkTaskReportContent.parse(raw);
}

/** The mix of a court's month: mostly confirmed in past months, every status in this one. */
function statusOf(random: TaskSeedRandom, past: boolean): NetworkTaskStatus {
  const roll = random.next();
  if (past) return roll < 0.9 ? 'confirmed' : 'declined';
  return roll < 0.3 ? 'confirmed' : roll < 0.47 ? 'reported' : roll < 0.63 ? 'accepted' : roll < 0.9 ? 'assigned' : 'declined';
}

/**
 * One task with its dates: assigned on `created`, reported some days later (now and then after
 * the due day), confirmed the day after; every moment before `today`.
 */
function planTask(
  random: TaskSeedRandom,
  name: () => string,
  a: Assistant,
  id: number,
  status: NetworkTaskStatus,
  created: string,
  today: string,
): PlannedTask {
  const kind = random.pick(OTHER_KINDS);
  const place = a.stationAddress?.match(/(.{2,6}村)/)?.[1] ?? random.pick(VILLAGES);
  const dueOn = plusDays(created, 5);
  const createdAt = at(created, random.int(8, 11), random.int(0, 59));
  const base: PlannedTask = {
    id,
    courtId: a.courtId,
    kind,
    status,
    assistantId: a.id,
    stationId: a.stationId,
    title: titleOf(random, kind, place),
    instructions: INSTRUCTIONS[kind],
    dueOn,
    declineReason: null,
    outcome: null,
    rating: null,
    assignedBy: a.assignerId,
    assignedByName: a.assignerName,
    createdAt,
    acceptedAt: null,
    declinedAt: null,
    reportedAt: null,
    occurredAt: null,
    confirmedAt: null,
    confirmedOn: null,
    content: null,
    reportId: null,
    version: 1,
  };
  if (status === 'assigned' || status === 'accepted') {
    // Open work: mostly due in the next days, a few already overdue.
    const overdue = random.next() < 0.15;
    base.dueOn = overdue ? plusDays(today, -random.int(1, 3)) : plusDays(today, random.int(0, 4));
    if (base.dueOn <= created) base.dueOn = plusDays(created, 1);
    if (status === 'accepted') {
      base.acceptedAt = at(created, 15, random.int(0, 59));
      base.version = 2;
    }
    return base;
  }
  if (status === 'declined') {
    base.declineReason = random.pick(DECLINE_REASONS);
    base.declinedAt = at(created, 16, random.int(0, 59));
    base.version = 2;
    return base;
  }
  // Reported or confirmed: the report comes 1–6 days after the assignment (6 is after the due day).
  const latest = status === 'confirmed' ? plusDays(today, -1) : today;
  let reportedOn = plusDays(created, random.int(1, 6));
  if (reportedOn >= latest) reportedOn = plusDays(latest, -1);
  if (reportedOn <= created) reportedOn = plusDays(created, 1);
  base.acceptedAt = at(created, 15, random.int(0, 59));
  base.occurredAt = at(reportedOn, 10, random.int(0, 59));
  base.reportedAt = at(reportedOn, 17, random.int(0, 59));
  base.content = contentOf(random, name, kind, place);
  base.outcome = outcomeOfReport(base.content);
  base.version = 3;
  if (status === 'confirmed') {
    const confirmedOn = plusDays(reportedOn, 1);
    base.confirmedOn = confirmedOn;
    base.confirmedAt = at(confirmedOn, random.int(9, 11), random.int(0, 59));
    base.rating = random.next() < 0.1 ? 2 : random.int(3, 5);
    base.version = 4;
  }
  return base;
}

/** The fixed plan of an assistant with an account (the `grassroots` demo): a phone page with work on it. */
const ACCOUNT_PLAN: { status: NetworkTaskStatus; daysAgo: number }[] = [
  { status: 'assigned', daysAgo: 1 },
  { status: 'assigned', daysAgo: 2 },
  { status: 'accepted', daysAgo: 3 },
  { status: 'reported', daysAgo: 6 },
  { status: 'confirmed', daysAgo: 20 },
  { status: 'confirmed', daysAgo: 45 },
  { status: 'confirmed', daysAgo: 75 },
  { status: 'declined', daysAgo: 90 },
];

async function nextIds(ex: Executor, table: 'network_tasks' | 'network_task_reports', count: number): Promise<number[]> {
  if (count === 0) return [];
  const found = await rows<{ id: number }>(
    ex,
    sql`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::int AS id FROM generate_series(1, ${count}) ORDER BY 1`,
  );
  return found.map((r) => r.id);
}

/**
 * Demo tasks of the grassroots assistants (once, when there are none): every assisted delivery
 * attempt of the delivery demo becomes the confirmed task it came from (report, trace, rating,
 * linked both ways), and over the last three full months and this one the active assistants
 * get mediation, investigation, petition-risk, dispute-report and circuit-liaison tasks in every
 * status. Each table is written with set-based statements.
 */
export async function seedNetworkTasks(db: Db, options: NetworkTaskSeedOptions, progress: (message: string) => void = () => undefined) {
  const [{ n }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM network_tasks`);
  if (n > 0) return 0;
  const { random } = options;
  const now = options.now ?? new Date();
  const today = chinaDay(now);
  const name = () => options.name(random);
  // Active assistants, their first station and the nearest judge of their court (or the court above a tribunal).
  const assistants = await rows<Assistant>(
    db,
    sql`SELECT a.id, a.court_id AS "courtId", a.user_id AS "userId", a.name, a.start_on::text AS "startOn",
          st.id AS "stationId", st.address AS "stationAddress", j.id AS "assignerId", j.display_name AS "assignerName"
        FROM network_assistants a JOIN courts c ON c.id = a.court_id
        LEFT JOIN LATERAL (SELECT s.id, s.address FROM network_assistant_stations x JOIN network_stations s ON s.id = x.station_id
          WHERE x.assistant_id = a.id ORDER BY s.id LIMIT 1) st ON true
        JOIN LATERAL (SELECT u.id, u.display_name FROM users u JOIN courts uc ON uc.id = u.court_id
          JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
          WHERE c.path LIKE uc.path || '%' AND r.code <> 'grassroots-assistant'
          ORDER BY length(uc.path) DESC, (r.code = 'judge') DESC, u.id LIMIT 1) j ON true
        WHERE a.status = 'active' ORDER BY a.id`,
  );
  if (assistants.length === 0) return 0;

  const plans: { a: Assistant; status: NetworkTaskStatus; created: string }[] = [];
  const monthStart = `${today.slice(0, 8)}01`;
  const dayOfMonth = Number(today.slice(8, 10));
  for (const a of assistants) {
    // Some assistants carry a full load (the assessment's ten tasks a month), most a part of it.
    const roll = random.next();
    const [least, most] = roll < 0.25 ? [8, 12] : roll < 0.6 ? [4, 6] : [1, 2];
    if (a.userId !== null) {
      for (const p of ACCOUNT_PLAN) {
        const created = plusDays(today, -p.daysAgo);
        if (created >= a.startOn) plans.push({ a, status: p.status, created });
      }
      continue;
    }
    for (let m = 3; m >= 0; m--) {
      const first = new Date(Date.parse(`${monthStart}T00:00:00Z`));
      first.setUTCMonth(first.getUTCMonth() - m);
      const firstDay = first.toISOString().slice(0, 10);
      const full = random.int(least, most);
      const count = m === 0 ? Math.max(1, Math.round((full * dayOfMonth) / 30)) : full;
      for (let i = 0; i < count; i++) {
        const status = statusOf(random, m > 0);
        // This month's work was given in the last two weeks; a past month's at any time of it.
        let created = m === 0 ? plusDays(today, -random.int(status === 'confirmed' ? 3 : 1, 14)) : plusDays(firstDay, random.int(0, 24));
        if (created > plusDays(today, -9) && m > 0) created = plusDays(today, -9);
        if (created < a.startOn) continue;
        plans.push({ a, status, created });
      }
    }
  }

  // Ids in the order the work was given, as if assigned day by day (the lists are newest first).
  plans.sort((x, y) => (x.created < y.created ? -1 : x.created > y.created ? 1 : 0));

  return db.transaction(async (tx) => {
    // 1. The assisted deliveries the delivery demo recorded, as the confirmed tasks behind them: an
    //    active assistant of the case's court or one of its tribunals, picked by the attempt's id.
    const delivery = await rows<{ n: number }>(
      tx,
      sql`WITH att AS (
            SELECT da.id AS attempt_id, da.task_id, da.court_id, da.outcome, da.attempted_at, da.recorded_by, da.recorded_by_name,
                   dt.case_id, dt.party_id, dt.document_kind
            FROM delivery_attempts da JOIN delivery_tasks dt ON dt.id = da.task_id
            WHERE da.method = 'assisted'
          ),
          pool AS (
            SELECT c.id AS court_id, a.id, a.name, (row_number() OVER (PARTITION BY c.id ORDER BY a.id) - 1)::int AS rn,
                   count(*) OVER (PARTITION BY c.id)::int AS n
            FROM courts c JOIN courts ac ON ac.path LIKE c.path || '%'
            JOIN network_assistants a ON a.court_id = ac.id AND a.status = 'active'
            WHERE c.id IN (SELECT court_id FROM att)
          ),
          chosen AS (
            SELECT att.*, pool.id AS assistant_id, pool.name AS assistant_name,
                   (SELECT min(x.station_id) FROM network_assistant_stations x WHERE x.assistant_id = pool.id) AS station_id,
                   least(att.attempted_at + interval '1 hour',
                         (((att.attempted_at AT TIME ZONE 'Asia/Shanghai')::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') - interval '1 minute',
                         now()) AS confirmed_at
            FROM att JOIN pool ON pool.court_id = att.court_id AND pool.rn = mod(att.attempt_id * 7, pool.n)
          ),
          inserted AS (
            INSERT INTO network_tasks (court_id, kind, status, assistant_id, station_id, case_id, party_id, delivery_task_id, title,
              instructions, due_on, outcome, rating, delivery_attempt_id, assigned_by, assigned_by_name, accepted_at, reported_at,
              confirmed_at, confirmed_on, confirmed_by, version, created_at, updated_at)
            SELECT ch.court_id, 'delivery', 'confirmed', ch.assistant_id, ch.station_id, ch.case_id, ch.party_id, ch.task_id,
              CASE ch.document_kind WHEN 'summons' THEN '协助送达传票' WHEN 'complaint-copy' THEN '协助送达起诉状副本'
                WHEN 'response-notice' THEN '协助送达应诉通知书' WHEN 'evidence-notice' THEN '协助送达举证通知书' ELSE '协助送达诉讼文书' END,
              '请核对受送达人身份后当面送达，拍摄送达回证照片', (ch.attempted_at AT TIME ZONE 'Asia/Shanghai')::date + 1,
              CASE WHEN ch.outcome = 'success' THEN 'success' ELSE 'failure' END,
              CASE WHEN mod(ch.attempt_id, 10) = 0 THEN 2 ELSE 3 + mod(ch.attempt_id * 7, 3) END,
              ch.attempt_id, coalesce(ch.recorded_by, (SELECT min(u.id) FROM users u WHERE u.court_id = ch.court_id), 1), ch.recorded_by_name,
              ch.attempted_at - interval '46 hours', ch.attempted_at + (ch.confirmed_at - ch.attempted_at) / 2,
              ch.confirmed_at, (ch.attempted_at AT TIME ZONE 'Asia/Shanghai')::date,
              coalesce(ch.recorded_by, (SELECT min(u.id) FROM users u WHERE u.court_id = ch.court_id), 1), 4,
              ch.attempted_at - interval '2 days', ch.confirmed_at
            FROM chosen ch
            RETURNING id, delivery_attempt_id
          ),
          persons AS (
            UPDATE delivery_attempts da SET person = '司法协助员 ' || ch.assistant_name
            FROM chosen ch WHERE da.id = ch.attempt_id RETURNING da.id
          )
          SELECT (SELECT count(*)::int FROM inserted) + 0 * (SELECT count(*) FROM persons)::int AS n`,
    );
    await tx.execute(
      sql`INSERT INTO network_task_reports (task_id, assistant_id, idempotency_key, occurred_at, content, outcome, submitted_by, submitted_at)
          SELECT t.id, t.assistant_id, 'seed-report-' || lpad(t.id::text, 8, '0'), da.attempted_at,
            jsonb_build_object('kind', 'delivery', 'outcome', da.outcome,
              'receiver', CASE WHEN da.outcome = 'success' THEN coalesce(p.name, '') ELSE '' END,
              'place', CASE WHEN coalesce(dt.address, p.address, '') = '' THEN '受送达人住所' ELSE coalesce(dt.address, p.address) END,
              'note', CASE da.outcome WHEN 'success' THEN '当面签收，已拍摄送达回证' WHEN 'refused' THEN '受送达人拒绝签收'
                WHEN 'unsigned' THEN '多次上门无人，未能签收' WHEN 'phone-empty' THEN '电话空号，无法联系' ELSE '' END),
            t.outcome, coalesce(a.user_id, t.assigned_by), t.reported_at
          FROM network_tasks t JOIN delivery_attempts da ON da.id = t.delivery_attempt_id JOIN delivery_tasks dt ON dt.id = t.delivery_task_id
          JOIN network_assistants a ON a.id = t.assistant_id LEFT JOIN case_parties p ON p.id = dt.party_id
          WHERE t.kind = 'delivery'`,
    );
    await tx.execute(
      sql`UPDATE network_tasks t SET report_id = r.id FROM network_task_reports r WHERE r.task_id = t.id AND t.report_id IS NULL`,
    );

    // 2. The other kinds, in every status.
    const ids = await nextIds(tx, 'network_tasks', plans.length);
    const planned = plans.map((p, i) => planTask(random, name, p.a, ids[i], p.status, p.created, today));
    const reported = planned.filter((p) => p.content !== null);
    const reportIds = await nextIds(tx, 'network_task_reports', reported.length);
    for (const [i, p] of reported.entries()) p.reportId = reportIds[i];
    if (planned.length > 0) {
      await tx.execute(
        sql`INSERT INTO network_tasks (id, court_id, kind, status, assistant_id, station_id, title, instructions, due_on, decline_reason,
              report_id, outcome, rating, assigned_by, assigned_by_name, accepted_at, reported_at, confirmed_at, confirmed_on, confirmed_by, version,
              created_at, updated_at)
            SELECT p.id, p."courtId", p.kind, p.status, p."assistantId", p."stationId", p.title, p.instructions, p."dueOn"::date,
              p."declineReason", p."reportId", p.outcome, p.rating, p."assignedBy", p."assignedByName", p."acceptedAt"::timestamptz,
              p."reportedAt"::timestamptz, p."confirmedAt"::timestamptz, p."confirmedOn"::date,
              CASE WHEN p.status = 'confirmed' THEN p."assignedBy" END, p.version, p."createdAt"::timestamptz,
              coalesce(p."confirmedAt", p."reportedAt", p."declinedAt", p."acceptedAt", p."createdAt")::timestamptz
            FROM jsonb_to_recordset(${JSON.stringify(planned)}::jsonb) AS p(id int, "courtId" int, kind text, status text,
              "assistantId" int, "stationId" int, title text, instructions text, "dueOn" text, "declineReason" text, "reportId" int, outcome text,
              rating int, "assignedBy" int, "assignedByName" text, "acceptedAt" text, "reportedAt" text, "confirmedAt" text,
              "confirmedOn" text, version int, "createdAt" text, "declinedAt" text)`,
      );
      await tx.execute(
        sql`INSERT INTO network_task_reports (id, task_id, assistant_id, idempotency_key, occurred_at, content, outcome, submitted_by,
              submitted_at)
            SELECT p."reportId", p.id, t.assistant_id, 'seed-report-' || lpad(p.id::text, 8, '0'), p."occurredAt"::timestamptz, p.content, t.outcome,
              coalesce(a.user_id, t.assigned_by), t.reported_at
            FROM jsonb_to_recordset(${JSON.stringify(reported.map(({ id, reportId, occurredAt, content }) => ({ id, reportId, occurredAt, content })))}::jsonb)
              AS p(id int, "reportId" int, "occurredAt" text, content jsonb)
            JOIN network_tasks t ON t.id = p.id JOIN network_assistants a ON a.id = t.assistant_id`,
      );
    }

    // 3. The trace of every task, from its own moments: assign, accept or decline, report, confirm.
    await tx.execute(
      sql`INSERT INTO network_task_events (task_id, action, from_status, to_status, note, actor_id, actor_name, at)
          SELECT t.id, e.action, e.from_status, e.to_status, e.note, e.actor_id, e.actor_name, e.at
          FROM network_tasks t JOIN network_assistants a ON a.id = t.assistant_id
          CROSS JOIN LATERAL (VALUES
            (1, 'assign', NULL, 'assigned', a.name || ' · ' || t.due_on::text, t.assigned_by, t.assigned_by_name, t.created_at),
            (2, 'accept', 'assigned', 'accepted', '', a.user_id, a.name, t.accepted_at),
            (3, 'decline', 'assigned', 'declined', t.decline_reason, a.user_id, a.name, CASE WHEN t.status = 'declined' THEN t.updated_at END),
            (4, 'report', 'accepted', 'reported', '', a.user_id, a.name, t.reported_at),
            (5, 'confirm', 'reported', 'confirmed', '', t.confirmed_by, t.assigned_by_name, t.confirmed_at)
          ) AS e(step, action, from_status, to_status, note, actor_id, actor_name, at)
          WHERE e.at IS NOT NULL
          ORDER BY t.id, e.step`,
    );
    const [{ total }] = await rows<{ total: number }>(tx, sql`SELECT count(*)::int AS total FROM network_tasks`);
    const summary = { tasks: total, deliveries: delivery[0]?.n ?? 0 };
    progress(`network tasks: ${total} tasks (${summary.deliveries} assisted deliveries)`);
    await recordAudit(tx, systemContext('seed'), {
      entityType: 'network-task',
      entityId: 0,
      action: 'seed',
      courtId: null,
      after: summary,
    });
    return total;
  });
}
