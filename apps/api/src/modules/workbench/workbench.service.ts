import type { Workbench } from '@courtassist/contracts';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { dailyActivity, recentActivity } from '../audit/index.js';
import { deadlineWorkbench } from '../deadlines/index.js';
import { organisationOf } from '../org/index.js';

const ACTIVITY_DAYS = 14;

/** Fills the missing days with zero so that the chart's axis is continuous. */
export function continuousDays(
  counts: { day: string; count: number }[],
  days: number,
  today = new Date(),
): { day: string; count: number }[] {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  const result: { day: string; count: number }[] = [];
  for (let i = days - 1; i >= 0; i--) {
    // Days are reckoned in China Standard Time (UTC+8, no daylight saving).
    const day = new Date(today.getTime() + 8 * 3_600_000 - i * 86_400_000).toISOString().slice(0, 10);
    result.push({ day, count: byDay.get(day) ?? 0 });
  }
  return result;
}

/**
 * The signed-in user's home page. The court's activity is shown to those allowed to read the
 * trail; everyone else sees their own actions, in the list and in the chart.
 */
export async function getWorkbench(db: Db, actor: Actor): Promise<Workbench> {
  const canReadAudit = actor.permissions.has('audit.read');
  const [organisation, mine, court, perDay, deadlines] = await Promise.all([
    organisationOf(db, actor),
    recentActivity(db, actor, { actorId: actor.userId, limit: 10 }),
    canReadAudit ? recentActivity(db, actor, { limit: 10 }) : Promise.resolve([]),
    dailyActivity(db, actor, ACTIVITY_DAYS, canReadAudit ? undefined : actor.userId),
    deadlineWorkbench(db, actor),
  ]);
  return {
    ...organisation,
    myRecentActivity: mine,
    courtRecentActivity: court,
    activityByDay: continuousDays(perDay, ACTIVITY_DAYS),
    deadlines,
  };
}
