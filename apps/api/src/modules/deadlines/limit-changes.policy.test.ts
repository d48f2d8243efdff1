import { describe, expect, it } from 'vitest';
import { allowedActions, awaitingStep, statusAfter, stepsOf } from './limit-changes.policy.js';

describe('limit change approval path', () => {
  it.each([
    ['extension', 'head', 'approve', 0, 'approved'],
    ['extension', 'head', 'approve', 1, 'head-approved'],
    ['extension', 'president', 'approve', 1, 'approved'],
    ['extension', 'head', 'reject', 1, 'rejected'],
    ['extension', 'president', 'reject', 1, 'rejected'],
    ['deduction', 'head', 'approve', 3, 'approved'],
    ['suspension', 'head', 'approve', 2, 'approved'],
  ] as const)('%s at the %s step, %s with %i prior extensions → %s', (kind, step, decision, prior, status) => {
    expect(statusAfter({ kind }, step, decision, prior)).toBe(status);
  });

  it('awaits the head, then the president, then nothing', () => {
    expect(['requested', 'head-approved', 'approved', 'rejected', 'withdrawn'].map(awaitingStep)).toEqual([
      'head',
      'president',
      null,
      null,
      null,
    ]);
  });

  it('lists the actions each state allows', () => {
    expect(allowedActions({ kind: 'extension', status: 'requested', toOn: null })).toEqual(['decide', 'withdraw']);
    expect(allowedActions({ kind: 'extension', status: 'head-approved', toOn: null })).toEqual(['decide', 'withdraw']);
    expect(allowedActions({ kind: 'suspension', status: 'approved', toOn: null })).toEqual(['resume']);
    expect(allowedActions({ kind: 'suspension', status: 'approved', toOn: '2026-03-01' })).toEqual([]);
    expect(allowedActions({ kind: 'deduction', status: 'approved', toOn: '2026-03-01' })).toEqual([]);
    expect(allowedActions({ kind: 'extension', status: 'rejected', toOn: null })).toEqual([]);
  });

  it('derives the steps an actor decides from the permissions', () => {
    expect(stepsOf(new Set(['limit.approve']))).toEqual(['head']);
    expect(stepsOf(new Set(['limit.approve.president']))).toEqual(['president']);
    expect(stepsOf(new Set(['limit.approve', 'limit.approve.president']))).toEqual(['head', 'president']);
    expect(stepsOf(new Set(['limit.request']))).toEqual([]);
  });
});
