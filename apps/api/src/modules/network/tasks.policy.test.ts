import { NETWORK_TASK_STATUSES } from '@courtassist/contracts';
import { describe, expect, it } from 'vitest';
import { actionsFor, mayAssign, mayReadCourtTasks, sniffPhotoType } from './tasks.policy.js';

const perms = (...codes: string[]) => new Set(codes);

describe('task permissions', () => {
  it.each([
    [[], false, false],
    [['network.read'], false, true],
    [['network.task.assign'], true, true],
    [['network.manage'], true, true],
    [['network.task.report'], false, false],
  ])('%j → assign %s, read %s', (codes, assign, read) => {
    expect(mayAssign(perms(...codes))).toBe(assign);
    expect(mayReadCourtTasks(perms(...codes))).toBe(read);
  });

  it.each([
    ['assistant', ['network.task.report'], 'assigned', ['accept', 'decline']],
    ['assistant', ['network.task.report'], 'accepted', ['report']],
    ['assistant', ['network.task.report'], 'reported', []],
    ['assistant', [], 'assigned', []],
    ['court', ['network.task.assign'], 'reported', ['confirm', 'send-back']],
    ['court', ['network.task.assign'], 'assigned', []],
    ['court', ['network.read'], 'reported', []],
    ['court', ['network.manage'], 'reported', ['confirm', 'send-back']],
  ] as const)('%s with %j on %s → %j', (side, codes, status, actions) => {
    expect(actionsFor(side, perms(...codes), status)).toEqual(actions);
  });

  it('no side can act on a declined or confirmed task', () => {
    for (const status of NETWORK_TASK_STATUSES.filter((s) => s === 'declined' || s === 'confirmed')) {
      expect(actionsFor('assistant', perms('network.task.report'), status)).toEqual([]);
      expect(actionsFor('court', perms('network.task.assign'), status)).toEqual([]);
    }
  });
});

describe('photo type', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'image/png'],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], null],
    [[0xff, 0xd8], null],
    [[], null],
  ])('%j → %s', (bytes, type) => {
    expect(sniffPhotoType(Uint8Array.from(bytes))).toBe(type);
  });
});
