import { access, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { withFileLock } from '../fileLock';
import { userCacheDir } from '../userCache';
import { convertSchema, definitionResolver, kindSchema, type Schema, schemaFileName } from './jsonSchema';
import { goModuleDir } from './tools';

/**
 * The Kubernetes release whose API the manifests are checked against, and the KEDA release whose
 * CRDs (ScaledObject, TriggerAuthentication) the chart uses; both come as Go modules from the Go
 * module proxy, the one download source CI has.
 */
export const KUBERNETES_VERSION = 'v1.36.3';
export const KEDA_VERSION = 'v2.21.0';
/** Bumped when jsonSchema.ts changes what it writes, so a cache of the old output is not used. */
const CONVERSION = 1;

const KEDA_CRDS = ['keda.sh_scaledobjects.yaml', 'keda.sh_triggerauthentications.yaml'];
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

type GroupVersionKind = { group: string; version: string; kind: string };
interface Swagger {
  definitions: Record<string, Schema & { 'x-kubernetes-group-version-kind'?: GroupVersionKind[] }>;
}
interface Crd {
  spec: { group: string; names: { kind: string }; versions: { name: string; served: boolean; schema?: { openAPIV3Schema?: Schema } }[] };
}

/** A directory of kubeconform's per-kind schema files, in the cache outside the repo, made on first use. */
export async function schemaDir(onProgress: (msg: string) => void): Promise<string> {
  const dir = userCacheDir('kubernetes-schemas', `${KUBERNETES_VERSION}-keda-${KEDA_VERSION}-${CONVERSION}`);
  const done = join(dir, 'schemas');
  if (await exists(done)) return done;
  await mkdir(dir, { recursive: true });
  return withFileLock(join(dir, '.build.lock'), async () => {
    if (await exists(done)) return done;
    onProgress(`writing the Kubernetes ${KUBERNETES_VERSION} and KEDA ${KEDA_VERSION} schemas to ${done} (once)`);
    // Written in a scratch directory and renamed, so a killed run never leaves a half set behind.
    const scratch = await mkdtemp(join(dir, '.build-'));
    try {
      const count = await writeSchemas(scratch, onProgress);
      await rename(scratch, done);
      onProgress(`wrote ${count} schemas`);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return done;
  });
}

async function writeSchemas(target: string, onProgress: (msg: string) => void): Promise<number> {
  onProgress(`downloading k8s.io/kubernetes@${KUBERNETES_VERSION} for its OpenAPI spec (about 20 MB, once)`);
  const kubernetes = await goModuleDir('k8s.io/kubernetes', KUBERNETES_VERSION);
  const swagger = JSON.parse(await readFile(join(kubernetes, 'api/openapi-spec/swagger.json'), 'utf8')) as Swagger;
  const resolve = definitionResolver(swagger.definitions);
  const files = new Map<string, Schema>();
  for (const definition of Object.values(swagger.definitions)) {
    for (const { group, version, kind } of definition['x-kubernetes-group-version-kind'] ?? []) {
      const apiVersion = group === '' ? version : `${group}/${version}`;
      files.set(schemaFileName(group, version, kind), kindSchema(convertSchema(definition, resolve), apiVersion, kind));
    }
  }
  // A CRD says only that metadata is an object; the API server checks it as every kind's ObjectMeta.
  const objectMeta = convertSchema({ $ref: `#/definitions/${OBJECT_META}` }, resolve);
  onProgress(`downloading github.com/kedacore/keda/v2@${KEDA_VERSION} for its CRDs (once)`);
  const keda = await goModuleDir('github.com/kedacore/keda/v2', KEDA_VERSION);
  for (const file of KEDA_CRDS) {
    const crd = parse(await readFile(join(keda, 'config/crd/bases', file), 'utf8')) as Crd;
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      const openApi = version.schema?.openAPIV3Schema;
      if (!openApi) throw new Error(`${file}: version ${version.name} has no openAPIV3Schema`);
      const body = convertSchema(openApi, () => null);
      const withMeta = { ...body, properties: { ...(body.properties as Schema), metadata: objectMeta } };
      files.set(
        schemaFileName(crd.spec.group, version.name, crd.spec.names.kind),
        kindSchema(withMeta, `${crd.spec.group}/${version.name}`, crd.spec.names.kind),
      );
    }
  }
  await Promise.all([...files].map(([name, schema]) => writeFile(join(target, name), JSON.stringify(schema))));
  return files.size;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
