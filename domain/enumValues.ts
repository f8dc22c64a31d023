/** The values of an enum built from a list (z.enum needs at least one); an empty list is a broken registry. */
export function enumValues<T extends string>(values: Iterable<T>): [T, ...T[]] {
  const [first, ...rest] = [...new Set(values)];
  if (first === undefined) throw new Error('an enum needs at least one value');
  return [first, ...rest];
}
