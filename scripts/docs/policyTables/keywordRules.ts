import { codes, table } from '../markdown';

/**
 * Rules over the customer's words, first match wins (workflows/lib/keywordRules.ts), as a table:
 * each rule's keywords and what it decides, then what anything else gets.
 */
export function keywordRuleTable(headers: readonly string[], rules: readonly { keywords: readonly string[]; decides: readonly string[] }[], fallback: readonly string[]): string {
  return table([...headers], [...rules.map((r) => [codes([...r.keywords]), ...r.decides]), ['anything else', ...fallback]]);
}
