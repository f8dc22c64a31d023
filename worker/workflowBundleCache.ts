import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import type { WorkflowSource } from './workflowSource';

const PROJECT_ROOT = path.resolve(__dirname, '..');
/** Bundles of other states of the code (another branch, another clone) kept besides the newest. */
const KEPT_BUNDLES = 4;

/** What webpack found at a path while bundling: `sha256:<content hash>`, `directory` or `missing`. */
type InputState = string;

/** What a bundle was built from, checked input by input before the bundle is reused. */
interface Manifest {
  /** The bundler's options and package-lock.json: the same inputs through another bundler make another bundle. */
  options: string;
  /** Every path webpack read or probed (a file missing then must still be missing), relative to the project root. */
  inputs: Record<string, InputState>;
}

/**
 * The workflow bundle a worker loads, built with webpack only when something it is built from
 * changed: bundling takes seconds at every start otherwise. Bundles live in `dir` (the per-user
 * cache), named by what they were built from, so clones and branches share them.
 */
export async function cachedWorkflowBundle(opts: {
  dir: string;
  onProgress: (message: string) => void;
  /** Traced or not (worker/workflowSource.ts): each is a bundle of its own, since the interceptor modules are part of the key. */
  source: WorkflowSource;
}): Promise<string> {
  const { source } = opts;
  const options = await bundlerOptions(source);
  const reusable = await findUnchanged(opts.dir, options).catch(() => null);
  if (reusable) {
    opts.onProgress(`workflow code unchanged: reusing the workflow bundle ${reusable}`);
    return reusable;
  }
  opts.onProgress('bundling the workflows (kept for later starts while their code is unchanged)');
  const startedAt = Date.now();
  const { code, inputs } = await bundleRecordingInputs(source);
  const inspected = await Promise.all([...inputs].sort().map(async (input) => ({ input, ...(await inspect(input)) })));
  const manifest: Manifest = {
    options,
    inputs: Object.fromEntries(inspected.map(({ input, state }) => [path.relative(PROJECT_ROOT, input), state])),
  };
  // A file saved during the build may or may not be in this bundle: use it, but do not keep it.
  if (inspected.some(({ modifiedAt }) => modifiedAt >= startedAt)) return writeUncached(code, 'a workflow source changed while it was bundled');
  try {
    return await store(opts.dir, manifest, code);
  } catch (error) {
    return writeUncached(code, `could not keep it in ${opts.dir}: ${error instanceof Error ? error.message : String(error)}`);
  }

  async function writeUncached(bundle: string, why: string): Promise<string> {
    opts.onProgress(`workflow bundle not cached (${why})`);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'aso-workflow-bundle-')), 'workflow-bundle.js');
    await writeFile(file, bundle);
    return file;
  }
}

const relativeToProject = (module: string): string => (path.isAbsolute(module) ? path.relative(PROJECT_ROOT, module) : module);

async function bundlerOptions(source: WorkflowSource): Promise<string> {
  const lockfile = await inspect(path.join(PROJECT_ROOT, 'package-lock.json'));
  return JSON.stringify({
    workflowsPath: path.relative(PROJECT_ROOT, source.workflowsPath),
    preloadModules: source.preloadModules.map(relativeToProject),
    workflowInterceptorModules: source.workflowInterceptorModules.map(relativeToProject),
    lockfile: lockfile.state,
  });
}

async function bundleRecordingInputs(source: WorkflowSource): Promise<{ code: string; inputs: Set<string> }> {
  const inputs = new Set<string>();
  const { code } = await bundleWorkflowCode({
    ...source,
    // Webpack's summary of every module is noise at start-up; its warnings and errors are not.
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [
        ...(config.plugins ?? []),
        {
          apply: (compiler) =>
            compiler.hooks.done.tap('record workflow bundle inputs', ({ compilation }) => {
              for (const file of compilation.fileDependencies) inputs.add(file);
              for (const file of compilation.missingDependencies) inputs.add(file);
            }),
        },
      ],
    }),
  });
  return { code, inputs };
}

async function findUnchanged(dir: string, options: string): Promise<string | null> {
  for (const name of await manifestsNewestFirst(dir)) {
    const manifest = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Manifest;
    if (manifest.options !== options || !(await unchanged(manifest.inputs))) continue;
    const bundle = path.join(dir, name.replace(/\.json$/, '.js'));
    await stat(bundle);
    // The newest use decides which bundles survive pruning.
    const now = new Date();
    await utimes(path.join(dir, name), now, now);
    return bundle;
  }
  return null;
}

async function unchanged(inputs: Record<string, InputState>): Promise<boolean> {
  const states = await Promise.all(
    Object.entries(inputs).map(async ([input, recorded]) => (await inspect(path.resolve(PROJECT_ROOT, input))).state === recorded),
  );
  return states.every(Boolean);
}

async function inspect(file: string): Promise<{ state: InputState; modifiedAt: number }> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (!info) return { state: 'missing', modifiedAt: 0 };
  if (info.isDirectory()) return { state: 'directory', modifiedAt: 0 };
  const hash = createHash('sha256').update(await readFile(file)).digest('hex');
  return { state: `sha256:${hash}`, modifiedAt: info.mtimeMs };
}

/** Bundle first, manifest last (each renamed into place whole): a manifest always names a complete bundle. */
async function store(dir: string, manifest: Manifest, code: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const id = createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 24);
  const bundle = path.join(dir, `${id}.js`);
  await writeWhole(bundle, code);
  await writeWhole(path.join(dir, `${id}.json`), JSON.stringify(manifest));
  for (const stale of (await manifestsNewestFirst(dir)).slice(KEPT_BUNDLES)) {
    await rm(path.join(dir, stale), { force: true });
    await rm(path.join(dir, stale.replace(/\.json$/, '.js')), { force: true });
  }
  return bundle;
}

async function writeWhole(file: string, content: string): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, content);
  await rename(partial, file);
}

async function manifestsNewestFirst(dir: string): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.json'));
  // Another start may prune a manifest between readdir and stat: it then sorts last.
  const usedAt = (name: string) => stat(path.join(dir, name)).then((s) => s.mtimeMs, () => 0);
  const dated = await Promise.all(names.map(async (name) => ({ name, usedAt: await usedAt(name) })));
  return dated.sort((a, b) => b.usedAt - a.usedAt).map((d) => d.name);
}
