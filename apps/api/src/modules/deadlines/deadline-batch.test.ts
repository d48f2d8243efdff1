import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutPoint, halves } from './deadline-batch.js';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const textOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The two halves parsed, or null when one does not parse (the batch is then answered on one thread). */
function parsedHalves(text: string, cut: number): [unknown[], unknown[]] | null {
  const [head, tail] = halves(bytesOf(text), cut);
  try {
    return [JSON.parse(textOf(head)), JSON.parse(textOf(tail))];
  } catch {
    return null;
  }
}

/** Every comma between `}` and `{` (spaces allowed), as cutPoint considers them. */
function candidates(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (text[i] === ',' && /\}\s*$/.test(text.slice(0, i)) && /^\s*\{/.test(text.slice(i + 1))) out.push(i);
  return out;
}

describe('cutting a batch in two', () => {
  it.each([
    ['an object, not an array', '{"type":"trial"}', -1],
    ['one item', '[{"a":1}]', -1],
    ['two items', '[{"a":1},{"b":2}]', 8],
    ['spaces and new lines', ' [ {"a":1} ,\n {"b":2} ]\n', 11],
    ['items that are not objects', '[1,2,3,4]', -1],
  ])('%s', (_name, text, expected) => {
    expect(cutPoint(bytesOf(text))).toBe(expected);
  });

  it('cuts near the middle and keeps every item, in order', () => {
    const items = Array.from({ length: 101 }, (_, i) => ({ type: 'period', from: '2026-09-16', days: i + 1 }));
    const text = JSON.stringify(items);
    const cut = cutPoint(bytesOf(text));
    expect(Math.abs(cut - text.length / 2)).toBeLessThan(40);
    const parsed = parsedHalves(text, cut);
    expect(parsed).not.toBeNull();
    expect([...(parsed?.[0] ?? []), ...(parsed?.[1] ?? [])]).toEqual(items);
  });

  it('a cut inside a string or a nested array makes a half that does not parse', () => {
    const text = '[{"note":"x},{y"},{"deductions":[{"a":1},{"b":2}]},{"c":3}]';
    const inString = text.indexOf('},{y') + 1;
    const inNested = text.indexOf('},{"b"') + 1;
    expect(parsedHalves(text, inString)).toBeNull();
    expect(parsedHalves(text, inNested)).toBeNull();
    expect(parsedHalves(text, text.indexOf('},{"c"') + 1)).toEqual([[{ note: 'x},{y' }, { deductions: [{ a: 1 }, { b: 2 }] }], [{ c: 3 }]]);
  });

  it('whatever the items, halves that both parse are exactly the whole batch', () => {
    // Strings full of the characters a cut looks for, nested arrays of objects, any spacing.
    const tricky = fc.stringMatching(/^[{},[\]":a-z ]{0,8}$/);
    const item = fc.record({ s: tricky, n: fc.array(fc.record({ t: tricky }), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), fc.boolean(), (items, spaced) => {
        const text = spaced ? JSON.stringify(items, null, 1) : JSON.stringify(items);
        for (const cut of candidates(text)) {
          const parsed = parsedHalves(text, cut);
          if (parsed) expect([...parsed[0], ...parsed[1]]).toEqual(items);
        }
      }),
    );
  });
});
