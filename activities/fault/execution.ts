import { ApplicationFailure } from '@temporalio/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { ErrorTypes } from '../../domain/errors';
import { actionTypes } from '../../domain/fault/catalog';
import { appendDecision, automatic, personActor } from '../audit/decisions';
import { applySimulatedEffect } from './simulation';
import { inTransaction } from '../transaction';

export const executeActionInput = z
  .object({
    workflowId: z.string().min(1),
    runId: z.string(),
    action: z.enum(actionTypes),
    deviceId: z.string().min(1),
    params: z.record(z.string(), z.unknown()),
    approvedBy: z.string().min(1).max(64).nullable(),
    emergency: z.boolean(),
  })
  .strict();
export type ExecuteActionInput = z.infer<typeof executeActionInput>;

/**
 * Runs an action (its input parsed at the activity's boundary) at most once per workflow run: the (workflow_id, run_id, action) key is claimed, the effect applied and the
 * decision put on the audit trail in one transaction, so a retry, a replay or a worker that died after COMMIT finds
 * the row and changes nothing.
 */
export async function executeAction(
  pool: Pool,
  input: ExecuteActionInput,
  now: Date,
): Promise<{ executionId: string; duplicate: boolean }> {
  const run = input;
  if (run.emergency && run.approvedBy === null) {
    throw ApplicationFailure.create({
      type: ErrorTypes.InvalidInput,
      message: 'executeAction: an emergency must be declared by an approver',
      nonRetryable: true,
    });
  }
  return inTransaction(pool, async (client) => {
    const device = await client.query('SELECT 1 FROM devices WHERE id = $1', [run.deviceId]);
    if (device.rowCount === 0) {
      throw ApplicationFailure.create({
        type: ErrorTypes.NotFound,
        message: `unknown device ${run.deviceId}`,
        nonRetryable: true,
      });
    }
    // A concurrent duplicate blocks on the unique key until the first commits, then inserts nothing.
    const inserted = await client.query(
      `INSERT INTO action_executions (workflow_id, run_id, action, device_id, params, approved_by, emergency, executed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (workflow_id, run_id, action) DO NOTHING RETURNING id`,
      [
        run.workflowId,
        run.runId,
        run.action,
        run.deviceId,
        JSON.stringify(run.params),
        run.approvedBy,
        run.emergency,
        now,
      ],
    );
    let result: { executionId: string; duplicate: boolean };
    if (inserted.rows[0]) {
      await applySimulatedEffect(client, run.action, run.deviceId, run.params, now);
      result = { executionId: String(inserted.rows[0].id), duplicate: false };
      await appendDecision(client, {
        action: 'fault.action_executed',
        actor: run.approvedBy ? personActor('oncall', run.approvedBy) : automatic,
        details: {
          action: run.action,
          deviceId: run.deviceId,
          emergency: run.emergency,
          executionId: result.executionId,
        },
        workflowId: run.workflowId,
        dedupeKey: `action:${run.workflowId}:${run.runId}:${run.action}`,
      });
    } else {
      const existing = await client.query(
        'SELECT id FROM action_executions WHERE workflow_id = $1 AND run_id = $2 AND action = $3',
        [run.workflowId, run.runId, run.action],
      );
      result = { executionId: String(existing.rows[0].id), duplicate: true };
    }
    return result;
  });
}
