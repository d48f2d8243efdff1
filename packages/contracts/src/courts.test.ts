import { describe, expect, it } from 'vitest';
import { type CourtLevel, checkCourtCode } from './courts.js';

describe('checkCourtCode (法院代字)', () => {
  const cases: [CourtLevel, string, string | null, boolean][] = [
    ['higher', '吉', null, true],
    ['higher', '京', null, true],
    ['higher', '吉', '吉', false], // a higher court has no parent
    ['higher', 'J', null, false],
    ['higher', '吉林', null, false],
    ['intermediate', '吉01', '吉', true],
    ['intermediate', '吉1', '吉', false],
    ['intermediate', '吉001', '吉', false],
    ['intermediate', '京01', '吉', false], // another province's prefix
    ['intermediate', '吉01', null, false],
    ['basic', '吉0102', '吉01', true],
    ['basic', '吉0202', '吉01', false], // not under its intermediate court
    ['basic', '吉012', '吉01', false],
    ['basic', '吉01023', '吉01', false],
    ['basic', '吉0102', '吉', false], // the parent must be the intermediate court's code
    ['tribunal', '吉0102', '吉0102', true],
    ['tribunal', '吉0103', '吉0102', false],
    ['tribunal', '吉0102', null, false],
  ];
  it.each(cases)('%s %s under %s → %s', (level, code, parent, expected) => {
    expect(checkCourtCode(level, code, parent)).toBe(expected);
  });
});
