import { z } from 'zod';

/** A calendar date of law, `YYYY-MM-DD` (China Standard Time). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A moment, ISO 8601 with offset, within the years a court record can carry. */
export const isoDateTime = z.iso.datetime({ offset: true }).refine((value) => {
  const year = new Date(value).getUTCFullYear();
  return year >= 1900 && year <= 2199;
}, 'year out of range');

/** PostgreSQL `integer`: ids and versions beyond it cannot exist, so they are invalid input, not a 500. */
export const MAX_INT = 2_147_483_647;
/** A database id in a body. */
export const dbId = z.number().int().positive().max(MAX_INT);
/** A database id in a path or query string. */
export const dbIdParam = z.coerce.number().int().positive().max(MAX_INT);
export const versionField = z.number().int().min(1).max(MAX_INT);

export const idParam = z.strictObject({ id: dbIdParam });

/** Offset pagination for small lists (organisation tables). */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** Keyset pagination for large lists: `cursor` is opaque, returned as `nextCursor`. */
export const keysetQuery = {
  cursor: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export function keysetOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  });
}

export const versioned = { version: versionField };

export const okResponse = z.object({ ok: z.literal(true) });
