import { z } from 'zod';
import { dbIdParam, isoDateTime, keysetOf, keysetQuery } from './common.js';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  courtId: z.number().int().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown().optional(), after: z.unknown().optional() })),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z.strictObject({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(60).optional(),
  actorId: dbIdParam.optional(),
  action: z.string().max(40).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  ...keysetQuery,
});
export type AuditQuery = z.infer<typeof auditQuery>;
export const auditPage = keysetOf(auditEntry);

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** Records of transactions still running when the check began: written, not yet sealed. */
  unsealed: z.number().int(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;
