import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quietRuntime, stackEnv } from '../support/temporal';

/**
 * resolveTicket now passes the ticket's locale into classifyIntent and draftReply without a patch. A ticket recorded
 * by the code before that carried its locale in the workflow input but not in those activities' inputs; replayed by
 * today's code, the scheduled activities differ only in their input, which replay does not compare.
 */
describe('replay of a ticket with a locale, recorded before the locale reached the activities', () => {
  it.each(['resolveTicket-send-audit.json', 'resolveTicket-review-approve-signed.json'])(
    '%s, given a locale, replays deterministically',
    async (file) => {
      quietRuntime();
      const json = JSON.parse(readFileSync(join(__dirname, 'histories', file), 'utf8'));
      const started = json.events[0].workflowExecutionStartedEventAttributes.input.payloads[0];
      const args = JSON.parse(Buffer.from(started.data, 'base64').toString('utf8'));
      expect(args.ticket.locale).toBeUndefined();
      args.ticket.locale = 'es-ES';
      started.data = Buffer.from(JSON.stringify(args)).toString('base64');
      const history = historyFromJSON(json);
      await expect(
        Worker.runReplayHistory({ workflowBundle: { codePath: stackEnv().bundlePath } }, history, file),
      ).resolves.toBeUndefined();
    },
    30_000,
  );
});
