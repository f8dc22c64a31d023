/** Collects the values of a statement assembled from optional parts and numbers their placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Returns the `$n` placeholder for value; an arrow so it can be handed to builders as is. */
  readonly add = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}
