import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';

/** A session of `GET /api/public/sessions`. Unknown fields are dropped. */
export const sessionSchema = z.object({
  id: idSchema,
  createdAt: isoDateTimeSchema,
  projectId: z.string().nullish(),
  environment: z.string().nullish(),
});

/** A Langfuse session as validated from the wire. */
export type LangfuseSession = z.infer<typeof sessionSchema>;
