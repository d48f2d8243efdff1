import { makeIdCard, validateIdCard } from '@courtassist/contracts';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bySeverity, chinaToday, completenessOf, correctionNote, defaultRow, rateOf, yearStartOf } from './inspection.rules.js';
import { CREDIT_CODE_SHAPE, ID_INVALID_SQL, RULES } from './rules.catalogue.js';

describe('the rule catalogue', () => {
  it('holds at least 25 rules with unique upper-case codes and both languages', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.code).toMatch(/^[A-Z][A-Z0-9_]{2,39}$/);
      expect(r.nameZh && r.nameEn && r.descriptionZh && r.descriptionEn).toBeTruthy();
      expect(r.caseStatuses.length).toBeGreaterThan(0);
    }
  });

  it('gives each rule its stored default row', () => {
    const row = defaultRow(RULES[0]);
    expect(row).toMatchObject({ code: RULES[0].code, severity: RULES[0].severity, caseStatuses: RULES[0].caseStatuses });
    expect(row).not.toHaveProperty('check');
  });
});

describe('dates of law', () => {
  it('takes today in China Standard Time', () => {
    expect(chinaToday(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(chinaToday(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
    expect(yearStartOf('2026-11-22')).toBe('2026-01-01');
  });
});

describe('completeness', () => {
  it('rounds the rate and answers null without cases', () => {
    expect(rateOf(2, 3)).toBe(0.6667);
    expect(rateOf(0, 0)).toBeNull();
    const report = completenessOf('court', 2026, [
      { id: 1, name: 'A', cases: 4, complete: 3 },
      { id: 2, name: 'B', cases: 0, complete: 0 },
    ]);
    expect(report).toMatchObject({ cases: 4, complete: 3, rate: 0.75 });
    expect(report.items[1].rate).toBeNull();
  });
});

describe('findings and correction notes', () => {
  it('orders findings by severity, then code', () => {
    const sorted = bySeverity([
      { ruleCode: 'B', severity: 'info' as const },
      { ruleCode: 'C', severity: 'error' as const },
      { ruleCode: 'A', severity: 'warning' as const },
      { ruleCode: 'A', severity: 'error' as const },
    ]);
    expect(sorted.map((f) => `${f.severity}:${f.ruleCode}`)).toEqual(['error:A', 'error:C', 'warning:A', 'info:B']);
  });

  it("uses the inspector's note, or the rule's description", () => {
    const rule = { nameZh: '缺少案由', descriptionZh: '应录入案由。' };
    expect(correctionNote('  ', rule)).toBe('【缺少案由】应录入案由。');
    expect(correctionNote('请补录', rule)).toBe('【缺少案由】请补录');
  });
});

// The SQL of the party checks agrees with the TypeScript validators of the contracts.
describe('party checks in SQL', () => {
  let pg: PGlite;
  // Starting an embedded PostgreSQL takes a while on a busy machine.
  beforeAll(async () => {
    pg = await PGlite.create();
  }, 120_000);
  afterAll(async () => {
    await pg.close();
  });

  const idInvalid = async (id: string) => {
    const res = await pg.query<{ bad: boolean }>(`SELECT ${ID_INVALID_SQL} AS bad FROM (SELECT $1::text AS id_number) p`, [id]);
    return res.rows[0].bad;
  };

  it('flags the ID numbers the contracts reject for format or checksum', async () => {
    const good = makeIdCard('220102', '19800101', '123');
    const wrongCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    for (const id of [good, makeIdCard('110101', '20000229', '007'), makeIdCard('220104', '19751231', '456')]) {
      expect(await idInvalid(id), id).toBe(false);
    }
    for (const id of [wrongCheck, '12345', 'ABCDEFGHIJKLMNOPQR', `${good.slice(0, 17)}Z`]) {
      expect(validateIdCard(id).ok).toBe(false);
      expect(await idInvalid(id), id).toBe(true);
    }
  });

  it('accepts a lower-case x check character', async () => {
    // Find a number whose check character is X.
    let id = '';
    for (let i = 0; i < 1000 && !id.endsWith('X'); i++) id = makeIdCard('220102', '19900101', String(i).padStart(3, '0'));
    expect(await idInvalid(id.toLowerCase())).toBe(false);
  });

  it('recognises the shape of unified social credit codes', () => {
    const shape = new RegExp(CREDIT_CODE_SHAPE);
    expect(shape.test('91220101MA0Y5K3A2B')).toBe(true);
    expect(shape.test('91220101MA0Y5K3A2')).toBe(false);
    expect(shape.test('91220101MA0Y5K3AIO')).toBe(false);
  });
});
