/**
 * The generated parts of docs/: each page holds a part between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->`, written by `npm run docs` from the code it describes (process
 * definitions, policies), so the docs cannot drift from it. test/unit/docs.test.ts fails when a
 * part is stale.
 */

export type Sections = Record<string, string>;

const begin = (name: string) => `<!-- generated:${name} -->`;
const end = (name: string) => `<!-- /generated:${name} -->`;

/** The page with each named part replaced by its current text; a part the page lacks is an error. */
export function fillSections(page: string, sections: Sections, pagePath: string): string {
  let text = page;
  for (const [name, content] of Object.entries(sections)) {
    const from = text.indexOf(begin(name));
    const to = text.indexOf(end(name));
    if (from === -1 || to < from) throw new Error(`${pagePath} has no ${begin(name)} … ${end(name)} part`);
    text = `${text.slice(0, from + begin(name).length)}\n${content.trim()}\n${text.slice(to)}`;
  }
  return text;
}

/** The names of the generated parts a page holds. */
export function sectionNames(page: string): string[] {
  return [...page.matchAll(/<!-- generated:([\w:-]+) -->/g)].map((m) => m[1]!);
}
