import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_CARD_FIELD_ERRORS, ID_CARD_PROVINCES, idCardCheckChar, idCardNumber, makeIdCard, validateIdCard } from './id-card.js';

const TODAY = '2026-03-15';

describe('idCardCheckChar (ISO 7064 MOD 11-2)', () => {
  it('gives X for the textbook example 11010519491231002X', () => {
    // Σ digit × weight = 167; 167 mod 11 = 2; the table 1 0 X 9 8 7 6 5 4 3 2 maps 2 to X.
    expect(idCardCheckChar('11010519491231002')).toBe('X');
  });

  it.each([
    ['22010219850612031', '3'], // Σ = 207, 207 mod 11 = 9 → 3
    ['44030520000229128', '3'], // Σ = 218, 218 mod 11 = 9 → 3
    ['11010519491231001', '1'], // Σ = 165, 165 mod 11 = 0 → 1
  ])('%s → %s (sums worked by hand)', (first17, check) => {
    expect(idCardCheckChar(first17)).toBe(check);
  });

  it('weights are 2^(17-i) mod 11', () => {
    // Derive the check independently: Σ a_i·2^(17-i) + check ≡ 1 (mod 11), with X = 10.
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        const c = idCardCheckChar(first17);
        const value = c === 'X' ? 10 : Number(c);
        let sum = value;
        for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
        expect(sum % 11).toBe(1);
      }),
    );
  });

  it.each(['', '1101051949123100', '110105194912310021', '1101051949123100A', '１1010519491231002'])('throws on %j', (bad) => {
    expect(() => idCardCheckChar(bad)).toThrow(RangeError);
  });
});

describe('validateIdCard', () => {
  // Numbers built with makeIdCard, so each has a correct check character unless altered.
  const male = makeIdCard('220102', '19850612', '031'); // Changchun, sequence odd
  const female = makeIdCard('440305', '20000229', '128'); // leap day, sequence even

  it('accepts the textbook example and decodes it', () => {
    expect(validateIdCard('11010519491231002X', TODAY)).toEqual({
      ok: true,
      number: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      region: '110105',
    });
  });

  it('accepts a lower-case x and normalises it', () => {
    expect(validateIdCard('11010519491231002x', TODAY)).toMatchObject({ ok: true, number: '11010519491231002X' });
  });

  it.each([
    [male, { birthDate: '1985-06-12', gender: 'male', region: '220102' }],
    [female, { birthDate: '2000-02-29', gender: 'female', region: '440305' }],
  ])('decodes %s', (number, decoded) => {
    expect(validateIdCard(number, TODAY)).toEqual({ ok: true, number, ...decoded });
  });

  it.each([
    ['wrong check character', '110105194912310021', 'checksum'],
    ['wrong check X', `${male.slice(0, 17)}${male[17] === 'X' ? '0' : 'X'}`, 'checksum'],
    ['February 30', makeIdCard('220102', '19850228', '031').replace('19850228', '19850230'), 'birth_date'],
    ['29 February of a common year', `22010219850229031${idCardCheckChar('22010219850229031')}`, 'birth_date'],
    ['month 13', `22010219851301031${idCardCheckChar('22010219851301031')}`, 'birth_date'],
    ['born after today', `22010220260316031${idCardCheckChar('22010220260316031')}`, 'birth_date'],
    ['born before 1900', `22010218991231031${idCardCheckChar('22010218991231031')}`, 'birth_date'],
    ['unknown province 00', `00010219850612031${idCardCheckChar('00010219850612031')}`, 'region'],
    ['unknown province 99', `99010219850612031${idCardCheckChar('99010219850612031')}`, 'region'],
    ['province 16 (unused)', `16010219850612031${idCardCheckChar('16010219850612031')}`, 'region'],
    ['17 characters', '11010519491231002', 'length'],
    ['19 characters', '11010519491231002X0', 'length'],
    ['old 15-digit number', '110105491231002', 'length'],
    ['empty', '', 'length'],
    ['letters', '11010519491231A02X', 'format'],
    ['X not at the end', '1101051949123100X2', 'format'],
    ['full-width digit', '１10105194912310021', 'format'],
    ['inner space', '110105 9491231002X', 'format'],
    ['leading space', ' 1101051949123100X', 'format'],
  ])('rejects %s', (_label, number, reason) => {
    expect(validateIdCard(number, TODAY)).toEqual({ ok: false, reason });
  });

  it('accepts a birth date equal to today', () => {
    expect(validateIdCard(makeIdCard('220102', '20260315', '001'), TODAY).ok).toBe(true);
  });

  it('defaults today to the current date', () => {
    expect(validateIdCard(makeIdCard('220102', '21001231', '001'))).toEqual({ ok: false, reason: 'birth_date' });
    expect(validateIdCard('11010519491231002X').ok).toBe(true);
  });

  it('rejects non-strings and a malformed today', () => {
    for (const value of [null, undefined, 11010519491231002, {}])
      expect(validateIdCard(value, TODAY)).toEqual({ ok: false, reason: 'format' });
    expect(() => validateIdCard('11010519491231002X', '2026-02-30')).toThrow(RangeError);
  });
});

describe('makeIdCard', () => {
  it.each([
    ['000000', '19850612', '031'], // unknown province
    ['22010', '19850612', '031'],
    ['220102', '19850230', '031'], // impossible date
    ['220102', '1985612', '031'],
    ['220102', '18991231', '031'],
    ['220102', '19850612', '31'],
    ['220102', '19850612', 'a31'],
  ])('throws on (%s, %s, %s)', (region, birth, seq) => {
    expect(() => makeIdCard(region, birth, seq)).toThrow(RangeError);
  });
});

// Generators: a known province, a real date between 1900 and TODAY, any 3-digit sequence.
const provinces = Object.keys(ID_CARD_PROVINCES);
const region6 = fc
  .tuple(fc.constantFrom(...provinces), fc.integer({ min: 0, max: 9999 }))
  .map(([p, rest]) => `${p}${String(rest).padStart(4, '0')}`);
const birth = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
const seq3 = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));

describe('validateIdCard properties', () => {
  it('every makeIdCard result validates and decodes to its parts', () => {
    fc.assert(
      fc.property(region6, birth, seq3, (region, date, seq) => {
        const result = validateIdCard(makeIdCard(region, date, seq), TODAY);
        expect(result).toEqual({
          ok: true,
          number: expect.any(String),
          birthDate: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
          gender: Number(seq) % 2 === 1 ? 'male' : 'female',
          region,
        });
      }),
    );
  });

  it('changing any single character of a valid number makes it invalid', () => {
    const alphabet = '0123456789X';
    fc.assert(
      fc.property(
        region6,
        birth,
        seq3,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (region, date, seq, pos, shift) => {
          const valid = makeIdCard(region, date, seq);
          // Positions 0–16 take the other nine digits; position 17 the other ten check characters.
          const choices = pos === 17 ? alphabet : alphabet.slice(0, 10);
          const current = choices.indexOf(valid[pos]);
          const replacement = choices[(current + (shift % choices.length || 1)) % choices.length];
          const altered = valid.slice(0, pos) + replacement + valid.slice(pos + 1);
          expect(altered).not.toBe(valid);
          expect(validateIdCard(altered, TODAY).ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('exhaustively: every single-digit change of the textbook number is rejected', () => {
    const valid = '11010519491231002X';
    let rejected = 0;
    for (let pos = 0; pos < 18; pos++) {
      for (const c of '0123456789') {
        if (c === valid[pos]) continue;
        const altered = valid.slice(0, pos) + c + valid.slice(pos + 1);
        expect(validateIdCard(altered, TODAY).ok, altered).toBe(false);
        rejected++;
      }
    }
    expect(rejected).toBe(17 * 9 + 10);
  });
});

describe('idCardNumber schema', () => {
  it('trims, upper-cases and accepts', () => {
    expect(idCardNumber.parse(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it.each([
    ['110105194912310021', 'id_card_checksum'],
    ['1101051949123100', 'id_card_length'],
    ['11010519491231A02X', 'id_card_format'],
    [`99010219850612031${idCardCheckChar('99010219850612031')}`, 'id_card_region'],
    [`22010221000101031${idCardCheckChar('22010221000101031')}`, 'id_card_birth_date'],
  ])('rejects %s with %s', (value, code) => {
    const result = idCardNumber.safeParse(value);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0] as { params?: { code?: string }; message: string };
    expect(issue.params?.code).toBe(code);
    expect(issue.message).toBe(ID_CARD_FIELD_ERRORS[code as keyof typeof ID_CARD_FIELD_ERRORS].en);
  });

  it('rejects non-strings with the usual type error', () => {
    expect(idCardNumber.safeParse(11010519491231002).success).toBe(false);
  });
});
