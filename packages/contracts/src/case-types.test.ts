import { describe, expect, it } from 'vitest';
import {
  CASE_CATEGORIES,
  CASE_PROCEDURE_CODES,
  CASE_TYPE_CODES,
  CASE_TYPES,
  caseProcedureCode,
  caseTypeCode,
  EXTRA_PROCEDURE_CODES,
  EXTRA_PROCEDURES,
  isCaseTypeCode,
  isProcedureOf,
  PARTY_ROLE_CODES,
  PARTY_ROLE_NAMES,
  procedureLimit,
  procedureName,
} from './case-types.js';
import { DEPARTMENT_KINDS } from './courts.js';
import { PROCEDURE_CODES } from './deadlines.js';

describe('CASE_TYPES', () => {
  it('has one entry per code, keyed by its own code', () => {
    expect(Object.keys(CASE_TYPES).sort()).toEqual([...CASE_TYPE_CODES].sort());
    for (const code of CASE_TYPE_CODES) expect(CASE_TYPES[code].code).toBe(code);
  });

  it.each(CASE_TYPE_CODES)('%s is well-formed', (code) => {
    const type = CASE_TYPES[code];
    expect(type.name.zh).not.toBe('');
    expect(type.name.en).not.toBe('');
    expect(CASE_CATEGORIES).toContain(type.category);
    expect(DEPARTMENT_KINDS).toContain(type.department);
    expect(type.procedures.length).toBeGreaterThan(0);
    for (const p of type.procedures) expect(CASE_PROCEDURE_CODES).toContain(p);
    expect(type.partyRoles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(type.partyRoles).size).toBe(type.partyRoles.length);
    for (const r of type.partyRoles) expect(PARTY_ROLE_CODES).toContain(r);
  });

  it('maps each type to the issue’s procedures', () => {
    const procedures = Object.fromEntries(CASE_TYPE_CODES.map((c) => [c, CASE_TYPES[c].procedures]));
    expect(procedures).toEqual({
      民初: ['civil-first-ordinary', 'civil-first-simple', 'civil-small-claims'],
      民终: ['civil-second-judgment', 'civil-second-ruling'],
      民申: ['civil-retrial-review'],
      民特: ['civil-special'],
      刑初: ['criminal-first-ordinary', 'criminal-first-simple', 'criminal-fast-track'],
      刑终: ['criminal-second'],
      行初: ['admin-first-ordinary', 'admin-first-simple'],
      行终: ['admin-second'],
      执: ['enforcement'],
      执保: ['enforcement-preservation'],
      执异: ['enforcement-objection'],
      民诉前调: ['pre-filing-mediation'],
    });
  });

  it('uses every procedure of deadlines.ts and every extra one', () => {
    const used = new Set(CASE_TYPE_CODES.flatMap((c) => CASE_TYPES[c].procedures));
    expect([...used].sort()).toEqual([...CASE_PROCEDURE_CODES].sort());
  });

  it('categories and departments follow the type code', () => {
    const pairs = Object.fromEntries(CASE_TYPE_CODES.map((c) => [c, `${CASE_TYPES[c].category}/${CASE_TYPES[c].department}`]));
    expect(pairs).toEqual({
      民初: 'civil/civil',
      民终: 'civil/civil',
      民申: 'civil/civil',
      民特: 'civil/civil',
      刑初: 'criminal/criminal',
      刑终: 'criminal/criminal',
      行初: 'administrative/administrative',
      行终: 'administrative/administrative',
      执: 'enforcement/enforcement',
      执保: 'enforcement/enforcement',
      执异: 'enforcement/enforcement',
      民诉前调: 'mediation/filing',
    });
  });

  it.each([
    ['民初', ['原告', '被告', '第三人']],
    ['民终', ['上诉人', '被上诉人', '原审原告', '原审被告', '原审第三人']],
    ['刑初', ['公诉机关', '被告人', '被害人']],
    ['执', ['申请执行人', '被执行人']],
  ] as const)('%s starts with the usual roles', (code, roles) => {
    const zh = CASE_TYPES[code].partyRoles.map((r) => PARTY_ROLE_NAMES[r].zh);
    expect(zh.slice(0, roles.length)).toEqual(roles);
  });
});

describe('party roles', () => {
  it('every role has distinct zh and en names', () => {
    expect(Object.keys(PARTY_ROLE_NAMES).sort()).toEqual([...PARTY_ROLE_CODES].sort());
    const zh = PARTY_ROLE_CODES.map((r) => PARTY_ROLE_NAMES[r].zh);
    const en = PARTY_ROLE_CODES.map((r) => PARTY_ROLE_NAMES[r].en);
    expect(new Set(zh).size).toBe(zh.length);
    expect(new Set(en).size).toBe(en.length);
  });

  it('every role is offered by some case type', () => {
    const used = new Set(CASE_TYPE_CODES.flatMap((c) => CASE_TYPES[c].partyRoles));
    expect([...used].sort()).toEqual([...PARTY_ROLE_CODES].sort());
  });
});

describe('procedures', () => {
  it('extra procedures do not collide with deadlines.ts', () => {
    for (const code of EXTRA_PROCEDURE_CODES) expect(PROCEDURE_CODES as readonly string[]).not.toContain(code);
  });

  it.each([
    ['civil-first-ordinary', { months: 6 }],
    ['civil-second-ruling', { days: 30 }],
    ['criminal-fast-track', { days: 10 }],
    ['pre-filing-mediation', { days: 30 }],
    ['civil-retrial-review', { months: 3 }],
    ['enforcement-objection', { days: 15 }],
    ['enforcement-preservation', null],
  ] as const)('%s has limit %j', (code, limit) => {
    expect(procedureLimit(code)).toEqual(limit);
  });

  it('every limit is exactly one of months or days, or null', () => {
    for (const code of CASE_PROCEDURE_CODES) {
      const limit = procedureLimit(code);
      if (limit === null) continue;
      expect(Object.keys(limit)).toHaveLength(1);
      expect(Object.values(limit)[0]).toBeGreaterThan(0);
    }
  });

  it('every procedure has a name and every extra one a stated basis', () => {
    for (const code of CASE_PROCEDURE_CODES) expect(procedureName(code).zh).not.toBe('');
    for (const code of EXTRA_PROCEDURE_CODES) expect(EXTRA_PROCEDURES[code].basis.en).not.toBe('');
    expect(procedureName('civil-small-claims')).toEqual({ zh: '小额诉讼程序', en: 'Small-claims procedure' });
  });

  it('isProcedureOf', () => {
    expect(isProcedureOf('民初', 'civil-small-claims')).toBe(true);
    expect(isProcedureOf('民终', 'civil-small-claims')).toBe(false);
    expect(isProcedureOf('刑初', 'criminal-fast-track')).toBe(true);
    expect(isProcedureOf('执', 'nonsense')).toBe(false);
  });
});

describe('schemas and guards', () => {
  it('caseTypeCode accepts exactly the codes', () => {
    for (const code of CASE_TYPE_CODES) expect(caseTypeCode.parse(code)).toBe(code);
    for (const bad of ['民', '民再', '执恢', '', 'civil']) expect(caseTypeCode.safeParse(bad).success).toBe(false);
  });

  it('caseProcedureCode accepts table and extra procedures', () => {
    expect(caseProcedureCode.parse('enforcement-objection')).toBe('enforcement-objection');
    expect(caseProcedureCode.parse('civil-first-simple')).toBe('civil-first-simple');
    expect(caseProcedureCode.safeParse('civil-third-instance').success).toBe(false);
  });

  it('isCaseTypeCode', () => {
    expect(isCaseTypeCode('执保')).toBe(true);
    expect(isCaseTypeCode('执恢')).toBe(false);
    expect(isCaseTypeCode(1)).toBe(false);
  });
});
