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
