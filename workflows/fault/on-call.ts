import { condition } from '@temporalio/workflow';
import type { FaultPolicy } from '../../domain/fault/policy';
import { duration } from '../audit';
import { workflowNow as now } from '../clock';
import { backend, operations } from './proxies';
import type { FaultRun } from './run';

import type { PageKind } from '../../domain/fault/pages';
type Roster = Array<{ tier: number; engineers: string[] }>;

/**
 * The device team's on-call roster and how the run reaches it: pages by tier, reminders, and the climb to the next
 * tier when one does not answer, until someone on the roster decides or the final deadline passes.
 */
export class OnCall {
  roster: Roster = [];

  constructor(
    private readonly run: FaultRun,
    private readonly team: string,
    private readonly policy: FaultPolicy,
  ) {}

  async loadRoster(): Promise<Roster> {
    const summary = `Load the ${this.team} on-call roster`;
    this.roster = (await backend.loadOnCallRoster.executeWithOptions({ summary }, [{ team: this.team }])).tiers;
    return this.roster;
  }

  async page(index: number, kind: PageKind, message: string, round = 0): Promise<void> {
    if (!this.roster.length) await this.loadRoster();
    const { run } = this;
    const target = this.roster[Math.min(index, this.roster.length - 1)]!;
    run.pending.pagedTier = target.tier;
    const { workflowId, runId } = run.ids;
    await operations.pageOnCall.executeWithOptions(
      { summary: `Page ${this.team} tier ${target.tier}: ${kind.replace(/_/g, ' ')}${round ? ` ${round}` : ''}` },
      [
        {
          // The run id too: a fault's workflow id recurs when the same fault comes back after this one closed.
          idempotencyKey: `${workflowId}:${runId}:${kind}:${target.tier}:${round}`,
          team: this.team,
          tier: target.tier,
          engineerIds: target.engineers,
          deviceId: run.alert.deviceId,
          kind,
          message,
        },
      ],
    );
    run.mark(`paged tier ${target.tier}`, kind);
    run.setStage();
  }

  /** Pages, reminds and climbs the roster until someone on it decides, or the final deadline passes (null). */
  async awaitVerdict() {
    const { run, policy } = this;
    const started = now().getTime();
    let tier = 0;
    let tierStarted = started;
    await this.page(tier, 'approval_request', this.approvalMessage());
    run.pending.waiting = true;
    run.setStage();
    for (let round = 1; ; round += 1) {
      const elapsed = now().getTime() - started;
      const untilFinal = policy.finalDeadlineMs - elapsed;
      const untilTier = policy.tierDeadlineMs - (now().getTime() - tierStarted);
      const wait = Math.max(1, Math.min(policy.reminderIntervalMs, untilFinal, untilTier));
      const tierName = this.roster[tier]?.tier ?? tier;
      const summary = `Wait ${duration(wait)} for a decision on ${run.pending.action} (tier ${tierName})`;
      if (await condition(() => run.desk.decided !== null, wait, { summary })) return run.desk.decided;
      if (now().getTime() - started >= policy.finalDeadlineMs) return null;
      if (now().getTime() - tierStarted >= policy.tierDeadlineMs && tier < this.roster.length - 1) {
        tier += 1;
        tierStarted = now().getTime();
        await this.page(tier, 'escalation', `Escalated: no decision from tier ${tier}. ${this.approvalMessage()}`);
      } else {
        await this.page(tier, 'reminder', `Reminder ${round}: ${this.approvalMessage()}`, round);
      }
    }
  }

  private approvalMessage(): string {
    const { run } = this;
    return `${run.alert.deviceId}: ${run.diagnosis?.rootCause} Recommended ${run.pending.action}. Decide: switchboard approvals approve|reject ${run.ids.workflowId} --reason "<why>" (signed with your key)`;
  }
}
