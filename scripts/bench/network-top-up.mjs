// The db-worker job `top-up-network` (run.mjs --assistants N --network-tasks M): on a seeded
// database (the province's courts and the demo network exist; cases may or may not), the
// grassroots network of issue 5's scale, written set-based (INSERT … SELECT generate_series …) in
// batches, with progress on stderr:
//
//   1 stations   under every basic court and tribunal, town liaison stations with village points
//                under each (networkShape: about eight assistants a village);
//   2 assistants up to N: names, ID numbers with their check digit, birth dates, education,
//                categories (one or two), one station (a fifth two), start dates over eight
//                years; about 8 % paused or gone and 3 % back after a pause, each with the
//                history of its status; training attendance at their court's sessions; a
//                judge's monthly rating for about 30 % in the previous and the current month;
//   3 accounts   200 of the active assistants get their own sign-in (role grassroots-assistant,
//                the demo password: the demo `grassroots` account's hash is reused);
//   4 tasks      up to M, in the order they were given over the last 24 months (ids rise with
//                the day, as in a real table), each given to an assistant whose time in the
//                network covers the day; every kind (delivery ones are not linked to a delivery
//                task: see README); statuses, outcomes, reports and ratings in the demo seed's
//                proportions; the last two weeks' work still open in part.
//
// Every value comes from a hash of the row's number (hashint8extended), so a run is repeatable.
// Nothing is generated twice: each step tops up to its count, names are unique per court, and
// the ID-number and username indexes are respected (ON CONFLICT … DO NOTHING, then the loop
// tops up again).
import { batchSizes, chinaDay, networkShape, previousMonth } from './network-plan.mjs';

/** A non-negative pseudo-random integer of an SQL expression, independent per salt. */
const h = (expr, salt) => `(hashint8extended((${expr})::bigint, ${salt}) & 2147483647)`;
/** One element of a text array literal, picked by the hash. */
const pick = (values, expr, salt) => `(ARRAY[${values.map((v) => `'${v}'`).join(',')}])[1 + ${h(expr, salt)} % ${values.length}]`;
/** A moment on a China Standard Time day (`day` an SQL date expression). */
const at = (day, hour, minuteExpr) =>
  `least(((${day})::timestamp + interval '${hour} hours' + (${minuteExpr}) * interval '1 minute') AT TIME ZONE 'Asia/Shanghai', now())`;

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '于',
  '董',
  '萧',
  '程',
  '曹',
  '袁',
  '邓',
  '许',
  '傅',
  '沈',
  '曾',
  '彭',
  '吕',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
  '刚',
  '桂',
  '英',
  '华',
  '玉',
  '兰',
  '建',
  '国',
  '志',
  '海',
  '春',
  '红',
  '金',
  '凤',
  '福',
  '德',
  '文',
  '宝',
  '成',
  '林',
];
const TOWN_A = ['永', '兴', '东', '西', '南', '北', '新', '长', '太', '红', '双', '福', '广', '安', '青', '大', '小', '宝', '金', '合'];
const TOWN_B = ['安', '和', '平', '丰', '胜', '阳', '山', '河', '城', '岭', '泉', '源', '桥', '湾', '屯', '家', '沟', '甸', '台', '堡'];
const VILLAGES = [
  '前进',
  '红旗',
  '新立',
  '胜利',
  '东风',
  '长山',
  '太平',
  '兴隆',
  '团结',
  '和平',
  '光明',
  '幸福',
  '民主',
  '富强',
  '建设',
  '友谊',
  '先锋',
  '向阳',
  '五一',
  '永丰',
  '三合',
  '双兴',
  '德胜',
  '保安',
  '六合',
];
const OFFICIAL = ['village-cadre', 'judicial-office', 'grid-worker'];
const OTHERS = ['trade-association', 'local-talent', 'volunteer', 'invited-mediator', 'people-assessor', 'other'];
const EDUCATION = [
  'primary',
  'junior-high',
  'junior-high',
  'senior-high',
  'senior-high',
  'senior-high',
  'college',
  'college',
  'bachelor',
  'bachelor',
  'postgraduate',
];
const DOCUMENTS = ['协助送达传票', '协助送达起诉状副本', '协助送达应诉通知书', '协助送达举证通知书', '协助送达判决书'];
const DISPUTES = ['邻里宅基地', '土地承包', '婚姻家庭', '民间借贷', '劳务报酬', '赡养'];
const DECLINE_REASONS = [
  '本人近期外出务工，无法按期办理',
  '与当事人系近亲属，应当回避',
  '身体原因暂不能外出，请改派他人',
  '该村不在本人联系范围，建议派给当地协助员',
];
const ATTITUDES = [
  '当事人对判决结果有意见，表示要到上级法院反映',
  '当事人情绪平稳，表示愿意等待法院处理结果',
  '当事人认为执行进度慢，多次在村里抱怨',
  '当事人家属情绪激动，称如不解决将集体上访',
];
const FINDINGS = [
  ['whereabouts', '经村民反映，被执行人现在本村父母家居住，白天外出打零工'],
  ['real-estate', '当事人名下有本村宅基地房屋一处，约120平方米'],
  ['vehicle', '当事人使用一辆白色小型货车从事运输，车辆登记在其配偶名下'],
  ['business', '当事人在镇集市经营农资门市，每日正常营业'],
  ['income', '当事人每年领取土地流转费约八千元'],
];

/** The person's name: a surname and one or two given characters. */
const personName = (expr, salt) =>
  `${pick(SURNAMES, expr, salt)} || ${pick(GIVEN, expr, salt + 1)} || CASE WHEN ${h(expr, salt + 2)} % 3 = 0 THEN '' ELSE ${pick(GIVEN, expr, salt + 3)} END`;
const mobile = (expr, salt) => `'1' || ${pick(['3', '5', '8'], expr, salt)} || lpad((${h(expr, salt + 1)} % 1000000000)::text, 9, '0')`;

export async function topUpNetwork({ db, rows, sql, assistants: assistantTarget, tasks: taskTarget, accounts = 200, log }) {
  const q = (ex, text) => rows(ex, sql.raw(text));
  const count = async (table, where = 'true') => (await q(db, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n;
  const started = performance.now();
  const say = (message) => log(`${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const today = chinaDay();
  const lastMonth = previousMonth(today);
  const before = {
    assistants: await count('network_assistants'),
    tasks: await count('network_tasks'),
    stations: await count('network_stations'),
  };
  const courts = await q(
    db,
    `SELECT c.id, c.code, c.level, (row_number() OVER (ORDER BY c.path) - 1)::int AS n
     FROM courts c WHERE c.level IN ('basic', 'tribunal') ORDER BY c.path`,
  );
  if (courts.length === 0) throw new Error('top-up-network: no basic court or tribunal: seed the province first');
  if (before.assistants === 0) throw new Error('top-up-network: the demo network is missing: seed with `courtassist seed`');

  const shape = await db.transaction(async (tx) => {
    await createCourtList(tx, q);

    // 1. Stations: towns first, then the villages under every town station.
    const { towns, villagesPerTown } = networkShape(Math.ceil(Math.max(assistantTarget, before.assistants) / courts.length));
    const townIndex = `((t * 37 + c.n * 101) % ${TOWN_A.length * TOWN_B.length})`;
    await q(
      tx,
      `INSERT INTO network_stations (court_id, kind, name, address, lng, lat, contact_name, contact_phone)
       SELECT c.id, 'liaison-station', tw.town || '镇司法协助联络站', tw.town || '镇人民政府院内',
              CASE WHEN ${h('c.id * 1000 + t', 11)} % 10 > 0 THEN round((125.0 + ${h('c.id * 1000 + t', 12)} % 150000 / 100000.0)::numeric, 6) END,
              CASE WHEN ${h('c.id * 1000 + t', 11)} % 10 > 0 THEN round((43.3 + ${h('c.id * 1000 + t', 13)} % 100000 / 100000.0)::numeric, 6) END,
              ${personName('c.id * 1000 + t', 14)}, ${mobile('c.id * 1000 + t', 18)}
       FROM bench_courts c CROSS JOIN generate_series(0, ${towns - 1}) t
       CROSS JOIN LATERAL (SELECT (ARRAY[${TOWN_A.map((v) => `'${v}'`).join(',')}])[1 + ${townIndex} / ${TOWN_B.length}]
                               || (ARRAY[${TOWN_B.map((v) => `'${v}'`).join(',')}])[1 + ${townIndex} % ${TOWN_B.length}] AS town) tw
       ON CONFLICT (court_id, name) DO NOTHING`,
    );
    await q(
      tx,
      `INSERT INTO network_stations (court_id, parent_id, kind, name, address, lng, lat, contact_name, contact_phone)
       SELECT s.court_id, s.id, 'village-point', v.village || '村联络点', v.village || '村村委会',
              CASE WHEN s.lng IS NOT NULL AND ${h('s.id * 1000 + j', 21)} % 5 > 0 THEN round((s.lng + ${h('s.id * 1000 + j', 22)} % 5000 / 100000.0)::numeric, 6) END,
              CASE WHEN s.lng IS NOT NULL AND ${h('s.id * 1000 + j', 21)} % 5 > 0 THEN round((s.lat + ${h('s.id * 1000 + j', 23)} % 5000 / 100000.0)::numeric, 6) END,
              ${personName('s.id * 1000 + j', 24)}, ${mobile('s.id * 1000 + j', 28)}
       FROM network_stations s CROSS JOIN generate_series(0, ${villagesPerTown - 1}) j
       CROSS JOIN LATERAL (SELECT left(s.name, length(s.name) - 7)
                                  || (ARRAY[${VILLAGES.map((v) => `'${v}'`).join(',')}])[1 + (j + s.id) % ${VILLAGES.length}]
                                  || CASE WHEN j >= ${VILLAGES.length} THEN (j / ${VILLAGES.length} + 1)::text ELSE '' END AS village) v
       WHERE s.kind = 'liaison-station' AND s.parent_id IS NULL AND s.name LIKE '%镇司法协助联络站'
         AND s.court_id IN (SELECT id FROM bench_courts)
       ON CONFLICT (court_id, name) DO NOTHING`,
    );
    return { towns, villagesPerTown };
  });
  say(
    `stations: ${before.stations.toLocaleString('en-US')} → ${(await count('network_stations')).toLocaleString('en-US')} ` +
      `(${shape.towns} towns of ${shape.villagesPerTown} villages per court)`,
  );

  // 2. Assistants, 5,000 a statement, each with categories, stations, status history, training and ratings.
  for (let round = 0; round < 5; round++) {
    const have = await count('network_assistants');
    const sizes = batchSizes(have, assistantTarget, 5_000);
    if (sizes.length === 0) break;
    let from = (await q(db, 'SELECT coalesce(max(id), 0)::int AS m FROM network_assistants'))[0].m * 7 + round * 1_000_003;
    for (const size of sizes) {
      await db.transaction(async (tx) => {
        await createCourtList(tx, q);
        await q(
          tx,
          `CREATE TEMP TABLE bench_stations ON COMMIT DROP AS
                     SELECT s.court_id, (row_number() OVER (PARTITION BY s.court_id ORDER BY s.id) - 1)::int AS rn,
                            (count(*) OVER (PARTITION BY s.court_id))::int AS n, s.id
                     FROM network_stations s WHERE s.active AND s.court_id IN (SELECT id FROM bench_courts)`,
        );
        await q(tx, 'CREATE UNIQUE INDEX ON bench_stations (court_id, rn)');
        await q(tx, insertAssistants(from, size, courts.length, today, lastMonth));
      });
      from += size;
      say(`assistants: ${(await count('network_assistants')).toLocaleString('en-US')} of ${assistantTarget.toLocaleString('en-US')}`);
    }
  }

  // 3. Sign-ins of 200 active assistants (usernames bench-assistant-0001 …), the demo password.
  const haveAccounts = await count('users', `username LIKE 'bench-assistant-%'`);
  if (accounts > haveAccounts) {
    await q(
      db,
      `WITH cand AS (
         SELECT a.id, a.court_id, a.name, a.phone,
                'bench-assistant-' || lpad((row_number() OVER (ORDER BY ${h('a.id', 51)}, a.id) + ${haveAccounts})::text, 4, '0') AS username
         FROM network_assistants a
         WHERE a.user_id IS NULL AND a.status = 'active' AND a.start_on <= '${today}'::date - 400
         ORDER BY ${h('a.id', 51)}, a.id LIMIT ${accounts - haveAccounts}
       ),
       u AS (
         INSERT INTO users (username, display_name, phone, court_id, password_hash)
         SELECT cand.username, cand.name, cand.phone, cand.court_id,
                (SELECT password_hash FROM users WHERE lower(username) = 'grassroots')
         FROM cand ON CONFLICT DO NOTHING
         RETURNING id, username
       ),
       r AS (
         INSERT INTO user_roles (user_id, role_id) SELECT u.id, (SELECT id FROM roles WHERE code = 'grassroots-assistant') FROM u
       )
       UPDATE network_assistants a SET user_id = u.id FROM u JOIN cand ON cand.username = u.username WHERE a.id = cand.id`,
    );
  }
  say(`assistant accounts: ${(await count('users', `username LIKE 'bench-assistant-%'`)).toLocaleString('en-US')}`);

  // 4. Tasks, 100,000 a statement, with the reports of those reported.
  for (let round = 0; round < 3; round++) {
    const have = await count('network_tasks');
    const missing = taskTarget - have;
    if (missing <= 0) break;
    const span = 730;
    let offset = 0;
    for (const size of batchSizes(0, missing, 100_000)) {
      await db.transaction(async (tx) => {
        await createAssistantPick(tx, q, today, span);
        await q(tx, insertTasks({ from: offset, size, missing, span, today, salt: have + round }));
      });
      offset += size;
      say(`network tasks: ${(await count('network_tasks')).toLocaleString('en-US')} of ${taskTarget.toLocaleString('en-US')}`);
    }
  }

  const after = {
    assistants: await count('network_assistants'),
    tasks: await count('network_tasks'),
    stations: await count('network_stations'),
  };
  return {
    before,
    after,
    accounts: await count('users', `username LIKE 'bench-assistant-%'`),
    month: lastMonth,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * The basic courts and tribunals, numbered (`n`), with the region of their assistants' ID numbers
 * and the person who gives their tasks and rates them: the nearest user above the court, a judge
 * first (as the demo seed picks them). Once per court, not once per row.
 */
async function createCourtList(tx, q) {
  await q(
    tx,
    `CREATE TEMP TABLE bench_courts ON COMMIT DROP AS
     SELECT c.id, (row_number() OVER (ORDER BY c.path) - 1)::int AS n,
            '22' || CASE WHEN c.code ~ '^吉[0-9]{4}$' THEN substr(c.code, 2) ELSE '0102' END AS region,
            j.id AS judge_id, j.display_name AS judge_name
     FROM courts c
     JOIN LATERAL (SELECT u.id, u.display_name FROM users u JOIN courts uc ON uc.id = u.court_id
                   JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
                   WHERE c.path LIKE uc.path || '%' AND r.code <> 'grassroots-assistant'
                   ORDER BY length(uc.path) DESC, (r.code = 'judge') DESC, u.id LIMIT 1) j ON true
     WHERE c.level IN ('basic', 'tribunal')`,
  );
  await q(tx, 'CREATE UNIQUE INDEX ON bench_courts (n)');
  await q(tx, 'CREATE UNIQUE INDEX ON bench_courts (id)');
}

/** One statement: `size` assistants numbered from `from`, with everything that hangs on them. */
function insertAssistants(from, size, courts, today, lastMonth) {
  const i = 'g';
  const official = `(${h(i, 60)} % 100 < 55)`;
  return `
  WITH person AS (
    SELECT g, c.id AS court_id, c.region,
           ${personName(i, 61)} AS name,
           date '1962-01-01' + (${h(i, 65)} % 14000)::int AS birth,
           ${h(i, 66)} % 1000 AS seq,
           ${mobile(i, 67)} AS phone,
           ${pick(EDUCATION, i, 69)} AS education,
           CASE WHEN ${official} THEN ${pick(OFFICIAL, i, 70)} ELSE ${pick(OTHERS, i, 71)} END AS cat1,
           CASE WHEN ${h(i, 72)} % 100 < 40 THEN CASE WHEN ${official} THEN ${pick(['grid-worker', 'village-cadre', 'invited-mediator'], i, 73)}
                                                      ELSE ${pick(['invited-mediator', 'volunteer', 'grid-worker'], i, 74)} END END AS cat2,
           CASE WHEN ${h(i, 75)} % 100 < 80 THEN '${today}'::date - (731 + ${h(i, 76)} % 2190)::int
                ELSE '${today}'::date - (30 + ${h(i, 77)} % 700)::int END AS start_on,
           ${h(i, 78)} % 100 AS fate
    FROM generate_series(${from}, ${from + size - 1}) g JOIN bench_courts c ON c.n = g % ${courts}
  ),
  person2 AS (
    SELECT p.*, p.region || to_char(p.birth, 'YYYYMMDD') || lpad(p.seq::text, 3, '0') AS id17,
           least(greatest(p.start_on + 30, '${today}'::date - 10 - (${h('p.g', 79)} % 540)::int), '${today}'::date - 1) AS change_on,
           CASE WHEN p.fate < 4 THEN 'paused' WHEN p.fate < 8 THEN 'left' ELSE 'active' END AS status
    FROM person p
  ),
  person3 AS (
    SELECT p.*, p.id17 || substr('10X98765432', 1 + (SELECT sum(substr(p.id17, k, 1)::int * (ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[k])::int
                                                      FROM generate_series(1, 17) k) % 11, 1) AS id_number
    FROM person2 p
  ),
  person4 AS (SELECT DISTINCT ON (court_id, id_number) * FROM person3),
  ins AS (
    INSERT INTO network_assistants (court_id, name, gender, phone, id_number, education, birth_date, employer, post, start_on, status,
                                    created_at, updated_at)
    SELECT p.court_id, p.name, CASE WHEN p.seq % 2 = 1 THEN 'male' ELSE 'female' END, p.phone, p.id_number, p.education, p.birth,
           CASE WHEN p.cat1 = 'judicial-office' THEN '司法所'
                WHEN p.cat1 IN ('village-cadre', 'grid-worker') THEN ${pick(VILLAGES, 'p.g', 80)} || '村委会'
                ELSE ${pick(['个体经营', '退休', '商会', '中学教师', '律师事务所', ''], 'p.g', 81)} END,
           CASE p.cat1 WHEN 'village-cadre' THEN ${pick(['村支书', '村主任', '村委委员'], 'p.g', 82)} WHEN 'grid-worker' THEN '网格员' ELSE '' END,
           p.start_on, p.status, ${at('p.start_on', 9, '0')}, ${at('CASE WHEN p.fate < 11 THEN p.change_on ELSE p.start_on END', 10, '0')}
    FROM person4 p
    ON CONFLICT (court_id, id_number) WHERE id_number IS NOT NULL DO NOTHING
    RETURNING id, court_id, id_number, start_on, status
  ),
  born AS (SELECT ins.*, p.g, p.cat1, p.cat2, p.fate, p.change_on FROM ins JOIN person4 p ON p.court_id = ins.court_id AND p.id_number = ins.id_number),
  cats AS (
    INSERT INTO network_assistant_categories (assistant_id, category_id)
    SELECT DISTINCT b.id, nc.id FROM born b JOIN network_categories nc ON nc.code IN (b.cat1, b.cat2)
  ),
  stations AS (
    INSERT INTO network_assistant_stations (assistant_id, station_id)
    SELECT DISTINCT b.id, s.id FROM born b
    JOIN bench_stations s0 ON s0.court_id = b.court_id AND s0.rn = 0
    JOIN bench_stations s ON s.court_id = b.court_id
      AND (s.rn = ${h('b.id', 83)} % s0.n OR (${h('b.id', 84)} % 100 < 20 AND s.rn = ${h('b.id', 85)} % s0.n))
  ),
  history AS (
    INSERT INTO network_status_changes (assistant_id, from_status, to_status, reason, changed_by_name, changed_at)
    SELECT b.id, NULL, 'active', '登记为司法协助员 Registered', 'bench', ${at('b.start_on', 9, '0')} FROM born b
    UNION ALL
    SELECT b.id, 'active', 'paused', '外出务工，暂停协助工作 Working away; paused', 'bench', ${at('b.change_on', 10, '0')} FROM born b WHERE b.fate < 4
    UNION ALL
    SELECT b.id, 'active', 'left', '换届后不再担任村干部，退出 Left office after the election', 'bench', ${at('b.change_on', 10, '0')}
    FROM born b WHERE b.fate >= 4 AND b.fate < 8
    UNION ALL
    SELECT b.id, 'active', 'paused', '身体原因暂停 Paused for health reasons', 'bench', ${at('b.change_on - 20', 10, '0')} FROM born b WHERE b.fate >= 8 AND b.fate < 11
    UNION ALL
    SELECT b.id, 'paused', 'active', '恢复在岗 Back at work', 'bench', ${at('b.change_on', 10, '0')} FROM born b WHERE b.fate >= 8 AND b.fate < 11
  ),
  training AS (
    INSERT INTO network_training_attendance (session_id, assistant_id)
    SELECT s.id, b.id FROM born b JOIN network_training_sessions s ON s.court_id = b.court_id
    WHERE s.held_on >= b.start_on AND b.status <> 'left' AND ${h('b.id * 100 + s.id', 86)} % 100 < 65
  ),
  rated AS (
    INSERT INTO network_ratings (court_id, assistant_id, month, rating, note, rated_by, rated_by_name, created_at, updated_at)
    SELECT b.court_id, b.id, m.month, 3 + ${h('b.id * 13 + m.k', 87)} % 3, '', c.judge_id, c.judge_name, now(), now()
    FROM born b CROSS JOIN (VALUES (1, '${lastMonth}'), (2, '${today.slice(0, 7)}')) AS m(k, month)
    JOIN bench_courts c ON c.id = b.court_id
    WHERE b.status = 'active' AND b.start_on <= '${today}'::date - 62 AND ${h('b.id * 13 + m.k', 88)} % 100 < 30
    ON CONFLICT DO NOTHING
  )
  SELECT count(*)::int AS n FROM born`;
}

/**
 * The assistants who can be given a task, numbered (`idx`), each with the days they could be
 * given one (from their start, at most `span` days back, to today, or to the day they paused or
 * left), their first station and the place it names, and who gives their tasks.
 */
async function createAssistantPick(tx, q, today, span) {
  await createCourtList(tx, q);
  await q(
    tx,
    `CREATE TEMP TABLE bench_pick ON COMMIT DROP AS
     WITH base AS (
       SELECT a.id, a.court_id, a.user_id, greatest(a.start_on, '${today}'::date - ${span}) AS from_on,
              CASE WHEN a.status = 'active' THEN '${today}'::date
                   ELSE coalesce((SELECT (max(sc.changed_at) AT TIME ZONE 'Asia/Shanghai')::date FROM network_status_changes sc
                                  WHERE sc.assistant_id = a.id AND sc.to_status = a.status), '${today}'::date) END AS until_on,
              (SELECT min(x.station_id) FROM network_assistant_stations x WHERE x.assistant_id = a.id) AS station_id
       FROM network_assistants a
     )
     SELECT (row_number() OVER (ORDER BY b.id) - 1)::int AS idx, b.*,
            coalesce(regexp_replace(s.name, '(司法协助联络站|联络点|法官工作室)$', ''), '本村') AS place,
            c.judge_id, c.judge_name
     FROM base b LEFT JOIN network_stations s ON s.id = b.station_id JOIN bench_courts c ON c.id = b.court_id
     WHERE b.until_on >= b.from_on`,
  );
  await q(tx, 'CREATE UNIQUE INDEX ON bench_pick (idx)');
  await q(tx, 'CREATE UNIQUE INDEX ON bench_pick (id)');
  // The parties of each court's cases, numbered, for the tasks that concern a party.
  await q(
    tx,
    `CREATE TEMP TABLE bench_parties ON COMMIT DROP AS
     SELECT k.court_id, (row_number() OVER (PARTITION BY k.court_id ORDER BY p.id) - 1)::int AS rn,
            (count(*) OVER (PARTITION BY k.court_id))::int AS n, p.id AS party_id, k.id AS case_id
     FROM case_parties p JOIN cases k ON k.id = p.case_id`,
  );
  await q(tx, 'CREATE UNIQUE INDEX ON bench_parties (court_id, rn)');
  await q(tx, 'ANALYZE bench_pick');
  await q(tx, 'ANALYZE bench_parties');
}

/**
 * One statement: tasks number `from` … `from + size − 1` of `missing`, spread evenly over the
 * last `span` days in order (so ids rise with the day), each given to an assistant picked by a
 * skewed hash (some carry far more than others) among those whose days cover it — three tries,
 * a task whose tries all miss is left out (the caller's loop tops up) — with its report.
 */
function insertTasks({ from, size, missing, span, today, salt }) {
  const g = `(g + ${salt * 7919})`;
  // In double precision: numeric power() costs more than the rest of the row.
  const tryPick = (k) => `floor(p.n * power((${h(g, 100 + k)} % 1000000)::float8 / 1000000.0, 1.3))::int`;
  const kinds = `CASE WHEN r.rk < 38 THEN 'delivery' WHEN r.rk < 53 THEN 'mediation' WHEN r.rk < 68 THEN 'investigation'
                      WHEN r.rk < 78 THEN 'petition-risk' WHEN r.rk < 90 THEN 'dispute-report' ELSE 'circuit-liaison' END`;
  return `
  WITH src AS (
    SELECT g, '${today}'::date - ${span} + ((g::bigint * ${span + 1}) / ${missing})::int AS day,
           ${tryPick(1)} AS i1, ${tryPick(2)} AS i2, ${tryPick(3)} AS i3
    FROM generate_series(${from}, ${from + size - 1}) g CROSS JOIN (SELECT count(*)::float8 AS n FROM bench_pick) p
  ),
  chosen AS (
    SELECT src.g, src.day, coalesce(a1.idx, a2.idx, a3.idx) AS idx
    FROM src
    LEFT JOIN bench_pick a1 ON a1.idx = src.i1 AND src.day BETWEEN a1.from_on AND a1.until_on
    LEFT JOIN bench_pick a2 ON a2.idx = src.i2 AND src.day BETWEEN a2.from_on AND a2.until_on
    LEFT JOIN bench_pick a3 ON a3.idx = src.i3 AND src.day BETWEEN a3.from_on AND a3.until_on
  ),
  r AS (
    SELECT c.g, c.day AS created, a.*, '${today}'::date - c.day AS age, ${h(g, 110)} % 1000 AS rs, ${h(g, 111)} % 100 AS rk,
           ${h(g, 112)} % 100 AS rsuccess
    FROM chosen c JOIN bench_pick a ON a.idx = c.idx
  ),
  s1 AS (
    SELECT r.*, ${kinds} AS kind,
           CASE WHEN r.until_on < '${today}'::date OR r.age > 14 THEN CASE WHEN r.rs < 900 THEN 'confirmed' ELSE 'declined' END
                WHEN r.rs < 300 THEN 'confirmed' WHEN r.rs < 470 THEN 'reported' WHEN r.rs < 630 THEN 'accepted'
                WHEN r.rs < 900 THEN 'assigned' ELSE 'declined' END AS status0
    FROM r
  ),
  s2 AS (
    SELECT s1.*,
           CASE WHEN s1.status0 = 'confirmed' AND s1.age < 3 THEN 'reported'
                WHEN s1.status0 = 'reported' AND s1.age < 1 THEN 'accepted' ELSE s1.status0 END AS status,
           CASE s1.kind WHEN 'delivery' THEN s1.rsuccess < 85 WHEN 'mediation' THEN s1.rsuccess < 70
                        WHEN 'investigation' THEN s1.rsuccess < 78 ELSE true END AS success
    FROM s1
  ),
  s3 AS (
    SELECT s2.*,
           greatest(s2.created + 1, least(s2.created + 1 + (${h(g, 113)} % 6)::int,
                    CASE WHEN s2.status = 'confirmed' THEN '${today}'::date - 2 ELSE '${today}'::date - 1 END)) AS reported_on,
           CASE WHEN s2.status IN ('assigned', 'accepted')
                THEN greatest(s2.created + 1, CASE WHEN ${h(g, 114)} % 100 < 15 THEN '${today}'::date - (1 + ${h(g, 115)} % 3)::int
                                                   ELSE '${today}'::date + (${h(g, 116)} % 5)::int END)
                ELSE s2.created + 5 END AS due_on
    FROM s2
  ),
  s4 AS (
    SELECT s3.*, least(s3.reported_on, '${today}'::date) AS rep_on,
           CASE WHEN s3.kind IN ('delivery', 'investigation') THEN bp.party_id END AS party_id,
           CASE WHEN s3.kind IN ('delivery', 'investigation') THEN bp.case_id END AS case_id
    FROM s3
    LEFT JOIN LATERAL (SELECT n FROM bench_parties p0 WHERE p0.court_id = s3.court_id AND p0.rn = 0) pc ON true
    LEFT JOIN bench_parties bp ON bp.court_id = s3.court_id AND bp.rn = ${h(g, 117)} % pc.n
  ),
  ins AS (
    INSERT INTO network_tasks (court_id, kind, status, assistant_id, station_id, case_id, party_id, title, instructions, due_on,
                               decline_reason, report_id, outcome, rating, assigned_by, assigned_by_name, accepted_at, reported_at,
                               confirmed_at, confirmed_on, confirmed_by, version, created_at, updated_at)
    SELECT t.court_id, t.kind, t.status, t.id, t.station_id, t.case_id, t.party_id,
           CASE t.kind WHEN 'delivery' THEN ${pick(DOCUMENTS, g, 120)}
                       WHEN 'mediation' THEN '协助调解' || t.place || ${pick(DISPUTES, g, 121)} || '纠纷'
                       WHEN 'investigation' THEN '协助查找被执行人下落及财产线索（' || t.place || '）'
                       WHEN 'petition-risk' THEN '了解' || t.place || '当事人信访风险'
                       WHEN 'dispute-report' THEN '排查' || t.place || '矛盾纠纷'
                       ELSE '联系' || t.place || '巡回审判场地并通知当事人' END,
           CASE t.kind WHEN 'delivery' THEN '请核对受送达人身份后当面送达，拍摄送达回证照片'
                       WHEN 'mediation' THEN '请约双方当事人到村委会当面调解，如实记录调解结果'
                       WHEN 'investigation' THEN '请走访了解当事人现住址、房产、车辆和经营收入情况'
                       WHEN 'petition-risk' THEN '请了解当事人对案件处理的态度，评估信访风险'
                       WHEN 'dispute-report' THEN '请排查辖区内新发矛盾纠纷，发现苗头及时报告'
                       ELSE '请落实巡回审判场地，通知当事人和村民代表旁听' END,
           t.due_on,
           CASE WHEN t.status = 'declined' THEN ${pick(DECLINE_REASONS, g, 122)} END,
           CASE WHEN t.status IN ('reported', 'confirmed') THEN nextval(pg_get_serial_sequence('network_task_reports', 'id')) END,
           CASE WHEN t.status IN ('reported', 'confirmed') THEN CASE WHEN t.success THEN 'success' ELSE 'failure' END END,
           CASE WHEN t.status = 'confirmed' THEN CASE WHEN ${h(g, 123)} % 10 = 0 THEN 2 ELSE 3 + ${h(g, 124)} % 3 END END,
           t.judge_id, t.judge_name,
           CASE WHEN t.status IN ('accepted', 'reported', 'confirmed') THEN ${at('t.created', 15, `${h(g, 125)} % 60`)} END,
           CASE WHEN t.status IN ('reported', 'confirmed') THEN ${at('t.rep_on', 17, `${h(g, 126)} % 60`)} END,
           CASE WHEN t.status = 'confirmed' THEN ${at('t.rep_on + 1', 9, `${h(g, 127)} % 150`)} END,
           CASE WHEN t.status = 'confirmed' THEN t.rep_on + 1 END,
           CASE WHEN t.status = 'confirmed' THEN t.judge_id END,
           CASE t.status WHEN 'assigned' THEN 1 WHEN 'accepted' THEN 2 WHEN 'declined' THEN 2 WHEN 'reported' THEN 3 ELSE 4 END,
           ${at('t.created', 8, `${h(g, 128)} % 180`)},
           CASE t.status WHEN 'assigned' THEN ${at('t.created', 8, `${h(g, 128)} % 180`)}
                         WHEN 'accepted' THEN ${at('t.created', 15, `${h(g, 125)} % 60`)}
                         WHEN 'declined' THEN ${at('t.created', 16, `${h(g, 129)} % 60`)}
                         WHEN 'reported' THEN ${at('t.rep_on', 17, `${h(g, 126)} % 60`)}
                         ELSE ${at('t.rep_on + 1', 9, `${h(g, 127)} % 150`)} END
    FROM s4 t ORDER BY t.g
    RETURNING id, assistant_id, kind, outcome, report_id, reported_at, assigned_by
  )
  INSERT INTO network_task_reports (id, task_id, assistant_id, idempotency_key, occurred_at, content, outcome, submitted_by, submitted_at)
  SELECT i.report_id, i.id, i.assistant_id, 'bench-report-' || i.id, i.reported_at - interval '7 hours',
         CASE i.kind
           WHEN 'delivery' THEN jsonb_build_object('kind', 'delivery',
             'outcome', CASE WHEN i.outcome = 'success' THEN 'success' ELSE ${pick(['refused', 'unsigned', 'no-such-person', 'phone-empty'], 'i.id', 130)} END,
             'receiver', CASE WHEN i.outcome = 'success' THEN '本人' ELSE '' END, 'place', p.place || '受送达人住所',
             'note', CASE WHEN i.outcome = 'success' THEN '当面签收，已拍摄送达回证' ELSE '多次上门未能送达' END)
           WHEN 'mediation' THEN jsonb_build_object('kind', 'mediation',
             'result', CASE WHEN i.outcome = 'failure' THEN 'not-settled' WHEN ${h('i.id', 131)} % 4 = 0 THEN 'partly-settled' ELSE 'settled' END,
             'note', CASE WHEN i.outcome = 'failure' THEN '双方分歧较大，未能达成调解，已告知诉讼途径' ELSE '在' || p.place || '村委会组织双方调解，达成协议' END)
           WHEN 'investigation' THEN jsonb_build_object('kind', 'investigation',
             'findings', CASE WHEN i.outcome = 'failure' THEN '[]'::jsonb
               ELSE jsonb_build_array((ARRAY[${FINDINGS.map(([k, text]) => `jsonb_build_object('kind', '${k}', 'text', '${text}')`).join(',')}])[1 + ${h('i.id', 132)} % ${FINDINGS.length}]) END,
             'note', CASE WHEN i.outcome = 'failure' THEN '走访村干部和邻居，未发现财产线索' ELSE '' END)
           WHEN 'petition-risk' THEN (SELECT jsonb_build_object('kind', 'petition-risk', 'attitude', x.attitude,
               'riskLevel', CASE WHEN x.attitude LIKE '%上访%' THEN 'high' WHEN x.attitude LIKE '%上级%' THEN 'medium' ELSE 'low' END, 'note', '')
             FROM (SELECT ${pick(ATTITUDES, 'i.id', 133)} AS attitude) x)
           WHEN 'dispute-report' THEN jsonb_build_object('kind', 'dispute-report', 'parties', ${personName('i.id', 134)} || '、' || ${personName('i.id', 138)},
             'summary', '两户因' || ${pick(DISPUTES, 'i.id', 142)} || '问题发生争执，已先行劝解，建议纳入诉前调解', 'place', p.place)
           ELSE jsonb_build_object('kind', 'circuit-liaison', 'venue', p.place || '村委会会议室',
             'notified', jsonb_build_array(${personName('i.id', 143)}, '村民代表'), 'note', '')
         END,
         i.outcome, coalesce(p.user_id, i.assigned_by), i.reported_at
  FROM ins i JOIN bench_pick p ON p.id = i.assistant_id
  WHERE i.report_id IS NOT NULL`;
}
