/**
 * The fields a documented answer shows that the real one lacks, as paths. Values differ per run
 * (ids, times), so only the presence of each documented field is compared; an element of a
 * documented list must match some element of the real one, in any order.
 */
export function missingFields(documented: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(documented)) {
    if (!Array.isArray(actual)) return [path || '(root)'];
    return documented.flatMap((element, i) => {
      const matches = actual.some((candidate) => missingFields(element, candidate).length === 0);
      return matches ? [] : [`${path}[${i}]`];
    });
  }
  if (documented === null || typeof documented !== 'object') return [];
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [path || '(root)'];
  const real = actual as Record<string, unknown>;
  return Object.entries(documented).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    return key in real ? missingFields(value, real[key], at) : [at];
  });
}

/** The value at a dotted path (`details.returnLabel.carrier`, `payloads.0`). */
export function valueAt(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], body);
}
