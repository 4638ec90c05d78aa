import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quietRuntime, stackEnv } from '../support/temporal';

const dir = join(__dirname, 'histories');
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

/** Histories recorded from earlier workflow code: today's code must replay them without non-determinism errors. */
describe('replay of recorded histories', () => {
  it('has histories for every ticket, fault and report path', () => {
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual(
      [
        'resolveTicket-clarify',
        'resolveTicket-escalate',
        'resolveTicket-review-approve',
        'resolveTicket-review-deadline',
        'resolveTicket-send',
        'diagnoseFault-auto',
        'diagnoseFault-approve',
        'diagnoseFault-reject',
        'monthlyComplianceReport-pass',
        'monthlyComplianceReport-review',
      ]
        // Recorded again with the audit search attributes and summaries; the originals stay as older code's evidence.
        .flatMap((name) => [name, `${name}-audit`])
        .concat('resolveTicket-guardrail-reject-audit')
        // Recorded with signed decisions, verified in an activity behind the `signed-decisions` patch.
        .concat(
          ['diagnoseFault-approve', 'diagnoseFault-reject', 'monthlyComplianceReport-review'].map((n) => `${n}-signed`),
          ['resolveTicket-review-approve', 'resolveTicket-guardrail-reject'].map((n) => `${n}-signed`),
        )
        // Recorded behind the `ticket-local-steps` patch: the account read, retrieval and guardrail check as local
        // activities, and one search attribute upsert per stage.
        .concat(['send', 'review-approve', 'clarify'].map((n) => `resolveTicket-${n}-local`))
        .sort(),
    );
  });

  it.each(files)(
    '%s replays deterministically',
    async (file) => {
      quietRuntime();
      const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      await expect(
        Worker.runReplayHistory({ workflowBundle: { codePath: stackEnv().bundlePath } }, history, file),
      ).resolves.toBeUndefined();
      // Generous: the first replay loads the bundle and the Rust runtime, slow on a machine busy with other suites.
    },
    30_000,
  );
});
