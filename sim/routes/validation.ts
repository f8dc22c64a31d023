import type { Response } from 'express';
import type { z } from 'zod';

/** Parses a request part, or answers 400 with the issues and returns undefined. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown, res: Response): z.output<S> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  res.status(400).json({
    error: 'invalid_request',
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
  return undefined;
}
