import { describe, expect, it } from 'vitest';
import { mayChangeCalendar } from './calendar.policy.js';

describe('who may change the calendar', () => {
  it.each([
    ['/1/', ['calendar.manage'], true, 'a higher court’s administrator'],
    ['/12/', ['calendar.manage', 'org.read'], true, 'any root court'],
    ['/1/2/', ['calendar.manage'], false, 'an intermediate court'],
    ['/1/2/5/', ['calendar.manage'], false, 'a basic court'],
    ['/1/', ['org.manage'], false, 'a root-court user without the permission'],
    ['', ['calendar.manage'], false, 'no court path at all'],
  ])('%s holding %j: %s (%s)', (courtPath, permissions, expected) => {
    expect(mayChangeCalendar({ courtPath, permissions: new Set(permissions) })).toBe(expected);
  });
});
