import type { CatalogAction } from '../../domain/fault/catalog';
import type { FaultPolicy } from '../../domain/fault/policy';

/** Hour and minute at the site, from the workflow's own clock. Intl is deterministic for a given runtime. */
export function localTime(now: Date, timeZone: string): { hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-AU', {
    timeZone,
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { hour: part('hour'), minute: part('minute'), second: part('second') };
}

export function inBusinessHours(
  now: Date,
  timeZone: string,
  policy: Pick<FaultPolicy, 'businessHoursStart' | 'businessHoursEnd'>,
) {
  const { hour } = localTime(now, timeZone);
  return hour >= policy.businessHoursStart && hour < policy.businessHoursEnd;
}

/** Milliseconds until the next local maintenance-window start (today's if still ahead, else tomorrow's). */
export function msUntilWindow(now: Date, timeZone: string, windowStartHour: number): number {
  const { hour, minute, second } = localTime(now, timeZone);
  const sinceMidnight = ((hour * 60 + minute) * 60 + second) * 1000 + now.getUTCMilliseconds();
  const target = windowStartHour * 3_600_000;
  return target > sinceMidnight ? target - sinceMidnight : 86_400_000 - sinceMidnight + target;
}

export interface ActionDecision {
  mode: 'auto' | 'approval';
  reasons: string[];
}

/** Whether the recommended action may run by itself. The catalog, never the model, says what is destructive. */
export function decideAction(
  action: CatalogAction,
  confidence: number,
  now: Date,
  timeZone: string,
  policy: FaultPolicy,
): ActionDecision {
  const reasons: string[] = [];
  if (action.destructive) reasons.push(`${action.type} is destructive: an on-call engineer must approve`);
  if (confidence < policy.autoExecuteConfidence) {
    reasons.push(`confidence ${confidence} is below ${policy.autoExecuteConfidence}`);
  }
  if (action.outsideBusinessHours && inBusinessHours(now, timeZone, policy)) {
    reasons.push(
      `${action.type} is not allowed between ${policy.businessHoursStart}:00 and ${policy.businessHoursEnd}:00 site time`,
    );
  }
  return reasons.length ? { mode: 'approval', reasons } : { mode: 'auto', reasons: [`${action.type} is safe to run`] };
}

export type ExecutionTiming = { when: 'now' } | { when: 'deferred'; delayMs: number; reason: string };

/** An approved action that the business-hours rule forbids waits for the window, unless declared an emergency. */
export function executionTiming(
  action: CatalogAction,
  emergency: boolean,
  now: Date,
  timeZone: string,
  policy: FaultPolicy,
): ExecutionTiming {
  if (!action.outsideBusinessHours || emergency || !inBusinessHours(now, timeZone, policy)) return { when: 'now' };
  return {
    when: 'deferred',
    delayMs: msUntilWindow(now, timeZone, policy.maintenanceWindowStartHour),
    reason: `${action.type} deferred to the ${policy.maintenanceWindowStartHour}:00 maintenance window (site time)`,
  };
}
