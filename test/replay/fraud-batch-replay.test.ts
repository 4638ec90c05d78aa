import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quietRuntime, stackEnv } from '../support/temporal';

const dir = join(__dirname, 'batch-histories');
interface PatchMarker {
  details: Record<string, { payloads: Array<{ data: string }> } | undefined>;
}

const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

/**
 * Histories recorded by test/replay/record-batch-paths.ts. The sync sweep and classifyInBatch were recorded on the code
 * from before the sweep's batch mode (behind the `fraud-summary-batch` patch) and the shared batch wait
 * (workflows/batch/wait.ts); the batch sweep on the code that added them.
 */
describe('replay of the fraud sweep and batch classification histories', () => {
  it('has a history for each path', () => {
    expect(files.sort()).toEqual(
      [
        'classifyInBatch',
        'dailyFraudSweep-batch-first-run',
        'dailyFraudSweep-batch-last-run',
        'dailyFraudSweep-sync-first-run',
        'dailyFraudSweep-sync-last-run',
      ].map((name) => `${name}.json`),
    );
  });

  it('recorded the batch sweep behind its patch, and the sync sweep without it', () => {
    const patches = (file: string): string[] =>
      JSON.parse(readFileSync(join(dir, file), 'utf8'))
        .events.filter((e: { eventType: string }) => e.eventType === 'EVENT_TYPE_MARKER_RECORDED')
        .flatMap(
          (e: { markerRecordedEventAttributes: PatchMarker }) =>
            e.markerRecordedEventAttributes.details['patch-data']?.payloads.map(
              (p) => JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')).id as string,
            ) ?? [],
        );
    const markers = (file: string) => patches(file).includes('fraud-summary-batch');
    expect(markers('dailyFraudSweep-batch-first-run.json')).toBe(true);
    expect(markers('dailyFraudSweep-sync-first-run.json')).toBe(false);
  });

  it.each(files)(
    '%s replays deterministically',
    async (file) => {
      quietRuntime();
      const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      await expect(
        Worker.runReplayHistory({ workflowBundle: { codePath: stackEnv().bundlePath } }, history, file),
      ).resolves.toBeUndefined();
    },
    30_000,
  );
});
