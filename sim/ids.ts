import { randomInt, randomUUID } from 'node:crypto';

/** Partner-style identifiers, prefixed so a log line says which system issued them. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID()}`;
}

export function newTrackingNumber(): string {
  return `SIM${String(randomInt(0, 1e10)).padStart(10, '0')}`;
}
