import { z } from 'zod';
import { auditEntry } from './audit.js';
import { workbenchDeadlines } from './supervision.js';

export const health = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export const workbench = z.object({
  court: z.object({ id: z.number().int(), name: z.string(), level: z.string(), code: z.string(), address: z.string() }),
  courtsInScope: z.number().int(),
  usersInScope: z.number().int(),
  department: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  teams: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      position: z.string(),
      members: z.array(z.object({ userId: z.number().int(), displayName: z.string(), position: z.string() })),
    }),
  ),
  myRecentActivity: z.array(auditEntry),
  courtRecentActivity: z.array(auditEntry),
  activityByDay: z.array(z.object({ day: z.string(), count: z.number().int() })),
  /** Trial-limit items: my cases by warning level, supervision orders to me, approvals awaiting me. */
  deadlines: workbenchDeadlines.optional(),
});
export type Workbench = z.infer<typeof workbench>;
