import { NETWORK_TASK_ACTIONS, NETWORK_TASK_STATUSES, type NetworkTaskAction, type NetworkTaskStatus } from '@courtassist/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchStations } from './suggestion.js';
import { allowedActions, areaNamesOf, isOverdue, stationAreaNamesOf, suggestionStationOf, transition } from './tasks.rules.js';

/** Every legal move, written out by hand: the table the state machine must match exactly. */
const LEGAL: [NetworkTaskStatus, NetworkTaskAction, NetworkTaskStatus][] = [
  ['assigned', 'accept', 'accepted'],
  ['assigned', 'decline', 'declined'],
  ['accepted', 'report', 'reported'],
  ['reported', 'confirm', 'confirmed'],
  ['reported', 'send-back', 'accepted'],
];

describe('task state machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, to });
  });

  const illegal = NETWORK_TASK_STATUSES.flatMap((from) =>
    NETWORK_TASK_ACTIONS.filter((action) => !LEGAL.some(([f, a]) => f === from && a === action)).map((action) => [from, action] as const),
  );
  it('has 25 moves in all, 5 legal and 20 illegal', () => {
    expect(LEGAL.length + illegal.length).toBe(NETWORK_TASK_STATUSES.length * NETWORK_TASK_ACTIONS.length);
    expect(illegal).toHaveLength(20);
  });
  it.each(illegal)('%s --%s--> refused with the allowed actions', (from, action) => {
    const result = transition(from, action);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.allowed).toEqual(
        LEGAL.filter(([f]) => f === from)
          .map(([, a]) => a)
          .sort((a, b) => NETWORK_TASK_ACTIONS.indexOf(a) - NETWORK_TASK_ACTIONS.indexOf(b)),
      );
  });

  it.each([
    ['assigned', ['accept', 'decline']],
    ['accepted', ['report']],
    ['declined', []],
    ['reported', ['confirm', 'send-back']],
    ['confirmed', []],
  ] as const)('allowed from %s: %j', (status, actions) => {
    expect(allowedActions(status)).toEqual(actions);
  });

  it('declined and confirmed are final; every walk ends there or keeps moving', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NETWORK_TASK_ACTIONS), { maxLength: 30 }), (actions) => {
        let status: NetworkTaskStatus = 'assigned';
        for (const action of actions) {
          const r = transition(status, action);
          if (status === 'declined' || status === 'confirmed') expect(r.ok).toBe(false);
          if (r.ok) status = r.to;
        }
        expect(NETWORK_TASK_STATUSES).toContain(status);
      }),
    );
  });
});

describe('overdue', () => {
  it.each([
    ['assigned', '2026-11-20', '2026-11-21', true],
    ['accepted', '2026-11-20', '2026-11-21', true],
    ['accepted', '2026-11-21', '2026-11-21', false],
    ['reported', '2026-11-01', '2026-11-21', false],
    ['confirmed', '2026-11-01', '2026-11-21', false],
    ['declined', '2026-11-01', '2026-11-21', false],
  ] as const)('%s due %s on %s → %s', (status, due, today, expected) => {
    expect(isOverdue(status, due, today)).toBe(expected);
  });
});

describe('area names of a station', () => {
  it.each([
    [{ name: '桂林街道司法协助联络站', address: '桂林街道办事处' }, ['桂林街道']],
    [{ name: '红旗村联络点', address: '幸福镇红旗村村委会' }, ['红旗村', '幸福镇']],
    [{ name: '幸福镇司法协助联络站', address: '幸福镇政府院内' }, ['幸福镇']],
    [{ name: '南关法官工作室', address: '自强街道综治中心二楼' }, ['南关', '自强街道']],
    [{ name: '幸福物流园区联络点', address: '幸福镇工业路12号' }, ['幸福物流园区', '幸福镇']],
    [{ name: '站', address: '' }, []],
    [{ name: '  奢岭街道 联络站', address: '' }, ['奢岭街道']],
  ])('%j → %j', (station, names) => {
    expect(areaNamesOf(station)).toEqual(names);
  });
});

describe('area names of a station: the listed ones with the derived ones', () => {
  it('puts the listed names first, then those of the name and address', () => {
    expect(stationAreaNamesOf({ name: '幸福镇司法协助联络站', address: '幸福镇政府院内', areaNames: ['红旗村', '兴隆村'] })).toEqual([
      '红旗村',
      '兴隆村',
      '幸福镇',
    ]);
  });
  it('keeps each place once, whatever the spacing or width of its spelling', () => {
    expect(
      stationAreaNamesOf({
        name: '幸福镇联络站',
        address: '幸福镇政府',
        areaNames: ['幸福镇', ' 红旗 村', '红旗村', 'ＡＢ社区', 'AB社区'],
      }),
    ).toEqual(['幸福镇', '红旗 村', 'ＡＢ社区']);
  });
  it('without a list, or with an empty one, answers the derived names as before', () => {
    const station = { name: '红旗村联络点', address: '幸福镇红旗村村委会' };
    expect(stationAreaNamesOf(station)).toEqual(areaNamesOf(station));
    expect(stationAreaNamesOf({ ...station, areaNames: [] })).toEqual(['红旗村', '幸福镇']);
  });
  it('drops listed names that cannot match (shorter than two characters)', () => {
    expect(stationAreaNamesOf({ name: '站', address: '', areaNames: ['村', ' ', '柳树屯'] })).toEqual(['柳树屯']);
  });
  it('a town station listing a village is suggested for an address naming that village only', () => {
    const town = suggestionStationOf({ id: 7, name: '幸福镇司法协助联络站', address: '幸福镇政府院内', areaNames: ['柳树屯村'] });
    expect(town).toEqual({ stationId: 7, name: '幸福镇司法协助联络站', areaNames: ['柳树屯村', '幸福镇'] });
    const bare = suggestionStationOf({ id: 7, name: '幸福镇司法协助联络站', address: '幸福镇政府院内' });
    expect(bare.areaNames).not.toContain('柳树屯村');
    expect(matchStations('长春市某县柳树屯村5组', [town])).toEqual([{ stationId: 7, name: town.name, areaName: '柳树屯村' }]);
    expect(matchStations('长春市某县柳树屯村5组', [bare])).toEqual([]);
  });
});
