import { describe, expect, it } from 'vitest';
import { sniffEvidenceType } from './evidence.js';

describe('evidence type by content', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'image/jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'image/png'],
    [[...Buffer.from('%PDF-1.7\n')], 'application/pdf'],
    [[...Buffer.from('just text pretending to be a .jpg')], null],
    [[0xff, 0xd8], null],
    [[0x89, 0x50, 0x4e, 0x47], null],
    [[], null],
    [[...Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')], null],
  ] as const)('%j → %s', (bytes, type) => {
    expect(sniffEvidenceType(Uint8Array.from(bytes))).toBe(type);
  });
});
