/**
 * The first policy rule with one of its keywords in the customer's words, case-insensitive and
 * anywhere in the text (Chinese has no spaces to split on); undefined when none matches. How
 * complaints are classified and suggestions routed (docs/policies.md).
 */
export function firstKeywordRule<Rule extends { keywords: readonly string[] }>(text: string, rules: readonly Rule[]): Rule | undefined {
  const words = text.toLowerCase();
  return rules.find((rule) => rule.keywords.some((keyword) => words.includes(keyword.toLowerCase())));
}
