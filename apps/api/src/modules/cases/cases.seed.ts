import { CASE_NODES, CASE_TYPES, CAUSES, type CaseTypeCode, formatCaseNumber, makeCreditCode, makeIdCard } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.js';
import { systemContext } from '../../platform/context.js';
import { type Db, type Executor, rows } from '../../platform/db.js';
import { storedDeadline } from '../deadlines/index.js';
import { addDaysIso, chinaToday } from './cases.rules.js';

/** The random source the generator needs (the seed's PRNG). */
export interface SeedRandom {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export interface CaseSeedOptions {
  random: SeedRandom;
  count: number;
  name: (random: SeedRandom) => string;
  phone: (random: SeedRandom) => string;
  progress?: (message: string) => void;
  /** Rows per statement; arrays are sent as parameters, so one statement carries a whole chunk. */
  chunk?: number;
}

/** Share of new cases by type at a basic court (intermediate courts hear appeals). */
const BASIC_MIX: [CaseTypeCode, number][] = [
  ['民初', 52],
  ['执', 20],
  ['民诉前调', 10],
  ['刑初', 8],
  ['民特', 3],
  ['执保', 3],
  ['行初', 2],
  ['执异', 2],
];
const INTERMEDIATE_MIX: [CaseTypeCode, number][] = [
  ['民终', 60],
  ['刑终', 10],
  ['行终', 8],
  ['民初', 10],
  ['民申', 7],
  ['执', 5],
];

interface CourtFacts {
  id: number;
  code: string;
  level: string;
  numberingCourtId: number;
  judges: { judgeId: number; teamId: number; departmentId: number; kind: string; assistantId: number | null; clerkId: number | null }[];
  weight: number;
}

async function courtFacts(ex: Executor): Promise<CourtFacts[]> {
  const courts = await rows<{ id: number; code: string; level: string; parentId: number | null }>(
    ex,
    sql`SELECT id, code, level, parent_id AS "parentId" FROM courts WHERE level <> 'higher' ORDER BY id`,
  );
  const judges = await rows<CourtFacts['judges'][number] & { courtId: number }>(
    ex,
    sql`SELECT t.court_id AS "courtId", tm.user_id AS "judgeId", t.id AS "teamId", t.department_id AS "departmentId", d.kind,
               (SELECT a.user_id FROM team_members a WHERE a.team_id = t.id AND a.position = 'assistant' LIMIT 1) AS "assistantId",
               (SELECT c.user_id FROM team_members c WHERE c.team_id = t.id AND c.position = 'clerk' LIMIT 1) AS "clerkId"
        FROM teams t JOIN departments d ON d.id = t.department_id JOIN team_members tm ON tm.team_id = t.id AND tm.position = 'judge'
        ORDER BY t.id`,
  );
  return courts.map((c) => ({
    id: c.id,
    code: c.code,
    level: c.level,
    numberingCourtId: c.level === 'tribunal' ? (c.parentId as number) : c.id,
    judges: judges.filter((j) => j.courtId === c.id),
    weight: c.level === 'basic' ? 6 : c.level === 'tribunal' ? 1.5 : 2,
  }));
}

function weighted<T>(random: SeedRandom, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let point = random.next() * total;
  for (const [item, w] of items) {
    point -= w;
    if (point < 0) return item;
  }
  return items[items.length - 1][0];
}

const CIVIL_CAUSES = CAUSES.filter((c) => c.category === 'civil' && c.level >= 3).map((c) => c.code);
const CRIMINAL_CAUSES = CAUSES.filter((c) => c.category === 'criminal' && c.code.split('.').length >= 2).map((c) => c.code);
const ADMIN_CAUSES = CAUSES.filter((c) => c.category === 'administrative' && c.level >= 2).map((c) => c.code);

function causeFor(random: SeedRandom, type: CaseTypeCode): string | null {
  const category = CASE_TYPES[type].category;
  if (category === 'criminal') return random.pick(CRIMINAL_CAUSES);
  if (category === 'administrative') return random.pick(ADMIN_CAUSES);
  if (category === 'civil' || category === 'mediation') return random.pick(CIVIL_CAUSES);
  return null;
}

const DEPARTMENT_FOR: Record<string, string[]> = {
  civil: ['civil', 'tribunal'],
  criminal: ['criminal', 'tribunal'],
  administrative: ['administrative'],
  enforcement: ['enforcement', 'tribunal'],
  mediation: ['civil', 'tribunal'],
};

const ORGANISATION_SUFFIX = ['有限公司', '商贸有限公司', '建筑工程有限公司', '物业服务有限公司', '农村信用合作联社', '房地产开发有限公司'];
const PLACES = ['长春', '吉林', '吉祥', '华信', '东北', '松花江', '长白山', '新世纪'];

interface Generated {
  caseRow: Record<string, unknown>;
  parties: Record<string, unknown>[];
}

/**
 * Generates `count` cases over the last two years with set-based inserts: ids drawn in bulk,
 * cases and parties sent as column arrays (`INSERT … SELECT * FROM unnest(…)`), nodes derived
 * in SQL from each case's current node. Numbers continue each court's sequence without gaps.
 */
export async function seedCases(db: Db, options: CaseSeedOptions): Promise<{ cases: number; parties: number }> {
  const { random } = options;
  const chunk = options.chunk ?? 5_000;
  const courts = (await courtFacts(db)).filter((c) => c.judges.length > 0);
  if (courts.length === 0) throw new Error('Load the demo province first: no court has trial teams.');
  const sequences = new Map(
    (
      await rows<{ key: string; last: number }>(
        db,
        sql`SELECT court_id || '/' || case_type_code || '/' || year AS key, last_seq AS last FROM case_sequences`,
      )
    ).map((r) => [r.key, r.last]),
  );
  const procedures = new Map(
    (
      await rows<{ code: string; months: number | null; days: number | null }>(
        db,
        sql`SELECT code, limit_months AS months, limit_days AS days FROM procedures`,
      )
    ).map((p) => [p.code, p]),
  );
  const today = chinaToday();
  const courtWeights = courts.map((c) => [c, c.weight] as [CourtFacts, number]);
  // Filing dates are drawn first and sorted, so numbers follow the order of filing within a year.
  const dates = Array.from({ length: options.count }, () => addDaysIso(today, -random.int(0, 729))).sort();
  let parties = 0;
  for (let start = 0; start < options.count; start += chunk) {
    const batch = dates
      .slice(start, start + chunk)
      .map((filedOn) => generateCase(options, courtWeights, sequences, procedures, filedOn, today));
    await db.transaction((tx) => insertBatch(tx, batch));
    parties += batch.reduce((s, g) => s + g.parties.length, 0);
    options.progress?.(`cases: ${Math.min(start + chunk, options.count)} / ${options.count}`);
  }
  await db.transaction(async (tx) => {
    await storeSequences(tx, sequences);
    await recordAudit(tx, systemContext('seed'), {
      entityType: 'case-set',
      entityId: options.count,
      action: 'seed',
      courtId: null,
      after: { cases: options.count, parties },
    });
  });
  return { cases: options.count, parties };
}

function generateCase(
  options: CaseSeedOptions,
  courtWeights: [CourtFacts, number][],
  sequences: Map<string, number>,
  procedures: Map<string, { code: string; months: number | null; days: number | null }>,
  filedOn: string,
  today: string,
): Generated {
  const { random } = options;
  const court = weighted(random, courtWeights);
  const type = weighted(random, court.level === 'intermediate' ? INTERMEDIATE_MIX : BASIC_MIX);
  const spec = CASE_TYPES[type];
  const procedure = random.pick(spec.procedures);
  const year = Number(filedOn.slice(0, 4));
  const key = `${court.numberingCourtId}/${type}/${year}`;
  const seq = (sequences.get(key) ?? 0) + 1;
  sequences.set(key, seq);
  const limit = procedures.get(procedure);
  const deadline = limit
    ? storedDeadline(
        {
          procedureCode: procedure,
          filedOn,
          limitMonths: limit.months,
          limitDays: limit.days,
          procedureNameZh: null,
          procedureNameEn: null,
        },
        [],
        filedOn,
      )
    : null;
  const age = (Date.parse(today) - Date.parse(filedOn)) / 86_400_000;
  const { status, node } = lifecycle(random, age);
  const eligible = court.judges.filter((j) => DEPARTMENT_FOR[spec.category]?.includes(j.kind));
  const team = status === 'pending-assignment' ? null : random.pick(eligible.length > 0 ? eligible : court.judges);
  const closedOn =
    status === 'closed' || status === 'archived' ? addDaysIso(filedOn, Math.min(Math.floor(age), random.int(15, 150))) : null;
  const caseRow = {
    courtId: court.id,
    caseNumber: formatCaseNumber({ year, courtCode: court.code, typeCode: type, seq }),
    year,
    caseTypeCode: type,
    seq,
    procedureCode: procedure,
    causeCode: causeFor(random, type),
    filedOn,
    claimAmount: spec.category === 'civil' || spec.category === 'enforcement' ? `${random.int(2, 5000) * 1000}.00` : null,
    status,
    currentNode: node,
    departmentId: team?.departmentId ?? null,
    teamId: team?.teamId ?? null,
    judgeId: team?.judgeId ?? null,
    assistantId: team?.assistantId ?? null,
    clerkId: team?.clerkId ?? null,
    deadlineOn: deadline?.deadlineOn ?? null,
    deadlineSteps: JSON.stringify(deadline?.deadlineSteps ?? []),
    closedOn,
    closureMethod: closedOn
      ? weighted(random, [
          ['judgment', 45],
          ['mediation', 30],
          ['withdrawal', 20],
          ['dismissal', 5],
        ] as [string, number][])
      : null,
    archivedOn: status === 'archived' && closedOn ? addDaysIso(closedOn, random.int(5, 60)) : null,
  };
  return { caseRow, parties: partiesFor(options, type) };
}

/** Older cases are mostly closed or archived; recent ones open; the newest may await assignment. */
function lifecycle(random: SeedRandom, age: number): { status: string; node: string } {
  const r = random.next();
  if (age < 3 && r < 0.5) return { status: 'pending-assignment', node: 'assignment' };
  if (age > 240 || (age > 90 && r < 0.75) || (age > 30 && r < 0.35))
    return r < 0.7 || age > 400 ? { status: 'archived', node: 'archive' } : { status: 'closed', node: 'archive' };
  // An open case has moved on by about one node a month.
  const open = ['delivery', 'scheduling', 'hearing', 'deliberation', 'pronouncement'];
  return { status: 'open', node: open[Math.min(open.length - 1, Math.floor(age / 30) + (r < 0.5 ? 0 : 1))] };
}

function partiesFor(options: CaseSeedOptions, type: CaseTypeCode): Record<string, unknown>[] {
  const { random } = options;
  const roles = CASE_TYPES[type].partyRoles;
  const count = random.next() < 0.2 ? 3 : 2;
  return roles.slice(0, count).map((role, sort) => {
    const organisation = sort > 0 && random.next() < 0.3;
    if (organisation) {
      const first17 = `9122${String(random.int(1000, 9999))}${String(random.int(0, 99_999_999_999)).padStart(11, '0').slice(0, 11)}`.slice(
        0,
        17,
      );
      return {
        sort,
        role,
        kind: 'organisation',
        name: `${random.pick(PLACES)}${random.pick(['恒达', '盛通', '宏业', '嘉禾', '瑞丰'])}${random.pick(ORGANISATION_SUFFIX)}`,
        creditCode: makeCreditCode(first17),
        phone: options.phone(random),
      };
    }
    const birth = `${random.int(1950, 2002)}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
    const idNumber = makeIdCard(
      random.pick(['220102', '220103', '220104', '220105', '220202', '220203']),
      birth,
      String(random.int(1, 999)).padStart(3, '0'),
    );
    return {
      sort,
      role,
      kind: 'person',
      name: options.name(random),
      idNumber,
      gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
      phone: options.phone(random),
    };
  });
}

/** One column of a batch as a single array parameter (a plain array would expand to a list). */
const col = (batch: Record<string, unknown>[], key: string) => sql.param(batch.map((r) => r[key] ?? null));
const arr = (values: unknown[]) => sql.param(values);

async function insertBatch(tx: Executor, batch: Generated[]): Promise<void> {
  const ids = (
    await rows<{ id: number }>(
      tx,
      sql`SELECT nextval(pg_get_serial_sequence('cases', 'id'))::int AS id FROM generate_series(1, ${batch.length}) ORDER BY 1`,
    )
  ).map((r) => r.id);
  const casesRows = batch.map((g, i) => ({ ...g.caseRow, id: ids[i] }));
  await tx.execute(sql`
    INSERT INTO cases (id, court_id, case_number, year, case_type_code, seq, procedure_code, cause_code, filed_on, claim_amount,
                       status, current_node, department_id, team_id, judge_id, assistant_id, clerk_id, deadline_on, deadline_steps,
                       closed_on, closure_method, archived_on)
    SELECT * FROM unnest(${col(casesRows, 'id')}::int[], ${col(casesRows, 'courtId')}::int[], ${col(casesRows, 'caseNumber')}::text[],
      ${col(casesRows, 'year')}::smallint[], ${col(casesRows, 'caseTypeCode')}::text[], ${col(casesRows, 'seq')}::int[],
      ${col(casesRows, 'procedureCode')}::text[], ${col(casesRows, 'causeCode')}::text[], ${col(casesRows, 'filedOn')}::date[],
      ${col(casesRows, 'claimAmount')}::numeric[], ${col(casesRows, 'status')}::text[], ${col(casesRows, 'currentNode')}::text[],
      ${col(casesRows, 'departmentId')}::int[], ${col(casesRows, 'teamId')}::int[], ${col(casesRows, 'judgeId')}::int[],
      ${col(casesRows, 'assistantId')}::int[], ${col(casesRows, 'clerkId')}::int[], ${col(casesRows, 'deadlineOn')}::date[],
      ${col(casesRows, 'deadlineSteps')}::jsonb[], ${col(casesRows, 'closedOn')}::date[], ${col(casesRows, 'closureMethod')}::text[],
      ${col(casesRows, 'archivedOn')}::date[])`);
  const partyRows = batch.flatMap((g, i) => g.parties.map((p) => ({ ...p, caseId: ids[i] })));
  await tx.execute(sql`
    INSERT INTO case_parties (case_id, sort, role, kind, name, id_number, gender, birth_date, credit_code, phone)
    SELECT * FROM unnest(${col(partyRows, 'caseId')}::int[], ${col(partyRows, 'sort')}::smallint[], ${col(partyRows, 'role')}::text[],
      ${col(partyRows, 'kind')}::text[], ${col(partyRows, 'name')}::text[], ${col(partyRows, 'idNumber')}::text[],
      ${col(partyRows, 'gender')}::text[], ${col(partyRows, 'birthDate')}::date[], ${col(partyRows, 'creditCode')}::text[],
      ${col(partyRows, 'phone')}::text[])`);
  await insertNodesFor(tx, ids[0], ids[ids.length - 1]);
}

/** Every node of the generated cases, derived from each case's current node in one statement. */
async function insertNodesFor(tx: Executor, fromId: number, toId: number): Promise<void> {
  const nodes = sql.raw(`ARRAY[${CASE_NODES.map((n) => `'${n}'`).join(',')}]`);
  await tx.execute(sql`
    INSERT INTO case_nodes (case_id, node, status, responsible_id, started_at, due_on, completed_at, completed_by)
    SELECT k.id, n.node,
           CASE WHEN k.status = 'archived' OR n.ord < cur.ord THEN 'done' WHEN n.ord = cur.ord THEN 'active' ELSE 'pending' END,
           CASE WHEN n.ord <= cur.ord THEN coalesce(k.judge_id, k.clerk_id) END,
           CASE WHEN n.ord <= cur.ord THEN k.filed_on + (n.ord - 1) * interval '3 days' END,
           CASE WHEN n.ord = cur.ord AND k.status NOT IN ('archived') THEN k.filed_on + (n.ord + 10)::int END,
           CASE WHEN k.status = 'archived' OR n.ord < cur.ord THEN k.filed_on + n.ord * interval '3 days' END,
           CASE WHEN k.status = 'archived' OR n.ord < cur.ord THEN coalesce(k.judge_id, k.clerk_id) END
    FROM cases k
    CROSS JOIN LATERAL unnest(${nodes}) WITH ORDINALITY AS n(node, ord)
    CROSS JOIN LATERAL (SELECT array_position(${nodes}, k.current_node) AS ord) cur
    WHERE k.id BETWEEN ${fromId} AND ${toId}`);
}

async function storeSequences(tx: Executor, sequences: Map<string, number>): Promise<void> {
  const entries = [...sequences].map(([key, last]) => {
    const [courtId, type, year] = key.split('/');
    return { courtId: Number(courtId), type, year: Number(year), last };
  });
  if (entries.length === 0) return;
  await tx.execute(sql`
    INSERT INTO case_sequences (court_id, case_type_code, year, last_seq)
    SELECT * FROM unnest(${arr(entries.map((e) => e.courtId))}::int[], ${arr(entries.map((e) => e.type))}::text[], ${arr(entries.map((e) => e.year))}::smallint[], ${arr(entries.map((e) => e.last))}::int[])
    ON CONFLICT (court_id, case_type_code, year) DO UPDATE SET last_seq = greatest(case_sequences.last_seq, excluded.last_seq)`);
}
