import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { checkChart, exampleValueSets } from '../../../scripts/chart/check';

/**
 * The Helm chart under deploy/, rendered and validated as `npm run chart:check` does (helm and
 * kubeconform from the cache outside the repo; the first run builds them, which takes minutes).
 */
const FIRST_BUILD_MS = 20 * 60_000;

type Manifest = { kind: string; metadata: { name: string; annotations?: Record<string, string> }; spec: Record<string, unknown> };

function manifests(yaml: string): Manifest[] {
  return parseAllDocuments(yaml).map((doc) => doc.toJSON() as Manifest).filter(Boolean);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aso-chart-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it(
  'renders valid manifests with its defaults and every example values file: migrations before the pods, probes, autoscaling',
  async () => {
    const check = await checkChart(await exampleValueSets(), () => undefined);
    expect(check.problems).toEqual([]);
    expect(check.kinds).toEqual(
      expect.objectContaining({ Deployment: expect.any(Number), Job: expect.any(Number), PodDisruptionBudget: expect.any(Number), ScaledObject: expect.any(Number) }),
    );
    const defaults = manifests(check.renders.find((r) => r.values === 'defaults')?.yaml ?? '');
    const migrations = defaults.find((m) => m.kind === 'Job');
    expect(migrations?.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    const api = JSON.stringify(defaults.find((m) => m.kind === 'Deployment' && m.metadata.name.endsWith('-api')));
    expect(api).toContain('"readinessProbe":{"httpGet":{"path":"/readyz"');
    expect(api).toContain('"livenessProbe":{"httpGet":{"path":"/healthz"');
    const scaler = defaults.find((m) => m.kind === 'ScaledObject');
    expect(JSON.stringify(scaler?.spec)).toContain('"type":"temporal"');
  },
  FIRST_BUILD_MS,
);

it('fails on a field Kubernetes does not know, as the API server would refuse it', async () => {
  const misspelt = path.join(dir, 'misspelt.yaml');
  await writeFile(misspelt, 'podSecurityContext:\n  runAsNonroot: true\n');
  const check = await checkChart([{ name: 'misspelt', files: [misspelt] }], () => undefined);
  expect(check.problems.join('\n')).toMatch(/runAsNonroot/);
}, FIRST_BUILD_MS);

it('runs each build of worker.versioning.versions as a Deployment of its own, joined to the worker deployment and scaled on its own backlog', async () => {
  const example = path.join(__dirname, '../../../deploy/values/versioned-workers.yaml');
  const check = await checkChart([{ name: 'versioned', files: [example] }], () => undefined);
  expect(check.problems).toEqual([]);
  const rendered = manifests(check.renders[0]!.yaml);

  type Container = { image: string; env: { name: string; value?: string }[] };
  const workers = rendered
    .filter((m) => m.kind === 'Deployment' && m.metadata.name.includes('-worker'))
    .map((m) => {
      const spec = m.spec as { selector: { matchLabels: Record<string, string> }; template: { spec: { containers: Container[] } } };
      const [container] = spec.template.spec.containers;
      const env = Object.fromEntries(container!.env.map((e) => [e.name, e.value]));
      return { name: m.metadata.name, image: container!.image, component: spec.selector.matchLabels['app.kubernetes.io/component'], env };
    });
  // No unversioned worker beside them; each build's own image, selector and version.
  expect(workers.map(({ name, image, component, env }) => [name, image.split(':').pop(), component, env.WORKER_DEPLOYMENT_NAME, env.WORKER_BUILD_ID])).toEqual([
    ['after-sales-worker-1-4-0', '1.4.0', 'worker-1-4-0', 'after-sales', '1.4.0'],
    ['after-sales-worker-1-5-0', '1.5.0', 'worker-1-5-0', 'after-sales', '1.5.0'],
  ]);
  const scalers = rendered.filter((m) => m.kind === 'ScaledObject').map((m) => m.spec as { minReplicaCount: number; triggers: { metadata: Record<string, string> }[] });
  expect(scalers.map((s) => [s.minReplicaCount, s.triggers[0]!.metadata.workerDeploymentBuildId, s.triggers[0]!.metadata.includeRunningWorkflowCount])).toEqual([
    [0, '1.4.0', 'true'],
    [1, '1.5.0', 'true'],
  ]);
  expect(rendered.filter((m) => m.kind === 'PodDisruptionBudget').map((m) => m.metadata.name)).toContain('after-sales-worker-1-4-0');
}, FIRST_BUILD_MS);

it('refuses a build listed twice and a build id Temporal or Kubernetes would not take', async () => {
  const twice = path.join(dir, 'twice.yaml');
  await writeFile(twice, 'worker:\n  versioning:\n    versions:\n      - buildId: "1.5.0"\n      - buildId: "1.5.0"\n');
  const spaced = path.join(dir, 'spaced.yaml');
  await writeFile(spaced, 'worker:\n  versioning:\n    versions:\n      - buildId: "1.5 beta"\n');
  const check = await checkChart([{ name: 'twice', files: [twice] }, { name: 'spaced', files: [spaced] }], () => undefined);
  expect(check.problems.join('\n')).toMatch(/build id "1\.5\.0" is listed twice/);
  expect(check.problems.join('\n')).toMatch(/build id "1\.5 beta" must be letters, digits/);
}, FIRST_BUILD_MS);
