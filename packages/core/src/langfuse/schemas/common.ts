import { z } from 'zod';

/** A non-empty id. Strict: a record without a usable id cannot be upserted. */
export const idSchema = z.string().min(1);

/** An ISO-8601 timestamp with `Z` or an offset. Strict: every record is placed in time by it. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** Observation level as Langfuse defines it. */
export const levelSchema = z.enum(['DEBUG', 'DEFAULT', 'WARNING', 'ERROR']);

/**
 * A map of numbers. Lenient: `null` entries (seen for unpriced keys) are accepted and dropped by
 * the normalizers.
 */
export const numberMapSchema = z.record(z.string(), z.number().nullable());

/** Paging totals of every legacy list endpoint. */
export const legacyMetaSchema = z.object({
  page: z.number().int(),
  limit: z.number().int(),
  totalItems: z.number().int(),
  totalPages: z.number().int(),
});
