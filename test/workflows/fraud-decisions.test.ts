import { randomUUID } from 'node:crypto';
import type { SigningKey } from '../../activities/decisions/signing';
import type { AnalystDecision } from '../../activities/fraud';
import { fraudDecisionWorkflowId, type FraudFlagRef } from '../../client/fraud';
import { fraudSubject } from '../../domain/decisions';
import { searchAttributes as sa } from '../../domain/search-attributes';
import type { FraudDecisionResult } from '../../workflows/fraud/recordFraudDecision';
import { TestKeyring } from '../support/decision-keys';
import { historyText } from '../support/history-text';
import { temporalHarnessForFile } from '../support/temporal';

const harness = temporalHarnessForFile();

const keyring = new TestKeyring();
const analyst = 'analyst.ng';
const recorded: AnalystDecision[] = [];
const activities = {
  ...keyring.activity(),
  async recordAnalystDecision(input: AnalystDecision) {
    recorded.push(input);
    return { updated: true, allowlisted: input.decision === 'closed_legitimate' ? 2 : 0 };
  },
};

const newFlag = (): FraudFlagRef => ({ sweepDate: '2026-11-21', accountId: String(1_000_000 + recorded.length) });

interface SignOptions {
  flag: FraudFlagRef;
  /** The flag the statement names, when it is not the one decided. */
  signedFor?: FraudFlagRef;
  workflowId?: string;
  runId?: string;
  identity?: string;
  role?: 'analyst' | 'agent';
  key?: SigningKey;
  now?: Date;
}

function signVerdict(o: SignOptions) {
  const identity = o.identity ?? analyst;
  const about = o.signedFor ?? o.flag;
  return keyring.sign(
    {
      kind: 'fraud',
      workflowId: o.workflowId ?? fraudDecisionWorkflowId(o.flag, identity),
      runId: o.runId ?? '*',
      subject: fraudSubject(about.accountId, about.sweepDate),
      decision: 'closed_legitimate',
      reason: 'a traveller with years of roaming history',
      identity,
      role: o.role ?? 'analyst',
      ...(o.now ? { now: o.now, lifetimeMs: 3_600_000 } : {}),
    },
    o.key,
  );
}

/** Starts the decision run as the client would: the flag and the signed verdict, under the signer's workflow id. */
async function decide(flag: FraudFlagRef, signed: unknown, identity = analyst) {
  const handle = await harness.client.workflow.start('recordFraudDecision', {
    taskQueue: harness.taskQueue,
    workflowId: fraudDecisionWorkflowId(flag, identity),
    args: [{ signed, ...flag }],
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
  });
  const result = (await handle.result()) as FraudDecisionResult;
  const description = await handle.describe();
  return { result, attributes: description.typedSearchAttributes, history: await historyText(handle) };
}

describe('signed fraud verdicts', () => {
  it('records every forgery as refused, with no effect and no Approver, and a valid verdict exactly once', async () => {
    keyring.revoke('analyst.gone', 'analyst');
    const worker = await harness.worker(activities);
    await worker.runUntil(async () => {
      const flag = newFlag();
      const other = { ...flag, accountId: '999999' };
      const cases: Array<[string, unknown, RegExp | string, string?]> = [
        [
          'unsigned',
          { sweepDate: flag.sweepDate, accountId: flag.accountId, decision: 'closed_legitimate', analyst },
          /^unsigned: /,
        ],
        ['unknown key', signVerdict({ flag, key: keyring.unregistered() }), /^unknown key /],
        ['revoked key', signVerdict({ flag, identity: 'analyst.gone' }), /was revoked$/, 'analyst.gone'],
        ['wrong role', signVerdict({ flag, role: 'agent' }), `belongs to agent:${analyst}, not analyst:${analyst}`],
        ['another workflow', signVerdict({ flag, workflowId: 'fraud-decision-elsewhere' }), /^signed for workflow /],
        ['a given run', signVerdict({ flag, runId: randomUUID() }), /^signed for run .*, not this run$/],
        [
          'another account',
          signVerdict({ flag, signedFor: other }),
          `signed for ${fraudSubject(other.accountId, other.sweepDate)}`,
        ],
        ['expired', signVerdict({ flag, now: new Date(Date.now() - 2 * 3_600_000) }), /^expired at /],
      ];
      for (const [name, signed, refusal, identity] of cases) {
        const { result, attributes, history } = await decide(flag, signed, identity);
        expect([name, result]).toEqual([
          name,
          expect.objectContaining({ recorded: false, analyst: null, updated: false, refusal: expect.any(String) }),
        ]);
        expect([name, result.refusal]).toEqual([
          name,
          typeof refusal === 'string' ? expect.stringContaining(refusal) : expect.stringMatching(refusal),
        ]);
        expect([name, attributes.get(sa.Decision), attributes.get(sa.Approver)]).toEqual([name, 'refused', undefined]);
        expect(history).toContain(result.refusal!.slice(0, 40));
      }
      expect(recorded).toEqual([]);

      const valid = signVerdict({ flag });
      const first = await decide(flag, valid);
      expect(first.result).toEqual({
        recorded: true,
        decision: 'closed_legitimate',
        analyst,
        updated: true,
        allowlisted: 2,
      });
      expect(first.attributes.get(sa.Approver)).toBe(analyst);
      expect(first.attributes.get(sa.Decision)).toBe('closed_legitimate');
      // The same signed verdict again, in a new run under the same id: its nonce is spent.
      const replayed = await decide(flag, valid);
      expect(replayed.result).toMatchObject({ recorded: false, refusal: expect.stringMatching(/already used$/) });
      expect(recorded).toEqual([{ ...flag, decision: 'closed_legitimate', analyst }]);
    });
  });

  it('refuses a malformed start instead of failing its workflow task', async () => {
    const worker = await harness.worker(activities);
    const result = await worker.runUntil(async () =>
      harness.client.workflow.execute('recordFraudDecision', {
        taskQueue: harness.taskQueue,
        workflowId: `fraud-decision-malformed-${randomUUID()}`,
        args: [{ signed: null, sweepDate: 'yesterday', accountId: 'ACC-1' }],
      }),
    );
    expect(result).toMatchObject({ recorded: false, refusal: expect.stringMatching(/^the flag must be/) });
  });
});
