import type { NetworkDashboard, NetworkDashboardQuery, NetworkTaskKind, NetworkTaskOutcome } from '@courtassist/contracts';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { dashboardRows } from './dashboard.repository.js';
import { monthBounds, monthsEndingWith } from './months.js';
import { courtInScope } from './network.repository.js';

/** The network dashboard of a court (with its tribunals) over twelve months. */
export async function networkDashboard(db: Db, actor: Actor, q: NetworkDashboardQuery): Promise<NetworkDashboard> {
  if (!(await courtInScope(db, q.courtId, actor))) throw AppError.notFound();
  const months = monthsEndingWith(q.month);
  const first = monthBounds(months[0]).first;
  const last = monthBounds(q.month).last;
  const r = await dashboardRows(db, q.courtId, first, last, months[0], q.month);

  const delivery = months.map((month) => {
    const of = (method: string) => r.delivery.find((d) => d.month === month && d.method === method);
    return {
      month,
      assistedAttempts: of('assisted')?.attempts ?? 0,
      assistedSuccesses: of('assisted')?.successes ?? 0,
      directAttempts: of('direct')?.attempts ?? 0,
      directSuccesses: of('direct')?.successes ?? 0,
    };
  });
  const responseHours = months.map((month) => {
    const row = r.response.find((x) => x.month === month);
    return {
      month,
      tasks: row?.tasks ?? 0,
      averageHours: row && row.averageSeconds !== null ? Math.round(Number(row.averageSeconds) / 360) / 10 : null,
    };
  });
  const subsidiesPaid = months.map((month) => {
    const row = r.subsidies.find((x) => x.month === month);
    return { month, statements: row?.statements ?? 0, totalFen: Number(row?.totalFen ?? 0) };
  });
  const trainingHours = months.map((month) => {
    const row = r.training.find((x) => x.month === month);
    return { month, sessions: row?.sessions ?? 0, attendeeHours: Number(row?.attendeeTenths ?? 0) / 10 };
  });
  return {
    courtId: q.courtId,
    months,
    activeAssistants: r.active,
    byCategory: r.byCategory,
    byStation: r.byStation,
    tasksByMonth: r.tasks.map((t) => ({ ...t, kind: t.kind as NetworkTaskKind, outcome: t.outcome as NetworkTaskOutcome })),
    delivery,
    responseHours,
    subsidiesPaid,
    trainingHours,
  };
}
