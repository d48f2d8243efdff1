import { describe, expect, it } from 'vitest';
import { apiField } from './compute.service.js';

describe('apiField', () => {
  it.each([
    ['[0].filedOn', false, 'body.filedOn'],
    ['[0]', false, 'body'],
    ['[0].deductions[2].to', false, 'body.deductions.2.to'],
    ['[3].deductions[0].to', true, 'body.3.deductions.0.to'],
    ['[0]', true, 'body.0'],
    ['[10].calendar.workdays[1]', true, 'body.10.calendar.workdays.1'],
  ])('%s (batch: %s) → %s', (field, batch, expected) => {
    expect(apiField(field, batch)).toBe(expected);
  });
});
