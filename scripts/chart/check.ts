import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatElapsed } from '../elapsed';
import { runMain } from '../load/runMain';
import { progressPrinter } from '../progress';
import { KUBERNETES_VERSION, schemaDir } from './schemas';
import { HELM, KUBECONFORM, resolveGoTool } from './tools';

/**
 * `npm run chart:check`: lints the Helm chart under deploy/ and renders it with its defaults and with
 * each example values file under deploy/values/, then validates every rendered manifest strictly
 * (unknown fields are errors) with kubeconform against the Kubernetes and KEDA schemas, all offline.
 */
const ROOT = resolve(__dirname, '../..');
const CHART_DIR = join(ROOT, 'deploy/helm/after-sales-orchestrator');
const VALUES_DIR = join(ROOT, 'deploy/values');
const RELEASE = 'after-sales';
const NAMESPACE = 'after-sales';

/** A rendering of the chart: its name in the summary and the values files it takes, in order. */
export interface ValueSet {
  name: string;
  files: string[];
}

export interface ChartCheck {
  /** One per value set, with what helm rendered. */
  renders: { values: string; manifests: number; yaml: string }[];
  /** Valid manifests per kind, over all renderings. */
  kinds: Record<string, number>;
  /** What failed: lint findings, render errors, invalid manifests; empty when the chart is good. */
  problems: string[];
}

interface KubeconformResult {
  resources?: { filename: string; kind: string; name: string; version: string; status: string; msg: string }[];
}

function run(file: string, args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(file, args, { env, maxBuffer: 64 << 20, timeout: 5 * 60_000 }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The chart's defaults, then each example under deploy/values/ on top of them. */
export async function exampleValueSets(): Promise<ValueSet[]> {
  const files = (await readdir(VALUES_DIR)).filter((f) => f.endsWith('.yaml')).sort();
  return [{ name: 'defaults', files: [] }, ...files.map((f) => ({ name: `deploy/values/${f}`, files: [join(VALUES_DIR, f)] }))];
}

export async function checkChart(valueSets: ValueSet[], onProgress: (msg: string) => void): Promise<ChartCheck> {
  const [helm, kubeconform, schemas] = await Promise.all([
    resolveGoTool(HELM, onProgress),
    resolveGoTool(KUBECONFORM, onProgress),
    schemaDir(onProgress),
  ]);
  // go install builds report no version of their own (kubeconform says "development"): name the pins.
  onProgress(`helm ${HELM.version} (${helm.path}), kubeconform ${KUBECONFORM.version} (${kubeconform.path}), schemas of Kubernetes ${KUBERNETES_VERSION}`);
  // helm keeps its repositories and plugins here; a scratch home keeps the user's untouched.
  const home = await mkdtemp(join(tmpdir(), 'chart-check-'));
  const env = { ...process.env, HELM_CACHE_HOME: join(home, 'cache'), HELM_CONFIG_HOME: join(home, 'config'), HELM_DATA_HOME: join(home, 'data') };
  const check: ChartCheck = { renders: [], kinds: {}, problems: [] };
  try {
    for (const { name, files } of valueSets) {
      const valuesArgs = files.flatMap((file) => ['-f', file]);
      const lint = await run(helm.path, ['lint', '--strict', CHART_DIR, ...valuesArgs], env);
      if (lint.code !== 0) check.problems.push(`helm lint (${name}):\n${lint.stdout}${lint.stderr}`);
      const args = ['template', RELEASE, CHART_DIR, '--namespace', NAMESPACE, '--kube-version', KUBERNETES_VERSION, ...valuesArgs];
      const rendered = await run(helm.path, args, env);
      if (rendered.code !== 0) {
        check.problems.push(`helm template (${name}):\n${rendered.stderr}`);
        continue;
      }
      const file = join(home, `${name.replace(/[^\w.-]+/g, '_')}.yaml`);
      await writeFile(file, rendered.stdout);
      const validated = await run(kubeconform.path, [
        '-strict',
        '-summary',
        '-verbose',
        '-output', 'json',
        '-schema-location', join(schemas, '{{ .ResourceKind }}{{ .KindSuffix }}.json'),
        file,
      ]);
      const result = JSON.parse(validated.stdout || '{}') as KubeconformResult;
      const resources = result.resources ?? [];
      for (const r of resources) {
        if (r.status === 'statusValid') check.kinds[r.kind] = (check.kinds[r.kind] ?? 0) + 1;
        else check.problems.push(`${name}: ${r.kind} ${r.name} (${r.version}): ${r.status.replace(/^status/, '').toLowerCase()} ${r.msg}`);
      }
      if (validated.code !== 0 && resources.every((r) => r.status === 'statusValid')) {
        check.problems.push(`kubeconform (${name}) failed: ${validated.stderr || validated.stdout}`);
      }
      check.renders.push({ values: name, manifests: resources.length, yaml: rendered.stdout });
    }
  } finally {
    await rm(home, { recursive: true, force: true });
  }
  return check;
}

async function main(): Promise<number> {
  const started = Date.now();
  const progress = progressPrinter('chart');
  const check = await checkChart(await exampleValueSets(), progress);
  for (const { values, manifests } of check.renders) progress(`rendered with ${values}: ${manifests} manifests`);
  const kinds = Object.entries(check.kinds).sort(([a], [b]) => a.localeCompare(b));
  progress(`valid per kind: ${kinds.map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  for (const problem of check.problems) process.stderr.write(`${problem}\n`);
  const total = kinds.reduce((sum, [, n]) => sum + n, 0);
  progress(
    check.problems.length === 0
      ? `chart OK: ${total} manifests valid in ${formatElapsed(Date.now() - started)}`
      : `chart check FAILED: ${check.problems.length} problems`,
  );
  return check.problems.length === 0 ? 0 : 1;
}

if (require.main === module) runMain(main);
