import { ApplicationFailure } from '@temporalio/common';
import type { TelemetrySummary } from '../../domain/fault/alert';
import type { FaultPolicyInput } from '../../domain/fault/policy';
import { TestKeyring } from '../support/decision-keys';
import { fakeCall } from './stub-activities';

export interface FaultStubOptions {
  action?: string;
  confidence?: number;
  timeZone?: string;
  recovered?: boolean;
  diagnoseDelayMs?: number;
  diagnoseInvalid?: boolean;
  /** Extra fields a model might add, such as a claim that the action is safe. */
  extra?: Record<string, unknown>;
}

export interface FaultRecorder {
  pages: Array<{ kind: string; tier: number; message: string }>;
  executions: Array<{ action: string; approvedBy: string | null; emergency: boolean }>;
  decisions: Array<{ action: string; actor: string }>;
}

export const roster = [
  { tier: 1, engineers: ['eng.alice', 'eng.bob'] },
  { tier: 2, engineers: ['eng.carol'] },
  { tier: 3, engineers: ['mgr.dana'] },
];

/** Deadlines far beyond a test's run, so only what a test sends moves a fault on. */
export const faultPolicy: FaultPolicyInput = {
  reminderIntervalMs: 60_000,
  tierDeadlineMs: 120_000,
  finalDeadlineMs: 300_000,
  settleMs: 0,
};

/** The people's keys, registered in memory; the stubbed worker verifies decisions with the real verifier. */
export const faultKeyring = new TestKeyring();

/** The fault activities with scripted answers: these tests exercise the workflow's decisions and waits only. */
export function faultStubs(options: FaultStubOptions = {}) {
  const recorder: FaultRecorder = { pages: [], executions: [], decisions: [] };
  const executed = new Set<string>();
  const activities = {
    ...faultKeyring.activity(),
    async gatherTelemetry(): Promise<TelemetrySummary> {
      return {
        bundleRef: 'bundle-1',
        deviceId: 'RTR-SYD-02',
        site: 'Sydney',
        timeZone: options.timeZone ?? 'Australia/Sydney',
        team: 'core-network',
        syslogLines: 42,
        bytes: 4096,
      };
    },
    async diagnoseTelemetry() {
      if (options.diagnoseDelayMs) await new Promise((resolve) => setTimeout(resolve, options.diagnoseDelayMs));
      if (options.diagnoseInvalid) {
        throw ApplicationFailure.create({ type: 'ModelOutputInvalid', message: 'not in catalog', nonRetryable: true });
      }
      return {
        diagnosis: {
          rootCause: 'BGP version mismatch after PEER-GLOBAL-04 firmware upgrade',
          recommendedAction: options.action ?? 'reset_bgp_session',
          confidence: options.confidence ?? 85,
          escalationNote: 'Contact the peer NOC.',
          ...options.extra,
        },
        call: fakeCall('diagnose_fault'),
      };
    },
    async loadOnCallRoster() {
      return { tiers: roster };
    },
    async pageOnCall(page: { kind: string; tier: number; message: string }) {
      recorder.pages.push({ kind: page.kind, tier: page.tier, message: page.message });
      return { pageId: String(recorder.pages.length), duplicate: false };
    },
    async recordDecision(input: { action: string; actor: string }) {
      recorder.decisions.push({ action: input.action, actor: input.actor });
      return { recorded: true };
    },
    async executeAction(input: { action: string; approvedBy: string | null; emergency: boolean }) {
      // Idempotent like the real one: a retried execution is not a second execution.
      const { action, approvedBy, emergency } = input;
      if (!executed.has(action)) recorder.executions.push({ action, approvedBy, emergency });
      executed.add(input.action);
      return { executionId: '1', duplicate: false };
    },
    async verifyRecovery() {
      const recovered = options.recovered ?? true;
      return { recovered, metric: 'bgp_flaps_per_hour', value: recovered ? 0 : 12, threshold: 1 };
    },
  };
  // Registered under both names, as the worker does: histories from before the rename scheduled `diagnoseFault`.
  return { activities: { ...activities, diagnoseFault: activities.diagnoseTelemetry }, recorder };
}

/** An Etc/GMT zone in which it is now `hour` o'clock: a real clock, with the site moved instead of time. */
export function zoneWhereItIs(hour: number, now = new Date()): string {
  let offset = hour - now.getUTCHours();
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
