import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generatedPages } from './pages';
import { fillSections } from './sections';

/**
 * `npm run docs`: rewrites the generated parts of docs/ (state diagrams, status, action and step
 * tables, policy figures, the status filter's values) from the code, and says which pages changed.
 * Run it after changing a process definition or a policy; test/unit/docs.test.ts fails until then.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  for (const [page, sections] of generatedPages()) {
    const file = path.join(root, page);
    const before = await readFile(file, 'utf8').catch(() => {
      throw new Error(`${page} is missing: write it, with a <!-- generated:NAME --> <!-- /generated:NAME --> pair for each of ${Object.keys(sections).join(', ')}`);
    });
    const after = fillSections(before, sections, page);
    if (after !== before) await writeFile(file, after);
    console.log(`${after === before ? 'current' : 'updated'} ${page}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
