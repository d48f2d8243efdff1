import type { Db } from '../../platform/db.js';
import { deliverInApp } from '../notifications/index.js';
import { sweepNearDue, sweepOverdue } from './warnings.repository.js';

export interface OrderWarningResult {
  nearDue: number;
  overdue: number;
}

/** The scheduled sweep of work-order time limits: near-due and overdue warnings, each once per order. */
export async function sweepWorkOrderWarnings(db: Db, now = new Date()): Promise<OrderWarningResult> {
  const result = await db.transaction(async (tx) => ({ nearDue: await sweepNearDue(tx, now), overdue: await sweepOverdue(tx, now) }));
  await deliverInApp(db);
  return result;
}
