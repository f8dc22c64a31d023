import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LTS_NODE_VERSION } from '../../scripts/lts/ltsNode';

const repo = path.resolve(__dirname, '../..');
const major = LTS_NODE_VERSION.split('.')[0];

// CI proves the LTS that `npm run test:lts` fetches; production must run that same line, not the one tested by accident.
test('the production image runs the Node LTS that CI tests on, and package.json says it is supported', () => {
  const dockerfile = readFileSync(path.join(repo, 'Dockerfile'), 'utf8');
  const images = [...dockerfile.matchAll(/^FROM node:(\S+)/gm)].map((m) => m[1] ?? '');
  const engines = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

  expect(images.length).toBeGreaterThan(0);
  expect(images.every((tag) => tag.startsWith(`${major}-`) || tag.startsWith(`${LTS_NODE_VERSION}-`))).toBe(true);
  expect(engines.split('||').map((range) => range.trim())).toContain(`^${major}.0.0`);
});
