import { z } from 'zod';
import { caseTypeCode } from './case-types.js';

/**
 * A judge's specialisations (审判专长): the case types — optionally narrowed to a cause subtree —
 * for which the automatic draw (分案) considers them. While any judge of a department is specialised
 * in a case's type and cause, only the specialised judges of that department are drawn.
 */

export const MAX_SPECIALISATIONS = 50;

export const specialisationItem = z.strictObject({
  caseTypeCode,
  /** null: every cause of the case type; otherwise this cause and the causes below it. */
  causeCode: z.string().min(1).max(40).nullable(),
});
export type SpecialisationItem = z.infer<typeof specialisationItem>;

export const putSpecialisationsRequest = z.strictObject({
  items: z
    .array(specialisationItem)
    .max(MAX_SPECIALISATIONS)
    .refine((items) => new Set(items.map((i) => `${i.caseTypeCode}|${i.causeCode ?? ''}`)).size === items.length, {
      message: 'The same specialisation is listed twice',
      params: { code: 'duplicate_specialisation' },
    }),
  /** The revision read with GET: a write over someone else's change answers 409. */
  revision: z.string().regex(/^[0-9a-f]{16}$/),
});
export type PutSpecialisationsRequest = z.infer<typeof putSpecialisationsRequest>;

export const specialisationsView = z.object({
  userId: z.number().int(),
  displayName: z.string(),
  items: z.array(
    z.object({
      caseTypeCode: z.string(),
      causeCode: z.string().nullable(),
      causeName: z.object({ zh: z.string(), en: z.string() }).nullable(),
    }),
  ),
  /** A digest of the stored list, sent back on PUT. */
  revision: z.string(),
});
export type SpecialisationsView = z.infer<typeof specialisationsView>;

export const SPECIALISATION_FIELD_ERRORS = {
  duplicate_specialisation: { zh: '同一专长重复列出', en: 'The same specialisation is listed twice' },
  not_a_judge: { zh: '该用户不是承办法官，不能设置审判专长', en: 'This user is not a judge: specialisations apply to judges only' },
} as const;
