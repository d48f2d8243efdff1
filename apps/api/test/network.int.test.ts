import { makeIdCard } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db.js';
import { addDays, courtId, today } from './deadlines-fixtures.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let admin: Client; // province administrator
let courtadmin: Client; // 吉0102 administrator: network.manage
let judge: Client; // 吉0102 judge: network.read only
let grassroots: Client; // grassroots assistant of 幸福法庭: no network lists
let kuancheng: Client; // judge of the sibling court 吉0103
let court0102: number;
let court0103: number;
let tribunal0102: number;

const auditCount = async (entityType: string, entityId: number, action?: string) =>
  (
    await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = ${entityType} AND entity_id = ${String(entityId)}
          ${action ? sql`AND action = ${action}` : sql``}`,
    )
  )[0].n;

const station = (extra: Record<string, unknown> = {}) => ({
  courtId: court0102,
  kind: 'liaison-station',
  name: `测试街道联络站${Math.random().toString(36).slice(2, 7)}`,
  address: '南关区测试街道办事处',
  lng: 125.35,
  lat: 43.87,
  contactName: '王主任',
  contactPhone: '13812345678',
  ...extra,
});

let idSeq = 100;
const idCard = (birth = '19800101') => makeIdCard('220102', birth, String(idSeq++).padStart(3, '0'));

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  courtadmin = await signIn(t.app, 'courtadmin');
  judge = await signIn(t.app, 'judge');
  grassroots = await signIn(t.app, 'grassroots');
  kuancheng = await signIn(t.app, 'kuancheng');
  court0102 = await courtId(admin, '吉0102');
  court0103 = await courtId(admin, '吉0103');
  const courts = (await admin.get('/api/courts')).json().items as { id: number; code: string; level: string; name: string }[];
  tribunal0102 = (courts.find((c) => c.code === '吉0102' && c.level === 'tribunal' && c.name.includes('幸福')) as { id: number }).id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('permissions and demo data', () => {
  it('the demo network exists, and the grassroots account is one of its assistants', async () => {
    const [counts] = await rows<{ stations: number; assistants: number; sessions: number; left: number; paused: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM network_stations) AS stations, (SELECT count(*)::int FROM network_assistants) AS assistants,
                 (SELECT count(*)::int FROM network_training_sessions) AS sessions,
                 (SELECT count(*)::int FROM network_assistants WHERE status = 'left') AS left,
                 (SELECT count(*)::int FROM network_assistants WHERE status = 'paused') AS paused`,
    );
    expect(counts.stations).toBeGreaterThan(40);
    expect(counts.assistants).toBeGreaterThan(150);
    expect(counts.sessions).toBeGreaterThan(20);
    expect(counts.left + counts.paused).toBeGreaterThan(0);
    const [linked] = await rows<{ courtId: number }>(
      t.database.db,
      sql`SELECT a.court_id AS "courtId" FROM network_assistants a JOIN users u ON u.id = a.user_id WHERE u.username = 'grassroots'`,
    );
    expect(linked.courtId).toBe(tribunal0102);
  });

  it('the grassroots assistant role reads no network list; anonymous callers are refused', async () => {
    for (const url of [
      '/api/network/stations',
      '/api/network/assistants',
      '/api/network/composition',
      '/api/network/recruitments',
      '/api/network/training-sessions',
      '/api/network/categories',
    ]) {
      const r = await grassroots.get(url);
      expect(r.statusCode, url).toBe(403);
      expect(r.json().code).toBe('FORBIDDEN');
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/network/assistants' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('readers cannot write', async () => {
    const r = await judge.post('/api/network/stations', station());
    expect(r.statusCode).toBe(403);
    const cats = await judge.get('/api/network/categories');
    expect(cats.statusCode).toBe(200);
    const official = cats
      .json()
      .items.filter((c: { official: boolean }) => c.official)
      .map((c: { nameZh: string }) => c.nameZh);
    expect(official.sort()).toEqual(['司法所工作人员', '村干部', '网格员'].sort());
  });
});

describe('stations', () => {
  it('creates, edits with optimistic locking, and audits', async () => {
    const created = await courtadmin.post('/api/network/stations', station({ name: '测试一号联络站' }));
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ name: '测试一号联络站', courtId: court0102, assistantCount: 0, childCount: 0, version: 1 });
    expect(await auditCount('network-station', s.id, 'create')).toBe(1);

    const edited = await courtadmin.put(`/api/network/stations/${s.id}`, { address: '新地址', version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ address: '新地址', version: 2 });
    const stale = await courtadmin.put(`/api/network/stations/${s.id}`, { address: '旧地址', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await courtadmin.get(`/api/network/stations/${s.id}`)).json().address).toBe('新地址');
    expect(await auditCount('network-station', s.id, 'update')).toBe(1);
  });

  it('refuses bad input with field details and changes nothing', async () => {
    const before = (await courtadmin.get(`/api/network/stations?courtId=${court0102}`)).json().total;
    const bad = await courtadmin.post('/api/network/stations', station({ kind: 'castle', lng: 200, contactPhone: 'abc', name: '' }));
    expect(bad.statusCode).toBe(400);
    const fields = bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['body.contactPhone', 'body.kind', 'body.lng', 'body.name']);
    expect(bad.json().message.zh).toBeTruthy();
    const half = await courtadmin.post('/api/network/stations', station({ lat: null }));
    expect(half.statusCode).toBe(400);
    expect(half.json().errors[0]).toMatchObject({ field: 'body.lat', code: 'coordinates_pair' });
    const dup = await courtadmin.post('/api/network/stations', station({ name: '测试一号联络站' }));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ field: 'body.name', code: 'duplicate' });
    const otherCourt = await courtadmin.post('/api/network/stations', station({ courtId: court0103 }));
    expect(otherCourt.statusCode).toBe(400);
    expect(otherCourt.json().errors[0]).toMatchObject({ field: 'body.courtId', code: 'station_court' });
    expect((await courtadmin.get(`/api/network/stations?courtId=${court0102}`)).json().total).toBe(before);
  });

  it('keeps an explicit list of areas served: trimmed, deduplicated, checked per entry, versioned and audited', async () => {
    const created = await courtadmin.post('/api/network/stations', station({ areaNames: [' 红旗村 ', '兴隆村', '红旗村', ''] }));
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s.areaNames).toEqual(['红旗村', '兴隆村']);
    expect((await courtadmin.get(`/api/network/stations/${s.id}`)).json().areaNames).toEqual(['红旗村', '兴隆村']);
    // A station made without a list has an empty one.
    expect((await courtadmin.post('/api/network/stations', station())).json().areaNames).toEqual([]);

    const bad = await courtadmin.put(`/api/network/stations/${s.id}`, {
      areaNames: ['柳树屯村', '村', 'x'.repeat(41)],
      version: s.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([
      expect.objectContaining({
        field: 'body.areaNames.1',
        code: 'area_name_length',
        message: expect.objectContaining({ zh: expect.stringContaining('2–40') }),
      }),
      expect.objectContaining({ field: 'body.areaNames.2', code: 'area_name_length' }),
    ]);
    const many = Array.from({ length: 101 }, (_, i) => `第${i + 1}村`);
    const tooMany = await courtadmin.put(`/api/network/stations/${s.id}`, { areaNames: many, version: s.version });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0]).toMatchObject({ field: 'body.areaNames', code: 'area_names_count' });
    expect(tooMany.json().errors[0].message.en).toBeTruthy();

    const edited = await courtadmin.put(`/api/network/stations/${s.id}`, { areaNames: ['柳树屯村', '兴隆村'], version: s.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ areaNames: ['柳树屯村', '兴隆村'], version: s.version + 1 });
    const stale = await courtadmin.put(`/api/network/stations/${s.id}`, { areaNames: [], version: s.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await courtadmin.get(`/api/network/stations/${s.id}`)).json().areaNames).toEqual(['柳树屯村', '兴隆村']);
    // A reader cannot change the list.
    expect((await judge.put(`/api/network/stations/${s.id}`, { areaNames: [], version: s.version + 1 })).statusCode).toBe(403);
    const [trail] = await rows<{ changes: string }>(
      t.database.db,
      sql`SELECT changes::text AS changes FROM audit_log WHERE entity_type = 'network-station' AND entity_id = ${String(s.id)} AND action = 'update'`,
    );
    expect(JSON.parse(trail.changes).areaNames).toEqual({ before: ['红旗村', '兴隆村'], after: ['柳树屯村', '兴隆村'] });
  });

  it('keeps the tree sound: parent of the same court, no cycles; deletes only unused stations', async () => {
    const parent = (await courtadmin.post('/api/network/stations', station())).json();
    const child = (await courtadmin.post('/api/network/stations', station({ kind: 'village-point', parentId: parent.id }))).json();
    expect(child.parentId).toBe(parent.id);
    const tribunalStation = (await courtadmin.post('/api/network/stations', station({ courtId: tribunal0102 }))).json();
    const crossCourt = await courtadmin.put(`/api/network/stations/${child.id}`, { parentId: tribunalStation.id, version: child.version });
    expect(crossCourt.statusCode).toBe(400);
    expect(crossCourt.json().errors[0].code).toBe('station_parent');
    const cycle = await courtadmin.put(`/api/network/stations/${parent.id}`, { parentId: child.id, version: parent.version });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0].code).toBe('station_cycle');

    const inUse = await courtadmin.request('DELETE', `/api/network/stations/${parent.id}?version=1`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'STATION_IN_USE', meta: { children: 1 } });
    const stale = await courtadmin.request('DELETE', `/api/network/stations/${child.id}?version=7`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const gone = await courtadmin.request('DELETE', `/api/network/stations/${child.id}?version=1`);
    expect(gone.statusCode).toBe(200);
    expect((await courtadmin.get(`/api/network/stations/${child.id}`)).statusCode).toBe(404);
    expect(await auditCount('network-station', child.id, 'delete')).toBe(1);
  });

  it('a station with assistants cannot be deleted', async () => {
    const [used] = await rows<{ id: number; version: number }>(
      t.database.db,
      sql`SELECT s.id, s.version FROM network_stations s JOIN network_assistant_stations x ON x.station_id = s.id
          WHERE s.court_id = ${court0102} AND NOT EXISTS (SELECT 1 FROM network_stations c WHERE c.parent_id = s.id) LIMIT 1`,
    );
    const r = await courtadmin.request('DELETE', `/api/network/stations/${used.id}?version=${used.version}`);
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('STATION_IN_USE');
    expect(r.json().meta.assistants).toBeGreaterThan(0);
  });

  it("another court's station answers 404 for reading, editing and deleting", async () => {
    const [other] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM network_stations WHERE court_id = ${court0102} LIMIT 1`);
    expect((await kuancheng.get(`/api/network/stations/${other.id}`)).statusCode).toBe(404);
    const list = (await kuancheng.get('/api/network/stations')).json();
    expect(list.items.every((s: { courtId: number }) => s.courtId === court0103 || s.courtId !== court0102)).toBe(true);
    expect(list.items.some((s: { courtId: number }) => s.courtId === court0102)).toBe(false);
    const kuanAdmin = await rows<{ username: string }>(
      t.database.db,
      sql`SELECT u.username FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
          WHERE r.code = 'admin' AND u.court_id = ${court0103} LIMIT 1`,
    );
    const otherAdmin = await signIn(t.app, kuanAdmin[0].username);
    expect((await otherAdmin.put(`/api/network/stations/${other.id}`, { name: 'x', version: 1 })).statusCode).toBe(404);
    expect((await otherAdmin.request('DELETE', `/api/network/stations/${other.id}?version=1`)).statusCode).toBe(404);
    // The province administrator sees courts below.
    expect((await admin.get(`/api/network/stations/${other.id}`)).statusCode).toBe(200);
  });
});

describe('assistants', () => {
  let stationA: number;
  let stationB: number;
  let created: { id: number; version: number };
  const idNumber = makeIdCard('220102', '19850315', '271');

  beforeAll(async () => {
    stationA = (await courtadmin.post('/api/network/stations', station({ name: '协助员测试站甲' }))).json().id;
    stationB = (await courtadmin.post('/api/network/stations', station({ name: '协助员测试站乙', kind: 'judge-studio' }))).json().id;
  });

  it('creates an assistant with two categories, deriving birth date and gender from the identity card', async () => {
    const r = await courtadmin.post('/api/network/assistants', {
      courtId: court0102,
      name: '测试协助员',
      phone: '13912345678',
      idNumber,
      education: 'bachelor',
      employer: '南关区桂林街道',
      post: '网格长',
      categoryCodes: ['grid-worker', 'invited-mediator'],
      stationIds: [stationA, stationB],
      startOn: today(),
    });
    expect(r.statusCode).toBe(201);
    const a = r.json();
    expect(a).toMatchObject({ name: '测试协助员', birthDate: '1985-03-15', gender: 'male', status: 'active', revealed: true });
    expect(a.phone).toBe('13912345678');
    expect(a.idNumber).toBe(idNumber);
    expect(a.categories.map((c: { code: string }) => c.code).sort()).toEqual(['grid-worker', 'invited-mediator']);
    expect(a.stations.map((s: { id: number }) => s.id).sort()).toEqual([stationA, stationB].sort());
    expect(a.statusHistory).toHaveLength(1);
    expect(await auditCount('network-assistant', a.id, 'create')).toBe(1);
    // The trail keeps the identity card number masked.
    const [trail] = await rows<{ changes: string }>(
      t.database.db,
      sql`SELECT changes::text AS changes FROM audit_log WHERE entity_type = 'network-assistant' AND entity_id = ${String(a.id)}`,
    );
    expect(trail.changes).not.toContain(idNumber);
    created = a;
  });

  it('masks phone and identity card number in lists, and on profiles for readers', async () => {
    const list = (await courtadmin.get(`/api/network/assistants?q=${encodeURIComponent('测试协助员')}`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0].phone).toBe('139****5678');
    expect(list.items[0].idNumber).toBe(`2201**********${idNumber.slice(-4)}`);
    const asJudge = (await judge.get(`/api/network/assistants/${created.id}`)).json();
    expect(asJudge.revealed).toBe(false);
    expect(asJudge.phone).toBe('139****5678');
    expect(asJudge.idNumber).toBe(`2201**********${idNumber.slice(-4)}`);
  });

  it('refuses bad fields, unknown categories, foreign stations, a contradicting birth date and duplicates', async () => {
    const base = {
      courtId: court0102,
      name: '坏数据',
      categoryCodes: ['volunteer'],
      stationIds: [stationA],
      startOn: today(),
    };
    const bad = await courtadmin.post('/api/network/assistants', {
      ...base,
      idNumber: '220102198503152710',
      phone: '12',
      categoryCodes: [],
    });
    expect(bad.statusCode).toBe(400);
    const codes = Object.fromEntries(bad.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]));
    expect(codes['body.idNumber']).toMatch(/^id_card_/);
    expect(codes['body.phone']).toBeDefined();
    expect(codes['body.categoryCodes']).toBeDefined();

    const [foreign] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM network_stations WHERE court_id = ${court0103} LIMIT 1`);
    const links = await courtadmin.post('/api/network/assistants', {
      ...base,
      categoryCodes: ['volunteer', 'wizard'],
      stationIds: [stationA, foreign.id],
    });
    expect(links.statusCode).toBe(400);
    expect(links.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.categoryCodes.1', code: 'assistant_category' }),
        expect.objectContaining({ field: 'body.stationIds.1', code: 'assistant_station' }),
      ]),
    );
    const mismatch = await courtadmin.post('/api/network/assistants', { ...base, idNumber: idCard('19900101'), birthDate: '1991-01-01' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0]).toMatchObject({ field: 'body.birthDate', code: 'birth_date_mismatch' });

    const dup = await courtadmin.post('/api/network/assistants', { ...base, idNumber });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'ASSISTANT_DUPLICATE' });
    expect(dup.json().errors[0]).toMatchObject({ field: 'body.idNumber', code: 'id_card_taken' });
    // The same person may serve another court.
    const tribunalStation = (await courtadmin.post('/api/network/stations', station({ courtId: tribunal0102 }))).json().id;
    const elsewhere = await courtadmin.post('/api/network/assistants', {
      ...base,
      courtId: tribunal0102,
      stationIds: [tribunalStation],
      idNumber,
    });
    expect(elsewhere.statusCode).toBe(201);
    const [{ n }] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM network_assistants WHERE name = '坏数据'`);
    expect(n).toBe(1);
    // A court's list takes in its tribunals.
    const listed = (await courtadmin.get(`/api/network/assistants?q=${encodeURIComponent('坏数据')}&courtId=${court0102}`)).json();
    expect(listed.items.map((a: { courtId: number }) => a.courtId)).toEqual([tribunal0102]);
  });

  it('edits with optimistic locking and keeps links', async () => {
    const r = await courtadmin.put(`/api/network/assistants/${created.id}`, {
      categoryCodes: ['grid-worker', 'invited-mediator', 'volunteer'],
      stationIds: [stationA],
      version: created.version,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().categories).toHaveLength(3);
    expect(r.json().stations).toEqual([{ id: stationA, name: '协助员测试站甲' }]);
    const stale = await courtadmin.put(`/api/network/assistants/${created.id}`, { name: '改名', version: created.version });
    expect(stale.statusCode).toBe(409);
    expect((await courtadmin.get(`/api/network/assistants/${created.id}`)).json().name).toBe('测试协助员');
    created = r.json();
  });

  it('changes status with a history (who, when, why); the same status is refused', async () => {
    const paused = await courtadmin.post(`/api/network/assistants/${created.id}/status`, {
      status: 'paused',
      reason: '外出务工',
      version: created.version,
    });
    expect(paused.statusCode).toBe(200);
    const p = paused.json();
    expect(p.status).toBe('paused');
    expect(p.statusHistory[0]).toMatchObject({ fromStatus: 'active', toStatus: 'paused', reason: '外出务工' });
    expect(p.statusHistory[0].changedByName).toBeTruthy();
    const same = await courtadmin.post(`/api/network/assistants/${created.id}/status`, {
      status: 'paused',
      reason: 'x',
      version: p.version,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0].code).toBe('same_status');
    const stale = await courtadmin.post(`/api/network/assistants/${created.id}/status`, { status: 'active', reason: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    const back = await courtadmin.post(`/api/network/assistants/${created.id}/status`, {
      status: 'active',
      reason: '返乡',
      version: p.version,
    });
    expect(back.json().statusHistory).toHaveLength(3);
    expect(await auditCount('network-assistant', created.id, 'change-status')).toBe(2);
    created = back.json();
  });

  it('records commendations and criticism in the history', async () => {
    const r = await courtadmin.post(`/api/network/assistants/${created.id}/commendations`, {
      kind: 'commendation',
      recordedOn: today(),
      reason: '协助送达 20 件',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'commendation', reason: '协助送达 20 件' });
    const future = await courtadmin.post(`/api/network/assistants/${created.id}/commendations`, {
      kind: 'criticism',
      recordedOn: addDays(today(), 3),
      reason: 'x',
    });
    expect(future.statusCode).toBe(400);
    expect(
      (await judge.post(`/api/network/assistants/${created.id}/commendations`, { kind: 'criticism', recordedOn: today(), reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const profile = (await judge.get(`/api/network/assistants/${created.id}`)).json();
    expect(profile.commendations).toHaveLength(1);
    expect(await auditCount('network-assistant', created.id, 'add-commendation')).toBe(1);
  });

  it('makes a sign-in for an assistant, who then sees no network list', async () => {
    const r = await courtadmin.post(`/api/network/assistants/${created.id}/account`, {
      username: 'assistant-test-01',
      password: 'Start@2026',
      version: created.version,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().username).toBe('assistant-test-01');
    const again = await courtadmin.post(`/api/network/assistants/${created.id}/account`, {
      username: 'assistant-test-02',
      password: 'Start@2026',
      version: r.json().version,
    });
    expect(again.statusCode).toBe(409);
    const [role] = await rows<{ code: string }>(
      t.database.db,
      sql`SELECT r.code FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE u.username = 'assistant-test-01'`,
    );
    expect(role.code).toBe('grassroots-assistant');
    const taken = await courtadmin.post('/api/network/assistants', {
      courtId: court0102,
      name: '另一位',
      categoryCodes: ['volunteer'],
      stationIds: [stationA],
      startOn: today(),
    });
    const dupUser = await courtadmin.post(`/api/network/assistants/${taken.json().id}/account`, {
      username: 'assistant-test-01',
      password: 'Start@2026',
      version: 1,
    });
    expect(dupUser.statusCode).toBe(409);
    expect(dupUser.json().code).toBe('DUPLICATE');
    const weak = await courtadmin.post(`/api/network/assistants/${taken.json().id}/account`, {
      username: 'weak-one',
      password: 'abc',
      version: 1,
    });
    expect(weak.statusCode).toBe(400);
  });

  it('searches by name, station, category and status, sorts, and pages by keyset with totals', async () => {
    const all = (await courtadmin.get(`/api/network/assistants?courtId=${court0102}&limit=200`)).json();
    expect(all.total).toBe(all.items.length);
    const page1 = (await courtadmin.get(`/api/network/assistants?courtId=${court0102}&sort=name&order=asc&limit=5`)).json();
    expect(page1.items).toHaveLength(5);
    expect(page1.total).toBe(all.total);
    const page2 = (
      await courtadmin.get(`/api/network/assistants?courtId=${court0102}&sort=name&order=asc&limit=5&cursor=${page1.nextCursor}`)
    ).json();
    const seen = new Set([...page1.items, ...page2.items].map((a: { id: number }) => a.id));
    expect(seen.size).toBe(10);
    const names = [...page1.items, ...page2.items].map((a: { name: string }) => a.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const byStation = (await courtadmin.get(`/api/network/assistants?stationId=${stationA}`)).json();
    expect(byStation.items.every((a: { stations: { id: number }[] }) => a.stations.some((s) => s.id === stationA))).toBe(true);
    const byCategory = (await courtadmin.get(`/api/network/assistants?courtId=${court0102}&category=grid-worker&limit=200`)).json();
    expect(byCategory.total).toBeGreaterThan(0);
    expect(byCategory.items.every((a: { categories: { code: string }[] }) => a.categories.some((c) => c.code === 'grid-worker'))).toBe(
      true,
    );
    const left = (await courtadmin.get('/api/network/assistants?status=left&limit=200')).json();
    expect(left.items.every((a: { status: string }) => a.status === 'left')).toBe(true);
    const badCursor = await courtadmin.get('/api/network/assistants?cursor=nonsense');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0].field).toBe('query.cursor');
  });

  it("another court's assistant answers 404, and lists stay inside the scope", async () => {
    expect((await kuancheng.get(`/api/network/assistants/${created.id}`)).statusCode).toBe(404);
    const list = (await kuancheng.get('/api/network/assistants?limit=200')).json();
    expect(list.items.some((a: { courtId: number }) => a.courtId === court0102)).toBe(false);
    expect((await courtadmin.put(`/api/network/assistants/999999`, { name: 'x', version: 1 })).statusCode).toBe(404);
  });
});

describe('composition', () => {
  it('counts official and other categories per court and station, ages, education and statuses', async () => {
    const r = await judge.get(`/api/network/composition?courtId=${court0102}`);
    expect(r.statusCode).toBe(200);
    const c = r.json();
    const [expected] = await rows<{ total: number; official: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM network_assistant_categories ac
            JOIN network_categories k ON k.id = ac.category_id WHERE ac.assistant_id = a.id AND k.official))::int AS official
          FROM network_assistants a JOIN courts c ON c.id = a.court_id
          WHERE c.path LIKE (SELECT path FROM courts WHERE id = ${court0102}) || '%' AND a.status = 'active'`,
    );
    expect(c.total).toBe(expected.total);
    expect(c.official).toBe(expected.official);
    expect(c.threshold).toBe(0.7);
    expect(c.warning).toBe(c.officialShare > 0.7);
    expect(c.ageBands.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(c.total);
    expect(c.education.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(c.total);
    expect(c.courts.map((x: { id: number }) => x.id)).toEqual(expect.arrayContaining([court0102, tribunal0102]));
    expect(c.courts.reduce((sum: number, x: { total: number }) => sum + x.total, 0)).toBe(c.total);

    // Adding an official-only assistant raises the share.
    const stationId = (await courtadmin.post('/api/network/stations', station())).json().id;
    await courtadmin.post('/api/network/assistants', {
      courtId: court0102,
      name: '村官甲',
      categoryCodes: ['village-cadre'],
      stationIds: [stationId],
      startOn: today(),
      birthDate: '1970-06-01',
    });
    const after = (await judge.get(`/api/network/composition?courtId=${court0102}`)).json();
    expect(after.total).toBe(c.total + 1);
    expect(after.official).toBe(c.official + 1);
    const atStation = (await judge.get(`/api/network/composition?stationId=${stationId}`)).json();
    expect(atStation).toMatchObject({ total: 1, official: 1, officialShare: 1, warning: true });
    expect(atStation.ageBands).toEqual([{ key: '50-59', count: 1 }]);
    expect(atStation.stations).toEqual([expect.objectContaining({ id: stationId, total: 1, official: 1, warning: true })]);
  });

  it('the official-heavy demo court shows the warning; another court is 404', async () => {
    const all = (await admin.get('/api/network/composition')).json();
    expect(all.courts.length).toBeGreaterThan(10);
    expect(all.courts.some((c: { warning: boolean }) => c.warning)).toBe(true);
    expect((await kuancheng.get(`/api/network/composition?courtId=${court0102}`)).statusCode).toBe(404);
  });
});

describe('recruitment', () => {
  it('runs announcement → interview → contract → replacement → close, each audited and versioned', async () => {
    const created = await courtadmin.post('/api/network/recruitments', {
      courtId: court0102,
      announcedOn: addDays(today(), -10),
      announcement: '招募司法志愿者 2 名',
      candidateName: '志愿者甲',
      candidatePhone: '13700001111',
    });
    expect(created.statusCode).toBe(201);
    const rec = created.json();
    expect(rec.status).toBe('announced');
    const early = await courtadmin.post(`/api/network/recruitments/${rec.id}/contract`, {
      contractParty: '法院',
      payBand: '每月 300 元',
      insurance: '意外险',
      annualTrainingHours: 16,
      contractedOn: today(),
      version: rec.version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INVALID_STATE');

    const badJudge = await courtadmin.post(`/api/network/recruitments/${rec.id}/interview`, {
      judgeId: kuancheng.userId,
      interviewedOn: today(),
      result: 'passed',
      version: rec.version,
    });
    expect(badJudge.statusCode).toBe(400);
    expect(badJudge.json().errors[0].code).toBe('judge_not_in_court');
    const interviewed = await courtadmin.post(`/api/network/recruitments/${rec.id}/interview`, {
      judgeId: judge.userId,
      interviewedOn: addDays(today(), -5),
      result: 'passed',
      note: '表达清楚',
      version: rec.version,
    });
    expect(interviewed.statusCode).toBe(200);
    expect(interviewed.json()).toMatchObject({ status: 'interviewed', judgeId: judge.userId, interviewResult: 'passed' });
    const stale = await courtadmin.post(`/api/network/recruitments/${rec.id}/close`, { version: rec.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const contracted = await courtadmin.post(`/api/network/recruitments/${rec.id}/contract`, {
      contractParty: '南关区人民法院',
      payBand: '每月 300–500 元',
      insurance: '意外伤害保险',
      annualTrainingHours: 16.5,
      contractedOn: addDays(today(), -1),
      version: interviewed.json().version,
    });
    expect(contracted.statusCode).toBe(200);
    expect(contracted.json()).toMatchObject({ status: 'contracted', annualTrainingHours: 16.5 });
    const replace = await courtadmin.post(`/api/network/recruitments/${rec.id}/replacement`, {
      requestedOn: today(),
      reason: '志愿者迁居外地',
      version: contracted.json().version,
    });
    expect(replace.json().status).toBe('replacement-requested');
    const closed = await courtadmin.post(`/api/network/recruitments/${rec.id}/close`, { version: replace.json().version });
    expect(closed.json().status).toBe('closed');
    expect(await auditCount('network-recruitment', rec.id)).toBe(5);
    const list = (await judge.get(`/api/network/recruitments?courtId=${court0102}`)).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.find((r: { id: number }) => r.id === rec.id).candidatePhone).toBe('137****1111');
    expect((await kuancheng.get(`/api/network/recruitments/${rec.id}`)).statusCode).toBe(404);
    expect(
      (await judge.post('/api/network/recruitments', { courtId: court0102, announcedOn: today(), announcement: 'x', candidateName: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses an interview before the announcement and a failed candidate cannot be contracted', async () => {
    const rec = (
      await courtadmin.post('/api/network/recruitments', {
        courtId: court0102,
        announcedOn: today(),
        announcement: '招募',
        candidateName: '志愿者乙',
      })
    ).json();
    const before = await courtadmin.post(`/api/network/recruitments/${rec.id}/interview`, {
      judgeId: judge.userId,
      interviewedOn: addDays(today(), -3),
      result: 'passed',
      version: 1,
    });
    expect(before.statusCode).toBe(400);
    const failed = await courtadmin.post(`/api/network/recruitments/${rec.id}/interview`, {
      judgeId: judge.userId,
      interviewedOn: today(),
      result: 'failed',
      version: 1,
    });
    expect(failed.json().status).toBe('rejected');
    const contract = await courtadmin.post(`/api/network/recruitments/${rec.id}/contract`, {
      contractParty: 'x',
      payBand: 'x',
      insurance: 'x',
      annualTrainingHours: 1,
      contractedOn: today(),
      version: 2,
    });
    expect(contract.statusCode).toBe(409);
  });
});

describe('training', () => {
  it('records sessions with attendance; the profile shows history and hours per year', async () => {
    const people = (await courtadmin.get(`/api/network/assistants?courtId=${court0102}&status=active&limit=3`)).json().items;
    const ids = people.map((p: { id: number }) => p.id);
    const created = await courtadmin.post('/api/network/training-sessions', {
      courtId: court0102,
      topic: '送达回证规范',
      heldOn: today(),
      hours: 2.5,
      trainer: '李法官',
      kind: 'lecture',
      assistantIds: ids.slice(0, 2),
    });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ hours: 2.5, attendeeCount: 2 });
    const profileBefore = (await judge.get(`/api/network/assistants/${ids[0]}`)).json();
    const year = Number(today().slice(0, 4));
    const thisYear = profileBefore.training.hoursByYear.find((h: { year: number }) => h.year === year);
    expect(profileBefore.training.sessions.some((x: { id: number }) => x.id === s.id)).toBe(true);

    const edited = await courtadmin.put(`/api/network/training-sessions/${s.id}`, { hours: 3, assistantIds: ids, version: s.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ hours: 3, attendeeCount: 3 });
    const profileAfter = (await judge.get(`/api/network/assistants/${ids[0]}`)).json();
    expect(profileAfter.training.hoursByYear.find((h: { year: number }) => h.year === year).hours).toBeCloseTo(thisYear.hours + 0.5, 5);
    const stale = await courtadmin.put(`/api/network/training-sessions/${s.id}`, { hours: 4, version: s.version });
    expect(stale.statusCode).toBe(409);
    expect(await auditCount('network-training', s.id)).toBe(2);
  });

  it('refuses hours with two decimals, assistants of another court and assistants who left', async () => {
    const base = { courtId: court0102, topic: 't', heldOn: today(), trainer: 'x', kind: 'lecture' };
    const decimals = await courtadmin.post('/api/network/training-sessions', { ...base, hours: 1.25 });
    expect(decimals.statusCode).toBe(400);
    expect(decimals.json().errors[0]).toMatchObject({ field: 'body.hours', code: 'hours_decimal' });
    const [foreign] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM network_assistants WHERE court_id = ${court0103} LIMIT 1`,
    );
    const [gone] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM network_assistants WHERE court_id = ${court0102} AND status = 'left' LIMIT 1`,
    );
    const attendees = gone ? [foreign.id, gone.id] : [foreign.id];
    const r = await courtadmin.post('/api/network/training-sessions', { ...base, hours: 1, assistantIds: attendees });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0]).toMatchObject({ field: 'body.assistantIds.0', code: 'invalid_value' });
    if (gone) expect(r.json().errors[1]).toMatchObject({ field: 'body.assistantIds.1', code: 'assistant_left' });
    const list = (await judge.get(`/api/network/training-sessions?courtId=${court0102}&year=${today().slice(0, 4)}`)).json();
    expect(list.items.every((x: { topic: string }) => x.topic !== 't')).toBe(true);
    const [other] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM network_training_sessions WHERE court_id = ${court0102} LIMIT 1`,
    );
    expect((await kuancheng.get(`/api/network/training-sessions/${other.id}`)).statusCode).toBe(404);
  });
});
