import { z } from 'zod';

/** A list cursor the client sent back that this service did not hand out. */
export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one this service issued');
    this.name = 'InvalidCursorError';
  }
}

/** Where a page ended in the list order (newest first, ties broken by id). */
export interface ListPosition {
  createdAt: string;
  id: string;
}

// A tuple keeps the opaque string short; clients must not rely on what is inside.
const EncodedPosition = z.tuple([z.iso.datetime({ offset: true }), z.string().min(1)]);

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): ListPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const parsed = EncodedPosition.safeParse(decoded);
  if (!parsed.success) throw new InvalidCursorError();
  const [createdAt, id] = parsed.data;
  return { createdAt, id };
}
