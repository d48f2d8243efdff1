import { makeIdCard } from '@courtassist/contracts';
import { describe, expect, it } from 'vitest';
import { makesCycle, maskedPerson, mayReveal, personFromIdCard, recruitmentStepAllowed, statusChangeAllowed } from './network.policy.js';

const ID = makeIdCard('220102', '19850315', '271'); // 7 is odd: male

describe('maskedPerson', () => {
  it('masks phone and identity card number unless revealed', () => {
    const person = { name: '甲', phone: '13912345678', idNumber: ID };
    expect(maskedPerson(person, false)).toEqual({ name: '甲', phone: '139****5678', idNumber: `2201**********${ID.slice(-4)}` });
    expect(maskedPerson(person, true)).toEqual(person);
    expect(maskedPerson({ phone: '', idNumber: null }, false)).toEqual({ phone: '', idNumber: null });
  });

  it('reveals only to network managers', () => {
    expect(mayReveal(new Set(['network.read']))).toBe(false);
    expect(mayReveal(new Set(['network.read', 'network.manage']))).toBe(true);
  });
});

describe('personFromIdCard', () => {
  it.each([
    [
      { idNumber: ID, birthDate: null, gender: null },
      { birthDate: '1985-03-15', gender: 'male', problems: [] },
    ],
    [
      { idNumber: ID, birthDate: '1985-03-15', gender: 'male' },
      { birthDate: '1985-03-15', gender: 'male', problems: [] },
    ],
    [
      { idNumber: ID, birthDate: '1985-03-16', gender: 'female' },
      {
        birthDate: '1985-03-16',
        gender: 'female',
        problems: [
          { field: 'birthDate', code: 'birth_date_mismatch' },
          { field: 'gender', code: 'gender_mismatch' },
        ],
      },
    ],
    [
      { idNumber: null, birthDate: '1970-01-01', gender: 'female' },
      { birthDate: '1970-01-01', gender: 'female', problems: [] },
    ],
  ] as const)('%j', (input, expected) => {
    expect(personFromIdCard(input, '2026-11-22')).toEqual(expected);
  });
});

describe('recruitment steps', () => {
  it.each([
    ['interview', 'announced', true],
    ['interview', 'interviewed', false],
    ['contract', 'interviewed', true],
    ['contract', 'rejected', false],
    ['replacement', 'contracted', true],
    ['replacement', 'announced', false],
    ['close', 'replacement-requested', true],
    ['close', 'closed', false],
  ] as const)('%s from %s: %s', (step, status, allowed) => {
    expect(recruitmentStepAllowed(step, status)).toBe(allowed);
  });
});

describe('status and tree rules', () => {
  it('a status change must change the status', () => {
    expect(statusChangeAllowed('active', 'active')).toBe(false);
    expect(statusChangeAllowed('left', 'active')).toBe(true);
  });

  it('a station cannot move into its own subtree', () => {
    expect(makesCycle([5, 6, 7], 6)).toBe(true);
    expect(makesCycle([5, 6, 7], 8)).toBe(false);
    expect(makesCycle([5], null)).toBe(false);
  });
});
