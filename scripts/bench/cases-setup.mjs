// Setups and the verification of the case scenarios (scenarios.mjs). The setups look up, through
// the API under test, what the requests rotate through: the division head's court and judges,
// party names and case numbers that exist, case ids; the filing bodies are made here.
import { filingVerdict } from './checks.mjs';

/** The web list's page size. */
const PAGE = 20;

const query = (params) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

async function get(ctx, session, path) {
  const response = await ctx.request('GET', path, { headers: session.headers });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  return response.body;
}

/** Cases the user sees in their court: the newest and the oldest 200 of each status. */
async function sampleCases(ctx, session, courtId) {
  const seen = new Map();
  for (const status of ['open', 'pending-assignment', 'closed', 'archived']) {
    for (const order of ['desc', 'asc']) {
      const page = await get(ctx, session, `/api/cases?${query({ courtId, status, order, limit: 200 })}`);
      for (const item of page.items) seen.set(item.id, item);
    }
  }
  return [...seen.values()];
}

/** mulberry32: the same order on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(items, seed = 1) {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Up to n items taken evenly across the list. */
function spread(items, n) {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

const distinct = (items) => [...new Set(items)];

/** Requests of several groups, interleaved so that every connection cycles through all of them. */
function interleave(groups) {
  const lists = Object.entries(groups).map(([group, requests]) => requests.map((r) => ({ ...r, group })));
  const longest = Math.max(0, ...lists.map((l) => l.length));
  const out = [];
  for (let i = 0; i < longest; i++) for (const list of lists) if (list.length) out.push(list[i % list.length]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// case-list

/**
 * The lists people open all day, as the web app asks for them (20 a page):
 *   court-open    a division head's court, open cases, newest filing first — also their own
 *                 division, and the second page (keyset cursor);
 *   judge         one judge's open cases by deadline, as the division head looks at them;
 *   warning-level the court's open cases at a warning level (overdue, 3, 7, 15 days) by deadline;
 *   party         a party's name by its first two characters (the prefix index serves these);
 *   case-number   part of a case number as people type it (民初1234: the trigram index);
 *   mine          a judge's own open cases by deadline (the workbench).
 */
export async function caseListSetup(ctx) {
  const divhead = await ctx.signIn('divhead');
  const judge = await ctx.signIn('judge');
  const courtId = divhead.user.court.id;
  const departmentId = divhead.user.department?.id;
  const sample = await sampleCases(ctx, divhead, courtId);
  const list = (params, session = divhead) => ({ path: `/api/cases?${query({ ...params, limit: PAGE })}`, headers: session.headers });

  const first = await get(ctx, divhead, `/api/cases?${query({ courtId, status: 'open', limit: PAGE })}`);
  const judges = spread(distinct(sample.filter((c) => c.status === 'open' && c.judgeId).map((c) => c.judgeId)), 4);
  // Titles are the parties' names joined by 、; people's names are short, organisations' long.
  const personNames = distinct(sample.flatMap((c) => c.title.split('、'))).filter((n) => [...n].length >= 2 && [...n].length <= 3);
  const prefixes = spread(distinct(personNames.map((n) => [...n].slice(0, 2).join(''))), 4);
  // （2025）吉0102民初1234号 → 民初1234: the type and the sequence number.
  const partials = spread(distinct(sample.map((c) => /([\u4e00-\u9fff]+\d+)号$/.exec(c.caseNumber)?.[1]).filter(Boolean)), 4);

  const groups = {
    'court-open': [
      list({ courtId, status: 'open' }),
      ...(departmentId ? [list({ departmentId, status: 'open' })] : []),
      ...(first.nextCursor ? [list({ courtId, status: 'open', cursor: first.nextCursor })] : []),
    ],
    judge: judges.map((judgeId) => list({ judgeId, status: 'open', sort: 'deadlineOn', order: 'asc' })),
    'warning-level': ['overdue', '3', '7', '15'].map((warningLevel) =>
      list({ courtId, status: 'open', warningLevel, sort: 'deadlineOn', order: 'asc' }),
    ),
    party: prefixes.map((party) => list({ party })),
    'case-number': partials.map((caseNumber) => list({ caseNumber })),
    mine: [list({ mine: 'true', status: 'open', sort: 'deadlineOn', order: 'asc' }, judge)],
  };
  const empty = Object.keys(groups).filter((g) => groups[g].length === 0);
  return {
    requests: interleave(groups),
    ...(empty.length ? { notes: [`case-list: no ${empty.join(', ')} requests (no cases of that kind in the court)`] } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// case-detail

/** Up to 500 different cases of the division head's court, every status, in a fixed random order. */
export async function caseDetailSetup(ctx) {
  const divhead = await ctx.signIn('divhead');
  const sample = await sampleCases(ctx, divhead, divhead.user.court.id);
  if (sample.length === 0) return { skip: 'no case to read: generate some with --cases N' };
  const ids = shuffled(spread(sample, 500).map((c) => c.id));
  return { headers: divhead.headers, requests: ids.map((id) => ({ path: `/api/cases/${id}` })) };
}

// ---------------------------------------------------------------------------------------------
// case-filing

/** Today in China Standard Time: the latest filing date the API accepts. */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '艳', '勇', '杰'];
const COMPANIES = ['长春恒达商贸有限公司', '吉林盛通建筑工程有限公司', '长春宏业物业服务有限公司', '吉林嘉禾房地产开发有限公司'];
const SUMMARIES = ['借款到期未还', '买卖合同货款未付', '房屋租赁合同纠纷', '劳务报酬未结清', '物业服务费拖欠'];

/**
 * Filing bodies of the clerk's court: civil first instance at the court and at its tribunal
 * (which numbers in the court's sequence), enforcement, pre-filing mediation and administrative
 * first instance, with people (valid ID numbers) and organisations (valid credit codes).
 */
export async function caseFilingSetup(ctx) {
  const clerk = await ctx.signIn('clerk');
  const { makeIdCard, makeCreditCode, CAUSES } = await import('@courtassist/contracts');
  const court = clerk.user.court;
  const courts = (await get(ctx, clerk, '/api/courts')).items;
  const tribunal = courts.find((c) => c.level === 'tribunal' && c.parentId === court.id) ?? court;
  const civil = CAUSES.filter((c) => c.category === 'civil' && c.level >= 3).map((c) => c.code);
  const administrative = CAUSES.filter((c) => c.category === 'administrative' && c.level >= 2).map((c) => c.code);
  const filedOn = chinaToday();

  const person = (role, i) => {
    const birth = `${1960 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    return {
      kind: 'person',
      role,
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
      idNumber: makeIdCard('220102', birth, String(100 + (i % 900)).padStart(3, '0')),
      phone: `138${String(10_000_000 + i * 7919).slice(-8)}`,
    };
  };
  const organisation = (role, i) => ({
    kind: 'organisation',
    role,
    name: COMPANIES[i % COMPANIES.length],
    creditCode: makeCreditCode(`9122${String(1000 + i).slice(-4)}${String(100_000_000 + i * 104_729).slice(-9)}`),
    legalRepresentative: `${SURNAMES[(i + 3) % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
  });
  const kinds = [
    (i) => ({
      courtId: court.id,
      caseTypeCode: '民初',
      procedureCode: 'civil-first-simple',
      causeCode: civil[i % civil.length],
      claimAmount: `${(i + 1) * 1000}.00`,
      parties: [person('plaintiff', i), organisation('defendant', i)],
    }),
    (i) => ({
      courtId: tribunal.id,
      caseTypeCode: '民初',
      procedureCode: 'civil-small-claims',
      causeCode: civil[(i * 3) % civil.length],
      claimAmount: `${(i % 50) * 100 + 500}.00`,
      parties: [person('plaintiff', i), person('defendant', i + 5)],
    }),
    (i) => ({
      courtId: court.id,
      caseTypeCode: '执',
      procedureCode: 'enforcement',
      claimAmount: `${(i + 3) * 2000}.00`,
      parties: [organisation('enforcement-applicant', i), person('enforcement-respondent', i + 11)],
    }),
    (i) => ({
      courtId: court.id,
      caseTypeCode: '民诉前调',
      procedureCode: 'pre-filing-mediation',
      causeCode: civil[(i * 5) % civil.length],
      parties: [person('applicant', i), person('respondent', i + 2)],
    }),
    (i) => ({
      courtId: court.id,
      caseTypeCode: '行初',
      procedureCode: 'admin-first-ordinary',
      causeCode: administrative[i % administrative.length],
      parties: [person('plaintiff', i), organisation('defendant', i + 1)],
    }),
  ];
  const bodies = Array.from({ length: 60 }, (_, i) => ({
    ...kinds[i % kinds.length](i),
    filedOn,
    summary: SUMMARIES[i % SUMMARIES.length],
  }));
  return {
    headers: clerk.headers,
    requests: bodies.map((body) => ({ method: 'POST', path: '/api/cases', body })),
    state: {
      clerkId: clerk.user.id,
      numberingCourtId: court.id,
      year: Number(filedOn.slice(0, 4)),
      types: distinct(bodies.map((b) => b.caseTypeCode)),
      startedAtMs: Date.now(),
    },
  };
}

/**
 * After the load: the numbers of the clerk's court, the types filed and this year are gap-free
 * and unique (1…stored sequence, each once, the tribunal's cases included), and the cases stored
 * match the 2xx answers (probe, warm-up and measurement).
 */
export async function caseFilingVerify(ctx, { state, result, answered }) {
  const { numberingCourtId, year, types, clerkId, startedAtMs } = state;
  const typeList = types.map((t) => `'${t.replaceAll("'", "''")}'`).join(', ');
  const id = Number(numberingCourtId);
  const groups = await ctx.query(`
    WITH k AS (
      SELECT CASE WHEN c.level = 'tribunal' THEN c.parent_id ELSE c.id END AS numbering, k.case_type_code AS type, k.year, k.seq, k.case_number
      FROM cases k JOIN courts c ON c.id = k.court_id
      WHERE k.year = ${Number(year)} AND k.case_type_code IN (${typeList}) AND (c.id = ${id} OR (c.parent_id = ${id} AND c.level = 'tribunal'))
    )
    SELECT k.numbering AS "courtId", k.type, k.year, count(*)::int AS cases, count(DISTINCT k.seq)::int AS "distinctSeq",
           count(DISTINCT k.case_number)::int AS "distinctNumbers", min(k.seq) AS "minSeq", max(k.seq) AS "maxSeq", s.last_seq AS "lastSeq"
    FROM k LEFT JOIN case_sequences s ON s.court_id = k.numbering AND s.case_type_code = k.type AND s.year = k.year
    GROUP BY k.numbering, k.type, k.year, s.last_seq ORDER BY k.type`);
  const [{ filed }] = await ctx.query(
    `SELECT count(*)::int AS filed FROM cases WHERE filed_by = ${Number(clerkId)} AND created_at >= to_timestamp(${(startedAtMs - 1000) / 1000})`,
  );
  // A request cut off at the end of the warm-up or of the measurement may have filed a case.
  return filingVerdict({ groups, filed, answered, inFlightMax: 2 * result.connections });
}
