import { z } from 'zod';

/** One field-level complaint; `in` tells a client whether to look at the body, the query, a path parameter or a header. */
export const FieldError = z
  .object({
    in: z.enum(['body', 'query', 'path', 'header']),
    path: z.string(),
    message: z.string(),
    allowed: z
      .array(z.string())
      .optional()
      .meta({ description: 'What this place takes when it is a closed set: the values of an enum, or the names of the query parameters a route takes' }),
  })
  .meta({ id: 'FieldError' });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details; problem types add their own members (caseId, allowedActions, ...). */
export const Problem = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z.array(FieldError).optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
