import { FlagError } from '../../scripts/load/flags';
import { parseRolloutArgs } from '../../scripts/rollout/args';

/** `npm run rollout`'s command line, checked before it connects to anything (docs/versioning.md). */

describe('npm run rollout arguments', () => {
  it.each([
    [['status'], { command: 'status' }],
    [['ramp', '1.5.0', '10'], { command: 'ramp', buildId: '1.5.0', percent: 10 }],
    [['promote', '1.5.0'], { command: 'promote', buildId: '1.5.0' }],
    [['rollback', '1.4.0'], { command: 'rollback', buildId: '1.4.0' }],
    [['drain', '1.4.0'], { command: 'drain', buildId: '1.4.0' }],
  ])('reads %j', (argv, command) => {
    expect(parseRolloutArgs(argv)).toEqual({ command, deployment: undefined, all: false, timeoutMs: 600_000 });
  });

  it('takes the deployment, --all and a timeout for drain', () => {
    expect(parseRolloutArgs(['drain', '1.4.0', '--deployment', 'after-sales', '--all', '--timeout-s', '30'])).toEqual({
      command: { command: 'drain', buildId: '1.4.0' },
      deployment: 'after-sales',
      all: true,
      timeoutMs: 30_000,
    });
  });

  it.each([
    ['no command', [], /^no command\nusage: npm run rollout/],
    ['an unknown command', ['deploy', '1.5.0'], /^unknown command deploy\n/],
    ['a missing argument', ['ramp', '1.5.0'], /^ramp takes <build-id> <percent>\n/],
    ['an argument too many', ['promote', '1.5.0', '1.4.0'], /^promote takes <build-id>\n/],
    ['a ramp over 100 %', ['ramp', '1.5.0', '150'], /^percent: .*100/],
    ['a ramp of 0 %', ['ramp', '1.5.0', '0'], /^percent: .*1/],
    ['a share that is no whole number', ['ramp', '1.5.0', '12.5'], /^percent: a whole number/],
    ['a build id WORKER_BUILD_ID would refuse', ['promote', 'v:1'], /^buildId: letters, digits/],
    ['an unknown flag', ['status', '--force'], /Unknown option '--force'/],
    ['a timeout that is no time', ['drain', '1.4.0', '--timeout-s', 'soon'], /^--timeout-s must be a positive number/],
  ])('refuses %s, with the usage', (_what, argv, message) => {
    expect(() => parseRolloutArgs(argv)).toThrow(FlagError);
    expect(() => parseRolloutArgs(argv)).toThrow(message);
  });
});
