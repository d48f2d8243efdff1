import { DELIVERY_METHOD_NAMES, type DeliveryIndicatorQuery, type DeliveryIndicators, type DeliveryMethod } from '@courtassist/contracts';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { type RateRecord, successRates, taskTotals } from './delivery.repository.js';

/** Delivery indicators: success rate by method, court and person; average days to served; share served electronically. */

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const withRate = (r: RateRecord) => ({ ...r, rate: r.attempts === 0 ? 0 : round(r.successes / r.attempts, 4) });

export async function indicators(db: Db, actor: Actor, query: DeliveryIndicatorQuery): Promise<DeliveryIndicators> {
  const [byMethod, byCourt, byPerson, totals] = await Promise.all([
    successRates(db, actor, query, 'method'),
    successRates(db, actor, query, 'court'),
    successRates(db, actor, query, 'person'),
    taskTotals(db, actor, query),
  ]);
  return {
    tasks: totals.tasks,
    served: totals.served,
    failed: totals.failed,
    averageDaysToServed: totals.averageDays === null ? null : round(totals.averageDays, 1),
    electronicShare: totals.served === 0 ? null : round(totals.electronic / totals.served, 4),
    byMethod: byMethod.map((r) => withRate({ ...r, name: DELIVERY_METHOD_NAMES[r.key as DeliveryMethod]?.zh ?? r.key })),
    byCourt: byCourt.map(withRate),
    byPerson: byPerson.map(withRate),
  };
}
