import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApiHarness } from './support/apiHarness';

const run = promisify(execFile);
const lintScript = path.resolve(__dirname, '../../scripts/openapi/lint.ts');

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-openapi-lint');
});

afterAll(async () => {
  await api.close();
});

/** The linter's problems, one JSON object a line; it exits 1 when there are any. */
async function lint(url: string): Promise<Record<string, string>[]> {
  // Redocly ships as ES modules only, which jest's CommonJS runtime cannot load: the linter runs
  // on its own, as npm run lint:openapi does.
  const { stdout } = await run(process.execPath, [require.resolve('tsx/cli'), lintScript, url]).catch(
    (err: { code?: number; stdout?: string }) => {
      if (err.code !== 1 || err.stdout === undefined) throw err;
      return { stdout: err.stdout };
    },
  );
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, string>);
}

test("the served /openapi.json passes Redocly's recommended rules without an error or a warning", async () => {
  expect(await lint(`${api.url}/openapi.json`)).toEqual([]);
}, 60_000);

test('so does the one a local stack serves, with its sign-in routes', async () => {
  const local = await api.variant({ localSignIn: true });
  expect(await lint(`${local.url}/openapi.json`)).toEqual([]);
}, 60_000);
