import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cachedWorkflowBundle } from '../../../worker/workflowBundleCache';
import { tracedWorkflowSource, workflowSource } from '../../../worker/workflowSource';

/** A tiny workflow module outside the repo, whose sources the test may change. */
let root: string;
let workflowsPath: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bundle-cache-'));
  // The bundle's entry point imports @temporalio/workflow from beside the workflows.
  await symlink(path.resolve(__dirname, '../../../node_modules'), path.join(root, 'node_modules'));
  workflowsPath = path.join(root, 'workflows.ts');
  await writeFile(workflowsPath, `import { greeting } from './greeting';\nexport async function greet(name: string) { return greeting + ', ' + name; }\n`);
  await writeGreeting('hello');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const writeGreeting = (text: string) => writeFile(path.join(root, 'greeting.ts'), `export const greeting = '${text}';\n`);

async function bundle(workflowInterceptorModules: string[] = []) {
  const progress: string[] = [];
  const file = await cachedWorkflowBundle({
    dir: path.join(root, 'cache'),
    onProgress: (message) => progress.push(message),
    source: { workflowsPath, preloadModules: [], workflowInterceptorModules },
  });
  return { file, code: await readFile(file, 'utf8'), bundled: progress.some((m) => m.startsWith('bundling')) };
}

describe('cachedWorkflowBundle', () => {
  it('reuses a bundle while its sources are unchanged and rebuilds it when one changes', async () => {
    const first = await bundle();
    const again = await bundle();
    await writeGreeting('good day');
    const changed = await bundle();

    expect(first).toMatchObject({ bundled: true });
    expect(first.code).toContain("'hello'");
    expect(again).toEqual({ ...first, bundled: false });
    expect(changed.bundled).toBe(true);
    expect(changed.code).toContain("'good day'");
    expect(changed.code).not.toContain("'hello'");
  }, 120_000);

  it('keeps the bundle of a worker that traces and that of one that does not apart, and reuses each for its own source', async () => {
    const untraced = await bundle(workflowSource.workflowInterceptorModules);
    const traced = await bundle(tracedWorkflowSource.workflowInterceptorModules);
    const tracedAgain = await bundle(tracedWorkflowSource.workflowInterceptorModules);
    const untracedAgain = await bundle(workflowSource.workflowInterceptorModules);

    expect(untraced.code).toContain('workflowInterceptorsUntraced');
    expect(untraced.code).not.toContain('workflowInterceptorsTraced');
    expect(traced).toMatchObject({ bundled: true });
    expect(traced.code).toContain('workflowInterceptorsTraced');
    expect(traced.code).not.toContain('workflowInterceptorsUntraced');
    expect(tracedAgain).toEqual({ ...traced, bundled: false });
    expect(untracedAgain).toEqual({ ...untraced, bundled: false });
  }, 120_000);
});
