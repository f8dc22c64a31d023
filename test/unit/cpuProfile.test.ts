import path from 'node:path';
import { type CpuProfile, summarize } from '../../scripts/bench/cpuProfile';

const repo = path.resolve(__dirname, '../..');

/** A profile of 10 samples over 10 s (times are in µs): 4 idle, 3 in a package, 2 in the repository's code, 1 in the garbage collector. */
const profile: CpuProfile = {
  startTime: 0,
  endTime: 10_000_000,
  nodes: [
    { id: 1, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
    { id: 2, callFrame: { functionName: 'query', url: `${repo}/node_modules/pg/lib/client.js`, lineNumber: 9 } },
    { id: 3, callFrame: { functionName: 'recordCaseEvent', url: `file://${repo}/db/caseRecords.ts`, lineNumber: 111 } },
    { id: 4, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
  ],
  samples: [1, 2, 3, 1, 2, 1, 2, 3, 4, 1],
};

test('a profile summary gives busy time, and self time by package or folder and by function, largest first', () => {
  const lines = summarize('worker.cpuprofile', profile).split('\n');

  expect(lines[0]).toBe('worker.cpuprofile: busy 6.0 s of 10.0 s');
  const byPlace = lines.slice(2, 5).map((l) => l.trim().replace(/\s+/g, ' '));
  expect(byPlace).toEqual(['3.00 s 50.0 % pg', '2.00 s 33.3 % db', '1.00 s 16.7 % (garbage collector)']);
  expect(lines.slice(6).map((l) => l.trim().replace(/\s+/g, ' '))).toEqual([
    '3.00 s 50.0 % query pg/lib/client.js:10',
    '2.00 s 33.3 % recordCaseEvent db/caseRecords.ts:112',
    '1.00 s 16.7 % (garbage collector)',
  ]);
});
