import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courtPlacementProblem, isStrongPassword, overTemplate, permissionsBeyond } from './org.policy.js';

describe('permissionsBeyond (no privilege escalation)', () => {
  it.each([
    [['org.read'], ['org.read'], []],
    [['org.read', 'user.manage'], ['org.read'], []],
    [['org.read'], ['org.read', 'role.manage'], ['role.manage']],
    [[], ['audit.read', 'org.read', 'audit.read'], ['audit.read', 'org.read']],
  ])('granter %j granting %j lacks %j', (granter, granted, expected) => {
    expect(permissionsBeyond(new Set(granter), granted)).toEqual(expected);
  });

  it('is empty exactly when the grant is a subset of the granter', () => {
    const perm = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.array(perm), fc.array(perm), (granter, granted) => {
        const beyond = permissionsBeyond(new Set(granter), granted);
        expect(beyond.length === 0).toBe(granted.every((p) => granter.includes(p)));
        for (const p of beyond) expect(granter).not.toContain(p);
      }),
    );
  });
});

describe('courtPlacementProblem', () => {
  it.each([
    ['intermediate', '吉03', { level: 'higher', code: '吉' }, null],
    ['basic', '吉0301', { level: 'intermediate', code: '吉03' }, null],
    ['basic', '吉0301', { level: 'higher', code: '吉' }, 'court_parent'],
    ['tribunal', '吉0102', { level: 'intermediate', code: '吉01' }, 'court_parent'],
    ['tribunal', '吉0102', { level: 'basic', code: '吉0102' }, null],
    ['tribunal', '吉0103', { level: 'basic', code: '吉0102' }, 'court_code'],
    ['higher', '吉', null, null],
    ['higher', '吉', { level: 'higher', code: '吉' }, 'court_parent'],
    ['basic', '吉0401', { level: 'intermediate', code: '吉03' }, 'court_code'],
  ] as const)('%s %s under %j → %s', (level, code, parent, expected) => {
    expect(courtPlacementProblem(level, code, parent)).toBe(expected);
  });
});

describe('overTemplate (trial-team composition)', () => {
  const template = { judge: 1, assistant: 1, clerk: 1 };
  it.each([
    [[], []],
    [[{ position: 'judge' }, { position: 'assistant' }, { position: 'clerk' }], []],
    [[{ position: 'judge' }, { position: 'judge' }], ['judge']],
    [
      [{ position: 'clerk' }, { position: 'clerk' }, { position: 'assistant' }, { position: 'assistant' }],
      ['assistant', 'clerk'],
    ],
  ] as const)('%j → %j', (members, expected) => {
    expect(overTemplate(template, [...members])).toEqual(expected);
  });
});

describe('isStrongPassword', () => {
  it.each([
    ['Demo@2026', true],
    ['abcdefg1', true],
    ['abcdefgh', false],
    ['12345678', false],
    ['Ab1', false],
    ['密码密码密码ab12', true],
  ])('%s → %s', (password, expected) => {
    expect(isStrongPassword(password)).toBe(expected);
  });
});
