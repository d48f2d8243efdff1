import { recordAudit } from '../../platform/audit.js';
import { systemContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { deliverSoon } from '../notifications/index.js';
import { serveDueAnnouncements } from './delivery.repository.js';
import { chinaDay, settle } from './delivery.service.js';

/** Tasks served per transaction of the sweep. */
const BATCH = 500;

/**
 * A published announcement (公告送达) serves its task on the effective day, thirty days on. This
 * sweep (run by the scheduler, and safe to run any number of times) serves those tasks batch by
 * batch, each batch one statement in one transaction with its audit records, and settles what
 * waits on them: the case's delivery node when nothing else is open, the work order when all its
 * tasks are settled.
 */
export async function settleDueAnnouncements(db: Db, today: string = chinaDay()): Promise<{ served: number }> {
  const ctx = systemContext('delivery');
  let served = 0;
  let fedBack = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const done = await serveDueAnnouncements(tx, today, BATCH);
      for (const task of done)
        await recordAudit(tx, ctx, {
          entityType: 'delivery-task',
          entityId: task.taskId,
          action: 'announcement-effective',
          courtId: task.courtId,
          after: { status: 'served', servedOn: task.effectiveOn },
        });
      fedBack += await settle(tx, ctx, done);
      return done.length;
    });
    served += batch;
    if (batch < BATCH) break;
  }
  if (fedBack > 0) await deliverSoon(db);
  return { served };
}
