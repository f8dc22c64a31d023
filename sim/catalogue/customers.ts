import type { CustomerProfile, Language } from '../../activities/types';
import { defaultAgents } from '../../db/seedAgents';
import type { BuyingPatternName } from './buyingPatterns';
import { personName } from './names';
import type { Random } from './random';

/**
 * A seeded customer's profile. Contacts are fake on purpose (example.* domains, 555 numbers):
 * the simulator's messages must never reach a real person.
 */

/** Advisors are agents of the local roster, so routing can hand a customer's case to theirs. */
const advisorIds = defaultAgents.map((agent) => agent.id);

const tagChances: readonly (readonly [tag: string, chance: number])[] = [
  ['wholesale', 0.03],
  ['press', 0.02],
  ['employee', 0.04],
];

function phoneNumber(random: Random, language: Language): string {
  const digits = (n: number) => String(random.int(0, 10 ** n - 1)).padStart(n, '0');
  return language === 'zh-CN' ? `+86 555 ${digits(4)} ${digits(4)}` : `+1 555-01${digits(2)}`;
}

function contact(random: Random, language: Language, handle: string): CustomerProfile['contact'] {
  const email = `${handle}${random.int(1, 99)}@${random.pick(['example.com', 'example.org', 'example.net'])}`;
  const phone = phoneNumber(random, language);
  // Everyone can be reached somehow: most by both, some only by one of them.
  return random.pickWeighted([
    [{ email, phone }, 6],
    [{ email }, 3],
    [{ phone }, 1],
  ]);
}

/** Everything but customerSince, which is the customer's first order, generated after. */
export function seededProfile(random: Random, id: string, pattern: BuyingPatternName): Omit<CustomerProfile, 'customerSince'> {
  const language: Language = random.chance(0.45) ? 'zh-CN' : 'en';
  const { name, handle } = personName(random, language);
  const tags = tagChances.filter(([, chance]) => random.chance(chance)).map(([tag]) => tag);
  // A wholesale account always has someone who knows it; a few big spenders are looked after too.
  const advised = tags.includes('wholesale') || (pattern === 'big_spender' && random.chance(0.4));
  return {
    id,
    name,
    contact: contact(random, language, handle),
    language,
    tags,
    consent: { marketing: random.chance(0.55), surveys: random.chance(0.7) },
    advisorId: advised ? random.pick(advisorIds) : null,
  };
}
