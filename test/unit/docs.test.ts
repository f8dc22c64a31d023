import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generatedPages } from '../../scripts/docs/pages';
import { fillSections, sectionNames } from '../../scripts/docs/sections';
import { processes } from '../../workflows/registry';
import { brokenLinks } from '../support/docLinks';

/**
 * The project's own docs stay complete and current: a page per registered process, generated parts
 * (state diagrams, tables, policy figures) as `npm run docs` would write them now, and no link to
 * a file or heading that is not there.
 */
const root = path.resolve(__dirname, '../..');
const read = (page: string) => readFileSync(path.join(root, page), 'utf8');

function markdownFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(relative);
    return entry.name.endsWith('.md') ? [relative] : [];
  });
}

test('every registered process, and the escalation, has its page', () => {
  const pages = markdownFiles('docs/processes');
  const expected = [...processes.map((p) => p.name), 'escalation'].map((name) => path.join('docs/processes', `${name}.md`));
  expect(pages.sort()).toEqual(expect.arrayContaining(expected.sort()));
});

describe.each([...generatedPages()].map(([page, sections]) => [page, sections] as const))('%s', (page, sections) => {
  it('holds exactly the generated parts the code gives it', () => {
    expect(sectionNames(read(page)).sort()).toEqual(Object.keys(sections).sort());
  });

  it('is as `npm run docs` would write it now', () => {
    const text = read(page);
    expect(fillSections(text, sections, page)).toBe(text);
  });
});

test.each(['README.md', ...markdownFiles('docs'), ...markdownFiles('deploy')])('%s links only to files and headings that exist', (page) => {
  expect(brokenLinks(path.join(root, page))).toEqual([]);
});
