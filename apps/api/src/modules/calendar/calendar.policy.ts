import type { Actor } from '../../platform/context.js';

/**
 * The holiday calendar is national and every court's deadlines depend on it: like roles, it is
 * changed only by an actor of a root (higher) court, `calendar.manage` notwithstanding.
 */
export function mayChangeCalendar(actor: Pick<Actor, 'courtPath' | 'permissions'>): boolean {
  return actor.permissions.has('calendar.manage') && /^\/\d+\/$/.test(actor.courtPath);
}
