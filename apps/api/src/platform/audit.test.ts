import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainedFields, canonicalJson, chainHash, diff, GENESIS_HASH } from './audit.js';

const row: ChainedFields = {
  id: 7,
  at: new Date('2026-11-21T08:00:00.123Z'),
  actorId: 2,
  actorName: '梁佳俊',
  courtId: 1,
  entityType: 'court',
  entityId: '5',
  action: 'update',
  changes: { name: { before: '甲', after: '乙' } },
  requestId: 'r-1',
  ip: '127.0.0.1',
};

describe('canonicalJson', () => {
  it('does not depend on key order at any depth (jsonb reorders keys)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.dictionary(fc.string(), fc.jsonValue())), (value) => {
        const reversed = Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([k, v]) => [k, Object.fromEntries(Object.entries(v).reverse())]),
        );
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
      }),
    );
  });

  it('round-trips through JSON.parse to the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});

describe('chainHash', () => {
  it('changes when any field or the previous hash changes', () => {
    const base = chainHash(GENESIS_HASH, row);
    expect(chainHash(GENESIS_HASH, { ...row })).toBe(base);
    expect(chainHash('1'.repeat(64), row)).not.toBe(base);
    for (const [key, value] of Object.entries({
      id: 8,
      at: new Date('2026-11-21T08:00:00.124Z'),
      actorId: 3,
      actorName: '梁佳',
      courtId: null,
      entityType: 'user',
      entityId: '6',
      action: 'create',
      changes: { name: { before: '甲', after: '丙' } },
      requestId: null,
      ip: '127.0.0.2',
    })) {
      expect(chainHash(GENESIS_HASH, { ...row, [key]: value }), key).not.toBe(base);
    }
  });
});

describe('diff (changed fields only)', () => {
  it.each([
    [{ a: 1, b: 2 }, { a: 1, b: 3 }, { b: { before: 2, after: 3 } }],
    [null, { a: 1 }, { a: { after: 1 } }],
    [{ a: 1 }, null, { a: { before: 1 } }],
    [{ a: [1, 2] }, { a: [1, 2] }, {}],
    [{ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } }, {}],
    [{ d: new Date('2026-01-01T00:00:00Z') }, { d: '2026-01-01T00:00:00.000Z' }, {}],
    [{ a: 1 }, { a: 1, b: undefined }, {}],
  ])('%j → %j gives %j', (before, after, expected) => {
    expect(diff(before, after)).toEqual(expected);
  });

  it('leaves out omitted fields such as password hashes', () => {
    expect(diff({ passwordHash: 'x', name: 'a' }, { passwordHash: 'y', name: 'b' }, ['passwordHash'])).toEqual({
      name: { before: 'a', after: 'b' },
    });
  });

  it('is empty for identical records and names every differing key otherwise', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1 }), fc.integer()),
        fc.dictionary(fc.string({ minLength: 1 }), fc.integer()),
        (a, b) => {
          expect(diff(a, a)).toEqual({});
          const changed = Object.keys(diff(a, b)).sort();
          const expected = [...new Set([...Object.keys(a), ...Object.keys(b)])]
            .filter((k) => !Object.hasOwn(a, k) || !Object.hasOwn(b, k) || a[k] !== b[k])
            .sort();
          expect(changed).toEqual(expected);
        },
      ),
    );
  });
});
