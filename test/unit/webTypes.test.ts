import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

/** Where two texts first differ, as a line a person can act on; null when they are the same. */
function firstDifference(committed: string, generated: string): string | null {
  if (committed === generated) return null;
  const [a, b] = [committed.split('\n'), generated.split('\n')];
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at])}, generated ${JSON.stringify(b[at])}; run npm run web:types`;
}

/**
 * The web app's API types (web/src/api/schema.d.ts) are those the API's routes give now: a route
 * or schema changed without `npm run web:types` fails here, before a page calls it wrongly.
 */
test('web/src/api/schema.d.ts is as `npm run web:types` would write it now', async () => {
  // openapi-typescript loads Redocly, ES modules only, which jest's CommonJS runtime cannot: the
  // generator runs on its own, as the npm script does.
  const script = path.join(root, 'scripts/web/apiTypes.ts');
  const { stdout } = await run(process.execPath, [require.resolve('tsx/cli'), script, '--stdout'], { maxBuffer: 64 * 1024 * 1024 });
  expect(firstDifference(readFileSync(path.join(root, 'web/src/api/schema.d.ts'), 'utf8'), stdout)).toBeNull();
}, 60_000);
