/**
 * Automatic assignment (随机分案) over many draws, through the API: who may be drawn (the right
 * division, active, not recused, specialised), that every eligible judge is reached, that a judge
 * already carrying many open cases is drawn less; and the routes that set specialisations.
 *
 * The app draws with a seeded random source, so a run replays exactly; the assertions are the
 * properties a correct draw has for any seed, with margins a biased draw would not meet.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db.js';
import { seededRandom } from '../src/seed/random.js';
import { courtId, fileAndAssign, simpleCase } from './deadlines-fixtures.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let clerk: Client;
let divhead: Client;
let judge: Client;
let kuancheng: Client;
let court0102: number;
/** Team judges of 吉0102's civil divisions: whom a 民初 case may be drawn to. */
let civilJudges: number[];

beforeAll(async () => {
  const random = seededRandom(20_261_122);
  t = await createTestApp({ random: random.next });
  const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  [clerk, divhead, judge, kuancheng] = await Promise.all([
    signIn(t.app, 'clerk'),
    signIn(t.app, 'divhead'),
    signIn(t.app, 'judge'),
    signIn(t.app, 'kuancheng'),
  ]);
  court0102 = await courtId(admin, '吉0102');
  civilJudges = (
    await rows<{ id: number }>(
      t.database.db,
      sql`SELECT DISTINCT tm.user_id AS id FROM teams t
          JOIN departments d ON d.id = t.department_id AND d.kind = 'civil' AND d.active
          JOIN team_members tm ON tm.team_id = t.id AND tm.position = 'judge'
          JOIN users u ON u.id = tm.user_id AND u.status = 'active'
          WHERE t.court_id = ${court0102} ORDER BY 1`,
    )
  ).map((r) => r.id);
}, 120_000);
afterAll(() => t.close());

const contractCase = () => simpleCase(court0102, '2026-03-02');
/** A cause outside 合同纠纷: 机动车交通事故责任纠纷. */
const trafficCase = () => ({ ...simpleCase(court0102, '2026-03-02'), causeCode: 'C09.31.374' });

async function fileCase(body: unknown): Promise<{ id: number; version: number }> {
  const filed = await clerk.post('/api/cases', body);
  expect(filed.statusCode, filed.body).toBe(201);
  return filed.json();
}

async function draw(body: unknown, before?: (id: number) => Promise<void>): Promise<number> {
  const filed = await fileCase(body);
  let version = filed.version;
  if (before) {
    await before(filed.id);
    version = (await divhead.get(`/api/cases/${filed.id}`)).json().version;
  }
  const assigned = await divhead.post(`/api/cases/${filed.id}/assign`, { mode: 'auto', version });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return assigned.json().judgeId;
}

function tally(judgeIds: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const id of judgeIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

describe('assignment fairness over many draws', () => {
  it('reaches every eligible civil judge and nobody else, with balanced loads', async () => {
    expect(civilJudges.length).toBeGreaterThanOrEqual(2);
    const drawn: number[] = [];
    for (let i = 0; i < 8 * civilJudges.length; i++) drawn.push(await draw(contractCase()));
    const counts = tally(drawn);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(civilJudges);
    // Each judge's share stays within a factor of the even share (8 each).
    for (const count of counts.values()) {
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(20);
    }
  }, 300_000);

  it('draws a judge who already carries many open cases far less often', async () => {
    const [loaded] = civilJudges;
    for (let i = 0; i < 30; i++) await fileAndAssign(clerk, divhead, contractCase(), loaded);
    const drawn: number[] = [];
    for (let i = 0; i < 6 * civilJudges.length; i++) drawn.push(await draw(contractCase()));
    // An even draw would give them 6; weighted by open caseload (1 / (open + 1)) they get about one.
    expect(tally(drawn).get(loaded) ?? 0).toBeLessThanOrEqual(3);
  }, 300_000);

  it('never draws a judge recused from the case', async () => {
    const recused = civilJudges[civilJudges.length - 1];
    const drawn: number[] = [];
    for (let i = 0; i < 12; i++) {
      drawn.push(
        await draw(contractCase(), async (id) => {
          const response = await divhead.post(`/api/cases/${id}/recusals`, { judgeId: recused, reason: '与当事人有利害关系' });
          expect(response.statusCode, response.body).toBe(200);
        }),
      );
    }
    expect(drawn).not.toContain(recused);
  }, 300_000);
});

describe('specialisations (审判专长)', () => {
  let specialist: number;

  it('are read and replaced by a division head, with a revision that refuses a stale write', async () => {
    specialist = civilJudges[1];
    const read = await divhead.get(`/api/users/${specialist}/specialisations`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().items).toEqual([]);
    const { revision } = read.json();

    const put = await divhead.put(`/api/users/${specialist}/specialisations`, {
      items: [{ caseTypeCode: '民初', causeCode: 'C04.10' }],
      revision,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items).toEqual([
      { caseTypeCode: '民初', causeCode: 'C04.10', causeName: { zh: '合同纠纷', en: expect.any(String) } },
    ]);
    expect(put.json().revision).not.toBe(revision);

    const stale = await divhead.put(`/api/users/${specialist}/specialisations`, { items: [], revision });
    expect(stale.statusCode).toBe(409);
    expect((await divhead.get(`/api/users/${specialist}/specialisations`)).json().items).toHaveLength(1);

    const audit = await rows<{ action: string; changes: unknown }>(
      t.database.db,
      sql`SELECT action, changes FROM audit_log WHERE entity_type = 'user' AND entity_id = ${String(specialist)} ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]).toMatchObject({
      action: 'set-specialisations',
      changes: { specialisations: { before: [], after: ['民初 C04.10'] } },
    });
  });

  it('send contract cases only to the specialist, and other causes to everyone', async () => {
    for (let i = 0; i < 8; i++) expect(await draw(contractCase())).toBe(specialist);
    const others = new Set<number>();
    for (let i = 0; i < 4 * civilJudges.length; i++) others.add(await draw(trafficCase()));
    expect(others.size).toBeGreaterThan(1);
  }, 300_000);

  it('refuse bad input and change nothing', async () => {
    const { revision } = (await divhead.get(`/api/users/${specialist}/specialisations`)).json();
    const cases: [unknown, string, string][] = [
      [{ items: [{ caseTypeCode: '民初', causeCode: 'X05.02' }], revision }, 'body.items.0.causeCode', 'cause_code'],
      [{ items: [{ caseTypeCode: '民初', causeCode: 'C99.99' }], revision }, 'body.items.0.causeCode', 'cause_code'],
      [
        {
          items: [
            { caseTypeCode: '民初', causeCode: null },
            { caseTypeCode: '民初', causeCode: null },
          ],
          revision,
        },
        'body.items',
        'duplicate_specialisation',
      ],
      [{ items: [{ caseTypeCode: '民x', causeCode: null }], revision }, 'body.items.0.caseTypeCode', 'invalid_value'],
      [{ items: [], revision: 'not-a-revision' }, 'body.revision', 'invalid_format'],
      [{ items: [], revision, extra: 1 }, 'body.extra', 'unrecognized_keys'],
    ];
    for (const [body, field, code] of cases) {
      const response = await divhead.put(`/api/users/${specialist}/specialisations`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      const fields = response.json().errors as { field: string; code: string; message: { zh: string; en: string } }[];
      expect(fields, JSON.stringify(body)).toContainEqual(expect.objectContaining({ field, code }));
      expect(fields[0].message.zh).toBeTruthy();
    }
    const clerkId = clerk.userId;
    const notJudge = await divhead.put(`/api/users/${clerkId}/specialisations`, { items: [], revision });
    expect(notJudge.statusCode).toBe(400);
    expect(notJudge.json().errors[0].code).toBe('not_a_judge');
    expect((await divhead.get(`/api/users/${specialist}/specialisations`)).json().revision).toBe(revision);
  });

  it('are out of reach of other courts and of users who may not assign', async () => {
    expect((await judge.get(`/api/users/${specialist}/specialisations`)).statusCode).toBe(403);
    expect((await kuancheng.get(`/api/users/${specialist}/specialisations`)).statusCode).toBe(403);
    // A division head of the sibling court 吉0103 holds the permission but not the scope.
    const [other] = await rows<{ username: string }>(
      t.database.db,
      sql`SELECT u.username FROM users u JOIN user_roles ur ON ur.user_id = u.id
          JOIN roles r ON r.id = ur.role_id AND r.code = 'division-head'
          JOIN courts c ON c.id = u.court_id AND c.code = '吉0103' AND c.level = 'basic' ORDER BY u.id LIMIT 1`,
    );
    const outsider = await signIn(t.app, other.username);
    expect((await outsider.get(`/api/users/${specialist}/specialisations`)).statusCode).toBe(404);
    const { revision } = (await divhead.get(`/api/users/${specialist}/specialisations`)).json();
    expect((await outsider.put(`/api/users/${specialist}/specialisations`, { items: [], revision })).statusCode).toBe(404);
    expect((await divhead.get('/api/users/999999/specialisations')).statusCode).toBe(404);
  });
});
