/**
 * A small seeded generator (mulberry32), so the simulator's catalogue is the same on every start
 * and a test or a demo can rely on what it finds. Not for anything that must be unguessable.
 */
export interface Random {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Each item as often as its weight says, relative to the others'. */
  pickWeighted<T>(items: readonly (readonly [item: T, weight: number])[]): T;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    pick(items) {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('cannot pick from an empty list');
      return item;
    },
    pickWeighted(items) {
      let remaining = next() * items.reduce((sum, [, weight]) => sum + weight, 0);
      const found = items.find(([, weight]) => (remaining -= weight) < 0) ?? items.at(-1);
      if (found === undefined) throw new Error('cannot pick from an empty list');
      return found[0];
    },
    chance: (probability) => next() < probability,
  };
}
