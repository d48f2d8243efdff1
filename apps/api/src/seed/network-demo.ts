import { type EducationLevel, makeIdCard, type StationKind, type TrainingKind } from '@courtassist/contracts';
import { type NetworkCourtPlan, type SeedCourt, seedNetwork } from '../modules/network/index.js';
import type { Db } from '../platform/db.js';
import { chineseName, mobilePhone, type Random } from './random.js';

/**
 * The demo grassroots network: for every basic court and people's tribunal a few liaison
 * stations with village and enterprise points, 10–16 assistants of mixed categories (some paused
 * or gone, with their history), training sessions with attendance, commendations and volunteer
 * recruitments. The `grassroots` account (and every grassroots-assistant account) is one of them.
 * Every person is invented.
 */
export async function seedNetworkDemo(db: Db, random: Random, progress?: (message: string) => void) {
  return seedNetwork(db, (courts) => courts.map((court) => courtPlan(random, court)), progress);
}

const DAY = 86_400_000;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.parse(`${today()}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);

const STREETS = ['桂林', '南岭', '自强', '民康', '新春', '永吉', '鸿城', '曙光'];
const VILLAGES = ['前进村', '红旗村', '新立村', '胜利村', '东风村', '长山村', '太平村', '兴隆村'];
const ENTERPRISES = ['物流园区', '农机合作社', '商贸城', '工业园区'];

/** Official categories weigh more in one court, so the composition warning shows on real data. */
function categoryPick(random: Random, officialHeavy: boolean): string[] {
  const officialChance = officialHeavy ? 0.92 : 0.45;
  const first =
    random.next() < officialChance
      ? random.pick(['village-cadre', 'judicial-office', 'grid-worker'])
      : random.pick(['trade-association', 'local-talent', 'volunteer', 'invited-mediator', 'people-assessor', 'other']);
  const picked = new Set([first]);
  // One person often holds several roles: a village cadre who mediates and is a grid worker.
  if (random.next() < 0.4)
    picked.add(random.pick(officialHeavy ? ['grid-worker', 'village-cadre'] : ['invited-mediator', 'volunteer', 'grid-worker']));
  return [...picked];
}

const EDUCATION: EducationLevel[] = [
  'junior-high',
  'senior-high',
  'senior-high',
  'college',
  'college',
  'bachelor',
  'bachelor',
  'postgraduate',
];

function townOf(court: SeedCourt): string {
  const match = /人民法院(.+)人民法庭$/.exec(court.name);
  return match ? match[1] : court.name.replace(/^.+?市/, '').replace(/人民法院$/, '');
}

function courtPlan(random: Random, court: SeedCourt): NetworkCourtPlan {
  const tribunal = court.level === 'tribunal';
  const town = townOf(court);
  const base = { lng: 125.3 + random.next() * 0.3, lat: 43.8 + random.next() * 0.2 };
  const at = () => ({
    lng: Number((base.lng + random.next() * 0.05).toFixed(6)),
    lat: Number((base.lat + random.next() * 0.05).toFixed(6)),
  });
  const contact = () => ({ contactName: chineseName(random), contactPhone: mobilePhone(random) });
  const stations: NetworkCourtPlan['stations'] = [];
  const station = (kind: StationKind, name: string, address: string, parent: number | null, located = true) => {
    stations.push({ kind, name, address, ...(located ? at() : { lng: null, lat: null }), ...contact(), parent });
    return stations.length - 1;
  };
  if (tribunal) {
    const hub = station('liaison-station', `${town}镇司法协助联络站`, `${town}镇政府院内`, null);
    const second = station('liaison-station', `${town}街道司法协助联络站`, `${town}街道办事处一楼`, null);
    const villages = [random.pick(VILLAGES), random.pick(VILLAGES)];
    station('village-point', `${villages[0]}联络点`, `${town}镇${villages[0]}村委会`, hub);
    if (villages[1] !== villages[0]) station('village-point', `${villages[1]}联络点`, `${town}镇${villages[1]}村委会`, hub, false);
    station('enterprise-point', `${town}${random.pick(ENTERPRISES)}联络点`, `${town}镇工业路${random.int(1, 99)}号`, second);
  } else {
    const streets = [STREETS[random.int(0, 3)], STREETS[random.int(4, 7)]];
    const s0 = station('liaison-station', `${streets[0]}街道司法协助联络站`, `${streets[0]}街道办事处`, null);
    station('liaison-station', `${streets[1]}街道司法协助联络站`, `${streets[1]}街道综治中心`, null);
    station('village-point', `${streets[0]}社区联络点`, `${streets[0]}社区服务中心`, s0);
    station('judge-studio', `${town}法官工作室`, `${streets[1]}街道综治中心二楼`, null);
  }

  const officialHeavy = court.code === '吉0203' && !tribunal;
  const count = tribunal ? random.int(10, 14) : random.int(12, 16);
  const region = `22${court.code.slice(1)}`;
  const accounts = tribunal ? court.accounts : [];
  const assistants: NetworkCourtPlan['assistants'] = [];
  for (let i = 0; i < count; i++) {
    const account = accounts[i];
    const year = random.int(1962, 2000);
    const birth = `${year}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
    const seq = random.int(0, 999);
    const idNumber = makeIdCard(/^22\d{4}$/.test(region) ? region : '220102', birth, String(seq).padStart(3, '0'));
    const startOn = daysAgo(random.int(60, 6 * 365));
    const categories = categoryPick(random, officialHeavy);
    const primary = random.int(0, stations.length - 1);
    const attached = random.next() < 0.2 ? [...new Set([primary, random.int(0, stations.length - 1)])] : [primary];
    const changes: NetworkCourtPlan['assistants'][number]['changes'] = [];
    const roll = random.next();
    if (!account && roll < 0.08)
      changes.push({ status: 'paused', reason: '外出务工，暂停协助工作 Working away; paused', at: daysAgo(random.int(10, 50)) });
    else if (!account && roll < 0.15)
      changes.push({
        status: 'left',
        reason: '换届后不再担任村干部，退出 Left office after the election',
        at: daysAgo(random.int(10, 50)),
      });
    else if (!account && roll < 0.18) {
      changes.push({ status: 'paused', reason: '身体原因暂停 Paused for health reasons', at: daysAgo(random.int(40, 55)) });
      changes.push({ status: 'active', reason: '恢复在岗 Back at work', at: daysAgo(random.int(5, 30)) });
    }
    assistants.push({
      name: account?.displayName ?? chineseName(random),
      gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      phone: account?.phone || mobilePhone(random),
      idNumber,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      education: random.pick(EDUCATION),
      employer: categories.includes('judicial-office')
        ? `${town}司法所`
        : categories.includes('village-cadre') || categories.includes('grid-worker')
          ? `${town}${random.pick(VILLAGES)}村委会`
          : random.pick(['个体经营', '退休', `${town}商会`, '中学教师', '律师事务所', '']),
      post: categories.includes('village-cadre')
        ? random.pick(['村支书', '村主任', '村委委员'])
        : categories.includes('grid-worker')
          ? '网格员'
          : '',
      startOn,
      categories,
      stations: attached,
      changes,
      userId: account?.userId ?? null,
    });
  }

  const active = assistants.flatMap((a, i) => (a.changes.at(-1)?.status === 'left' ? [] : [i]));
  const TOPICS: [string, TrainingKind, number][] = [
    ['民事诉讼送达规范与送达回证填写', 'lecture', 2],
    ['人民调解技巧与矛盾纠纷化解', 'mediation-practice', 3.5],
    ['观摩民间借贷纠纷案件庭审', 'trial-observation', 2.5],
    ['执行线索查找与财产信息报送', 'lecture', 1.5],
  ];
  const sessions = TOPICS.slice(0, tribunal ? 2 : 3).map(([topic, kind, hours], i) => ({
    topic,
    kind,
    hours,
    heldOn: daysAgo(30 + i * 97 + random.int(0, 20)),
    trainer: `${chineseName(random)}法官`,
    attendees: active.filter(() => random.next() < 0.7),
  }));
  const commendations: NetworkCourtPlan['commendations'] = active.slice(0, 3).flatMap((a, i): NetworkCourtPlan['commendations'] =>
    i === 2
      ? [
          {
            assistant: a,
            kind: 'criticism' as const,
            recordedOn: daysAgo(random.int(5, 90)),
            reason: '送达回证填写不规范，延误反馈 Incomplete proof of delivery',
          },
        ]
      : [
          {
            assistant: a,
            kind: 'commendation' as const,
            recordedOn: daysAgo(random.int(5, 200)),
            reason: '协助化解邻里纠纷，避免矛盾升级 Helped settle a neighbourhood dispute',
          },
        ],
  );
  const volunteer = assistants.findIndex((a) => a.categories.includes('volunteer'));
  const recruitments: NetworkCourtPlan['recruitments'] = tribunal
    ? []
    : [
        {
          station: 0,
          announcedOn: daysAgo(20),
          announcement: `${court.name}面向辖区公开招募司法志愿者，协助送达、调解和普法宣传。`,
          candidateName: chineseName(random),
          candidatePhone: mobilePhone(random),
          contract: null,
        },
        ...(volunteer >= 0
          ? [
              {
                station: assistants[volunteer].stations[0],
                announcedOn: daysAgo(200),
                announcement: `${court.name}招募司法志愿者公告（第一批）。`,
                candidateName: assistants[volunteer].name,
                candidatePhone: assistants[volunteer].phone,
                contract: { interviewedOn: daysAgo(180), contractedOn: daysAgo(170), payBand: '每月补贴 300–500 元', assistant: volunteer },
              },
            ]
          : []),
      ];
  return { courtId: court.id, stations, assistants, sessions, commendations, recruitments };
}
