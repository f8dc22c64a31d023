/**
 * The operationId of a route generated for a name (an action, a partner kind): the prefix and the
 * name's words in camelCase, `caseAction` + `approve-quote` → `caseActionApproveQuote`. Client
 * generators name their methods after it, so it follows the name and nothing else.
 */
export function operationIdFor(prefix: string, name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return prefix + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}
