import { z } from 'zod';

const deviceId = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,40}$/, 'deviceId must look like RTR-SYD-02');

export const alertTypes = ['bgp_flapping', 'cpu_high', 'interface_down', 'config_error', 'memory_high'] as const;

/** What the monitoring system sends. The fingerprint (device + type) is the workflow id, so repeats dedupe. */
export const alertSchema = z
  .object({
    alertId: z.string().min(1).max(64),
    deviceId,
    alertType: z.enum(alertTypes),
    summary: z.string().min(1).max(500),
    severity: z.enum(['critical', 'major', 'minor']),
    /** ISO timestamp when monitoring detected it: the start of the MTTR clock. */
    detectedAt: z.iso.datetime({ offset: true }),
    metric: z.string().min(1).max(64).optional(),
  })
  .strict();
export type Alert = z.infer<typeof alertSchema>;

export const faultWorkflowId = (alert: Pick<Alert, 'deviceId' | 'alertType'>) =>
  `fault-${alert.deviceId}-${alert.alertType}`;

/** Telemetry is stored in PostgreSQL; the workflow carries only this summary and the ref. */
export interface TelemetrySummary {
  bundleRef: string;
  deviceId: string;
  site: string;
  timeZone: string;
  team: string;
  syslogLines: number;
  bytes: number;
}

export const diagnosisSchema = z.object({
  rootCause: z.string().min(1).max(1000),
  recommendedAction: z.string().min(1),
  /** 0 to 100, as the source document's worked example reports it. */
  confidence: z.number().min(0).max(100),
  escalationNote: z.string().max(1000),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

export const approvalSchema = z
  .object({
    approver: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'approver must be an engineer id'),
    reason: z.string().min(1).max(500),
    emergency: z.boolean().optional(),
  })
  .strict();
export type Approval = z.infer<typeof approvalSchema>;
