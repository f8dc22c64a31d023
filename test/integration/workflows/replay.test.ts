import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { AesGcmPayloadCodec } from '../../../config/payloadCodec';
import { PayloadKeysSetting } from '../../../config/payloadKeys';
import { testEnv } from '../../support/env';

/**
 * Histories recorded by earlier versions of the workflows (test/fixtures/histories, with the
 * fixtures' own payload key). Today's code must replay each without a nondeterminism error: this
 * is what lets operations ship a process change while cases are in flight. A change that alters
 * the commands an old history ran fails here until it is guarded by `patched()`.
 */
const FIXTURES = path.join(__dirname, '../../fixtures/histories');

async function fixtures(): Promise<{ name: string; workflowId: string; history: ReturnType<typeof historyFromJSON> }[]> {
  const files = (await readdir(FIXTURES)).filter((file) => file.endsWith('.json'));
  return Promise.all(
    files.map(async (file) => ({
      name: file,
      workflowId: path.basename(file, '.json'),
      history: historyFromJSON(JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8'))),
    })),
  );
}

test('every recorded history of an earlier version replays on the current workflows', async () => {
  const keys = PayloadKeysSetting.parse((await readFile(path.join(FIXTURES, 'payload-key.txt'), 'utf8')).trim());
  const recorded = await fixtures();
  expect(recorded.length).toBeGreaterThan(0);
  for (const { name, workflowId, history } of recorded) {
    await expect(
      Worker.runReplayHistory(
        {
          workflowBundle: { codePath: testEnv().workflowBundlePath },
          dataConverter: { payloadCodecs: [new AesGcmPayloadCodec(keys)] },
          replayName: name,
        },
        history,
        workflowId,
      ),
    ).resolves.toBeUndefined();
  }
});
