import { readFile } from 'node:fs/promises';
import { createConfig, lintFromString, type NormalizedProblem, type RawUniversalConfig } from '@redocly/openapi-core';

/**
 * `npm run lint:openapi -- <url or file>`: lints an OpenAPI document with Redocly's `recommended`
 * rules, prints one JSON line per problem on stdout, and exits 1 if there is any, warnings too.
 * test/api/openapiLint.test.ts runs it on the document the API serves.
 */

const ruleset: RawUniversalConfig = {
  extends: ['recommended'],
  rules: {
    // package.json: UNLICENSED. The document names that no licence is granted (info-license);
    // there is no licence text to link to and no SPDX identifier for it.
    'info-license-strict': 'off',
  },
};

async function source(where: string): Promise<string> {
  if (!/^https?:\/\//.test(where)) return readFile(where, 'utf8');
  const res = await fetch(where);
  if (!res.ok) throw new Error(`${where} answered ${res.status}`);
  return res.text();
}

async function lintOpenApi(where: string): Promise<NormalizedProblem[]> {
  const config = await createConfig(ruleset);
  return lintFromString({ source: await source(where), absoluteRef: where, config });
}

async function main(): Promise<void> {
  const where = process.argv[2];
  if (!where) throw new Error('usage: npm run lint:openapi -- <url or file of an OpenAPI document>');
  const problems = await lintOpenApi(where);
  for (const { ruleId, severity, message, location } of problems) {
    console.log(JSON.stringify({ ruleId, severity, message, pointer: location[0]?.pointer }));
  }
  process.exitCode = problems.length > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
});
