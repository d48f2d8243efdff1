import type { WorkbenchDeadlines } from '@courtassist/contracts';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { unreadOf } from '../notifications/index.js';
import { myCaseLevels, openOrdersReceived } from './deadlines.repository.js';
import { pendingApprovalCount } from './limit-changes.service.js';
import { toSupervisionView } from './supervision.service.js';
import { chinaToday } from './warning-levels.js';
import { countsOf } from './warnings.service.js';

/** The workbench's trial-limit items for the signed-in user. */
export async function deadlineWorkbench(db: Db, actor: Actor): Promise<WorkbenchDeadlines> {
  const [levels, orders, pendingApprovals, unreadNotifications] = await Promise.all([
    myCaseLevels(db, actor.userId),
    openOrdersReceived(db, actor.userId, chinaToday(), 10),
    pendingApprovalCount(db, actor),
    unreadOf(db, actor.userId),
  ]);
  return {
    myCasesByLevel: countsOf({ grouping: 'all', key: null, name: null, ...levels }),
    supervisionReceived: orders.items.map(toSupervisionView),
    supervisionReceivedCount: orders.total,
    pendingApprovals,
    unreadNotifications,
  };
}
