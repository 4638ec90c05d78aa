import { z } from 'zod';
import type { Pool } from 'pg';
import { alertSchema, type TelemetrySummary } from '../../domain/fault/alert';
import type { ModelCallRecord } from '../../domain/model-call';
import { parseInput } from '../boundary';
import { withHeartbeat } from '../heartbeat';
import type { ModelGateway } from '../model/contract';
import type { PromptTemplate } from '../model/prompt-library';
import { recordCall } from '../audit/model-calls';
import { exchangeOf, type AuditSampling } from '../audit/sampling';
import { diagnoseRequest, type CatalogDiagnosis } from './diagnose-request';
import { executeAction, executeActionInput } from './execution';
import { sendPage, sendPageInput } from './pages';
import { loadRoster } from './roster';
import { gatherTelemetryBundle, loadTelemetryBundle, saveTelemetryBundle } from './telemetry';
import { readRecovery } from './verify';
import { callerId, callingRun } from '../caller';

export { catalogDiagnosisSchema, type CatalogDiagnosis } from './diagnose-request';

const ref = z.string().min(1).max(200);
// What the workflow sends: the rest (which run asked, and no parameters yet) the activity knows itself.
const pageInput = sendPageInput.omit({ workflowId: true });
const executeInput = executeActionInput.omit({ workflowId: true, runId: true, params: true });

export interface FaultActivityDeps {
  pool: Pool;
  gateway: ModelGateway;
  prompts: { diagnose: PromptTemplate };
  clock?: () => Date;
  audit?: AuditSampling;
}

export function createFaultActivities({ pool, gateway, prompts, clock = () => new Date(), audit }: FaultActivityDeps) {
  const workflowId = callerId;
  const runId = () => callingRun()?.runId ?? '';
  const activities = {
    async gatherTelemetry(input: { alert: unknown }): Promise<TelemetrySummary> {
      const alert = parseInput(alertSchema, input.alert, 'gatherTelemetry');
      const { bundle, bytes } = await gatherTelemetryBundle(pool, alert, clock());
      const bundleRef = `${workflowId()}/${alert.alertId}`;
      await saveTelemetryBundle(pool, bundleRef, alert.alertId, bundle, bytes);
      const { device } = bundle;
      return {
        bundleRef,
        deviceId: device.id,
        site: device.site,
        timeZone: device.timeZone,
        team: device.team,
        syslogLines: bundle.syslog.length,
        bytes,
      };
    },

    /** The model's diagnosis of a telemetry bundle: the root cause and one action from the catalogue. */
    async diagnoseTelemetry(input: {
      bundleRef: string;
    }): Promise<{ diagnosis: CatalogDiagnosis; call: ModelCallRecord }> {
      const bundleRef = parseInput(ref, input.bundleRef, 'diagnoseTelemetry');
      const telemetry = await loadTelemetryBundle(pool, bundleRef);
      const request = diagnoseRequest(prompts.diagnose, telemetry);
      const response = await withHeartbeat(() => gateway.call(request));
      await recordCall(pool, response.record, audit, exchangeOf(request, response));
      return { diagnosis: response.output, call: response.record };
    },

    async loadOnCallRoster(input: { team: string }) {
      return { tiers: await loadRoster(pool, parseInput(z.string().min(1), input.team, 'loadOnCallRoster')) };
    },

    async pageOnCall(input: z.input<typeof pageInput>) {
      const page = parseInput(pageInput, input, 'pageOnCall');
      return sendPage(pool, { ...page, workflowId: workflowId() });
    },

    async executeAction(input: z.input<typeof executeInput>) {
      const parsed = parseInput(executeInput, input, 'executeAction');
      return executeAction(pool, { ...parsed, workflowId: workflowId(), runId: runId(), params: {} }, clock());
    },

    async verifyRecovery(input: { deviceId: string; alertType: string }) {
      return readRecovery(pool, input.deviceId, input.alertType);
    },
  };
  // The activity's name before it was told apart from the workflow's: faults that scheduled it then still complete.
  return { ...activities, diagnoseFault: activities.diagnoseTelemetry };
}

export type FaultActivities = ReturnType<typeof createFaultActivities>;
