import type { SuggestionCandidate, SuggestionInput, SuggestionStation } from '@courtassist/contracts';
import { ASSISTANT_STATUSES, suggestionCandidate, suggestionInput, suggestionRules } from '@courtassist/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUGGESTION_RULES as RULES } from './rules-defaults.js';
import { matchStations, normaliseAddress, suggestAssistants } from './suggestion.js';

// A town station (奢岭街道), a village point inside it (新立村), another town (鹿乡镇) that also
// has a 新立村, and a judge studio with no area.
const SHELING: SuggestionStation = { stationId: 1, name: '奢岭街道联络站', areaNames: ['奢岭街道', '奢岭'] };
const XINLI: SuggestionStation = { stationId: 2, name: '新立村联络点', areaNames: ['奢岭街道新立村'] };
const LUXIANG: SuggestionStation = { stationId: 3, name: '鹿乡镇联络站', areaNames: ['鹿乡镇', '鹿乡镇新立村', '十家堡村'] };
const STUDIO: SuggestionStation = { stationId: 4, name: '双阳法官工作室', areaNames: [] };
const STATIONS = [SHELING, XINLI, LUXIANG, STUDIO];

const candidate = (assistantId: number, stations: SuggestionStation[], over: Partial<SuggestionCandidate> = {}): SuggestionCandidate => ({
  assistantId,
  name: `协助员${assistantId}`,
  status: 'active',
  stations,
  openTasks: 0,
  pastCompleted: 20,
  pastSuccesses: 18,
  ...over,
});
const request = (address: string, candidates: SuggestionCandidate[], over: Partial<SuggestionInput> = {}): SuggestionInput => ({
  address,
  candidates,
  ...over,
});

describe('matchStations: the longest area name in the address wins', () => {
  it.each([
    ['长春市双阳区奢岭街道新立村3组45号', [2], '奢岭街道新立村'],
    ['长春市双阳区奢岭街道富民小区2栋', [1], '奢岭街道'],
    ['双阳区奢岭镇（原）', [1], '奢岭'],
    ['长春市双阳区鹿乡镇新立村5组', [3], '鹿乡镇新立村'],
    ['鹿乡镇十家堡村', [3], '十家堡村'],
    ['长春市朝阳区红旗街88号', [], null],
    ['', [], null],
  ])('%s → %j', (address, ids, areaName) => {
    const matches = matchStations(address, STATIONS);
    expect(matches.map((m) => m.stationId)).toEqual(ids);
    if (areaName) expect(matches[0].areaName).toBe(areaName);
  });

  it('returns every station tied on the longest name (an ambiguous village name), ordered by id', () => {
    const a: SuggestionStation = { stationId: 9, name: 'A站', areaNames: ['和平村'] };
    const b: SuggestionStation = { stationId: 8, name: 'B站', areaNames: ['和平村'] };
    expect(matchStations('和平村3组', [a, b]).map((m) => m.stationId)).toEqual([8, 9]);
  });

  it('ignores white space and full-width forms (NFKC)', () => {
    expect(normaliseAddress(' 鹿乡镇　十家堡村 １组 ')).toBe('鹿乡镇十家堡村1组');
    expect(matchStations('鹿乡镇　十家堡村１组', STATIONS).map((m) => m.areaName)).toEqual(['十家堡村']);
    expect(matchStations('奢 岭 街 道', STATIONS).map((m) => m.stationId)).toEqual([1]);
  });

  it('does not match an abbreviation the station does not list (a documented limit)', () => {
    expect(matchStations('双阳区鹿乡12号', STATIONS)).toEqual([]);
  });
});

describe('suggestAssistants', () => {
  const villageHelper = candidate(10, [XINLI]);
  const townHelper = candidate(11, [SHELING]);
  const otherTown = candidate(12, [LUXIANG]);
  const studio = candidate(13, [STUDIO]);
  const address = '长春市双阳区奢岭街道新立村3组45号';

  it('ranks the matched station first, then its town, then the rest, with reasons', () => {
    const result = suggestAssistants(request(address, [studio, otherTown, townHelper, villageHelper]), RULES);
    expect(result.matchedStations).toEqual([{ stationId: 2, name: '新立村联络点', areaName: '奢岭街道新立村' }]);
    expect(result.suggestions.map((s) => s.assistantId)).toEqual([10, 11, 12, 13]);
    const [village, town, other] = result.suggestions;
    // load 20 (no open task) + record 20 × (18 + 5 × 0.8) / 25 = 17.6
    expect(village.score).toBe(40 + 20 + 17.6);
    expect(village.reasons).toEqual([
      {
        code: 'same-station',
        points: 40,
        zh: '地址含“奢岭街道新立村”，属新立村联络点',
        en: 'the address names 奢岭街道新立村, in 新立村联络点’s area',
      },
      { code: 'load', points: 20, zh: '在办任务 0 件', en: '0 open tasks' },
      { code: 'record', points: 17.6, zh: '既往成功 18/20 件', en: '18 of 20 earlier tasks succeeded' },
    ]);
    expect(town.score).toBe(20 + 20 + 17.6);
    expect(town.reasons[0]).toEqual({
      code: 'area-named',
      points: 20,
      zh: '地址含“奢岭街道”，在奢岭街道联络站辖区',
      en: 'the address names 奢岭街道, covered by 奢岭街道联络站',
    });
    expect(other.reasons.map((r) => r.code)).toEqual(['load', 'record']);
  });

  it('uses the recipient’s station when given, instead of the address', () => {
    const result = suggestAssistants(request(address, [villageHelper, otherTown], { stationId: 3 }), RULES);
    expect(result.suggestions.map((s) => s.assistantId)).toEqual([12, 10]);
    expect(result.suggestions[0].reasons[0]).toMatchObject({ code: 'same-station', zh: '属收件人所在的鹿乡镇联络站' });
    // the village helper is still credited for the place named in the address
    expect(result.suggestions[1].reasons[0]).toMatchObject({ code: 'area-named' });
  });

  it('never suggests paused or departed assistants, and lists them as excluded', () => {
    const result = suggestAssistants(
      request(address, [
        candidate(21, [XINLI], { status: 'paused' }),
        candidate(20, [XINLI], { status: 'left' }),
        candidate(22, [STUDIO], { openTasks: 9 }),
      ]),
      RULES,
    );
    expect(result.suggestions.map((s) => s.assistantId)).toEqual([22]);
    expect(result.excluded).toEqual([
      { assistantId: 20, status: 'left' },
      { assistantId: 21, status: 'paused' },
    ]);
  });

  it.each([
    // [open tasks, load points] — 20 × (10 − open) / 10, never below 0
    [0, 20],
    [1, 18],
    [5, 10],
    [10, 0],
    [25, 0],
  ])('%i open tasks → %s load points', (openTasks, points) => {
    const [s] = suggestAssistants(request('无关地址', [candidate(1, [], { openTasks })]), RULES).suggestions;
    expect(s.reasons.find((r) => r.code === 'load')?.points).toBe(points);
  });

  it.each([
    // [completed, successes, record points] — 20 × (successes + 5 × 0.8) / (completed + 5)
    [0, 0, 16, '暂无办理记录'],
    [1, 1, 16.67, '既往成功 1/1 件'], // 20 × 5 / 6 = 16.666… → 16.67
    [50, 45, 17.82, '既往成功 45/50 件'], // 20 × 49 / 55 = 17.818… → 17.82
    [10, 0, 5.33, '既往成功 0/10 件'], // 20 × 4 / 15 = 5.333…
    [100, 100, 19.81, '既往成功 100/100 件'], // 20 × 104 / 105 = 19.809…
  ])('a record of %i tasks, %i successes → %s points', (pastCompleted, pastSuccesses, points, zh) => {
    const [s] = suggestAssistants(request('无关地址', [candidate(1, [], { pastCompleted, pastSuccesses })]), RULES).suggestions;
    expect(s.reasons.find((r) => r.code === 'record')).toMatchObject({ points, zh });
  });

  it('smoothing: a veteran with 45 of 50 outranks a newcomer with 1 of 1', () => {
    const result = suggestAssistants(
      request('无关地址', [
        candidate(1, [], { pastCompleted: 1, pastSuccesses: 1 }),
        candidate(2, [], { pastCompleted: 50, pastSuccesses: 45 }),
      ]),
      RULES,
    );
    expect(result.suggestions.map((s) => s.assistantId)).toEqual([2, 1]);
  });

  it('without smoothing and without history the record earns nothing', () => {
    const [s] = suggestAssistants(request('x', [candidate(1, [], { pastCompleted: 0, pastSuccesses: 0 })]), {
      ...RULES,
      priorTasks: 0,
    }).suggestions;
    expect(s.reasons.find((r) => r.code === 'record')?.points).toBe(0);
  });

  it('breaks equal scores by fewer open tasks, then by id', () => {
    // Beyond the load limit every load earns 0 points: equal scores, different open tasks.
    const result = suggestAssistants(
      request(address, [
        candidate(5, [XINLI], { openTasks: 30 }),
        candidate(4, [XINLI], { openTasks: 12 }),
        candidate(3, [XINLI], { openTasks: 12 }),
      ]),
      RULES,
    );
    expect(result.suggestions.map((s) => [s.assistantId, s.score])).toEqual([
      [3, 57.6],
      [4, 57.6],
      [5, 57.6],
    ]);
  });

  it('returns at most `limit` suggestions', () => {
    const many = Array.from({ length: 12 }, (_, i) => candidate(i + 1, [STUDIO]));
    expect(suggestAssistants(request(address, many), RULES).suggestions).toHaveLength(RULES.limit);
  });

  it('merges the area names of a station that candidates describe differently', () => {
    const partial: SuggestionStation = { ...LUXIANG, areaNames: ['鹿乡镇'] };
    const full: SuggestionStation = { ...LUXIANG, areaNames: ['十家堡村'] };
    const result = suggestAssistants(request('十家堡村2组', [candidate(1, [partial]), candidate(2, [full])]), RULES);
    expect(result.matchedStations.map((m) => m.stationId)).toEqual([3]);
    expect(result.suggestions.every((s) => s.reasons[0].code === 'same-station')).toBe(true);
  });
});

describe('schemas', () => {
  const codes = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; params?: unknown; code: string }[] } }) =>
    r.success
      ? []
      : (r.error?.issues ?? []).map((i) => `${i.path.join('.')}:${(i.params as { code?: string } | undefined)?.code ?? i.code}`);

  it('accepts the default rules', () => {
    expect(suggestionRules.safeParse(RULES).success).toBe(true);
  });

  it.each([
    ['more successes than tasks', candidate(1, [], { pastCompleted: 2, pastSuccesses: 3 }), 'pastSuccesses:exceeds_completed'],
    ['a one-character area name', candidate(1, [{ ...SHELING, areaNames: ['村'] }]), 'stations.0.areaNames.0:too_small'],
    ['an unknown status', candidate(1, [], { status: 'retired' as 'left' }), 'status:invalid_value'],
    ['negative load', candidate(1, [], { openTasks: -1 }), 'openTasks:too_small'],
  ])('candidate: %s', (_, c, code) => {
    expect(codes(suggestionCandidate.safeParse(c))).toContain(code);
  });

  it('refuses an empty address', () => {
    expect(codes(suggestionInput.safeParse({ address: '   ', candidates: [] }))).toContain('address:too_small');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const PLACES = ['奢岭街道', '新立村', '鹿乡镇', '十家堡村', '和平村', '双营子', '山河街道', '太平镇'];
const stationArb = fc.record({
  stationId: fc.integer({ min: 1, max: 8 }),
  name: fc.constantFrom('甲站', '乙站', '丙站'),
  areaNames: fc.uniqueArray(fc.constantFrom(...PLACES), { maxLength: 3 }),
});
const candidateArb = fc
  .record({
    assistantId: fc.integer({ min: 1, max: 10_000 }),
    name: fc.constantFrom('张三', '李四', '王五'),
    status: fc.constantFrom(...ASSISTANT_STATUSES),
    stations: fc.array(stationArb, { maxLength: 3 }),
    openTasks: fc.integer({ min: 0, max: 30 }),
    pastCompleted: fc.integer({ min: 0, max: 200 }),
    successShare: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ successShare, ...c }) => ({ ...c, pastSuccesses: Math.floor((c.pastCompleted * successShare) / 1000) }));
const inputArb = fc.record({
  address: fc.array(fc.constantFrom(...PLACES, '长春市', '3组', '45号', ' '), { maxLength: 5 }).map((parts) => `吉林省${parts.join('')}`),
  stationId: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  candidates: fc.uniqueArray(candidateArb, { selector: (c) => c.assistantId, maxLength: 20 }),
});
const rulesArb = fc.record({
  weights: fc.record({
    sameStation: fc.integer({ min: 0, max: 100 }),
    areaNamed: fc.integer({ min: 0, max: 100 }),
    load: fc.integer({ min: 0, max: 100 }),
    record: fc.integer({ min: 0, max: 100 }),
  }),
  loadLimit: fc.integer({ min: 1, max: 30 }),
  priorTasks: fc.integer({ min: 0, max: 20 }),
  priorSuccessPermille: fc.integer({ min: 0, max: 1000 }),
  limit: fc.integer({ min: 1, max: 25 }),
});

describe('suggestion properties', () => {
  it('generated inputs are valid', () => {
    fc.assert(
      fc.property(inputArb, rulesArb, (input, rules) => {
        expect(suggestionInput.safeParse(input).success).toBe(true);
        expect(suggestionRules.safeParse(rules).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('never returns an inactive assistant; returns min(limit, active) distinct active candidates', () => {
    fc.assert(
      fc.property(inputArb, rulesArb, (input, rules) => {
        const result = suggestAssistants(input, rules);
        const active = new Set(input.candidates.filter((c) => c.status === 'active').map((c) => c.assistantId));
        const ids = result.suggestions.map((s) => s.assistantId);
        expect(ids.every((id) => active.has(id))).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(Math.min(rules.limit, active.size));
        expect(result.excluded.length).toBe(input.candidates.length - active.size);
      }),
    );
  });

  it('is ordered by score; each score is the sum of its reasons and at most the sum of the weights', () => {
    fc.assert(
      fc.property(inputArb, rulesArb, (input, rules) => {
        const { suggestions } = suggestAssistants(input, rules);
        // same station and area named exclude each other
        const w = rules.weights;
        const max = Math.max(w.sameStation, w.areaNamed) + w.load + w.record;
        for (let i = 0; i < suggestions.length; i++) {
          const s = suggestions[i];
          const sum = s.reasons.reduce((acc, r) => acc + Math.round(r.points * 100), 0);
          expect(Math.round(s.score * 100)).toBe(sum);
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(max);
          expect(s.reasons.filter((r) => r.code === 'same-station' || r.code === 'area-named').length).toBeLessThanOrEqual(1);
          if (i > 0) expect(suggestions[i - 1].score).toBeGreaterThanOrEqual(s.score);
        }
      }),
    );
  });

  it('more open tasks never raise a score', () => {
    fc.assert(
      fc.property(inputArb, rulesArb, fc.integer({ min: 1, max: 10 }), (input, rules, extra) => {
        const active = input.candidates.filter((c) => c.status === 'active');
        fc.pre(active.length > 0);
        const target = active[0].assistantId;
        const all = { ...rules, limit: 100 };
        const before = suggestAssistants(input, all).suggestions.find((s) => s.assistantId === target)!;
        const busier = {
          ...input,
          candidates: input.candidates.map((c) => (c.assistantId === target ? { ...c, openTasks: c.openTasks + extra } : c)),
        };
        const after = suggestAssistants(busier, all).suggestions.find((s) => s.assistantId === target)!;
        expect(after.score).toBeLessThanOrEqual(before.score);
      }),
    );
  });

  it('matched stations all name the address with the same, longest, area name', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const stations = input.candidates.flatMap((c) => c.stations);
        const matches = matchStations(input.address, stations);
        const address = normaliseAddress(input.address);
        const longest = Math.max(0, ...stations.flatMap((s) => s.areaNames.filter((n) => address.includes(n)).map((n) => n.length)));
        for (const m of matches) {
          expect(address.includes(m.areaName)).toBe(true);
          expect(m.areaName.length).toBe(longest);
        }
        expect(matches.length === 0).toBe(longest === 0);
      }),
    );
  });
});
