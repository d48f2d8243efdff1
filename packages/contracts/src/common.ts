import { z } from 'zod';

/** A calendar date of law, `YYYY-MM-DD` (China Standard Time). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A moment, ISO 8601 with offset. */
export const isoDateTime = z.string();

export const idParam = z.strictObject({ id: z.coerce.number().int().positive() });

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
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export function keysetOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  });
}

export const versioned = { version: z.number().int().min(1) };

export const okResponse = z.object({ ok: z.literal(true) });
