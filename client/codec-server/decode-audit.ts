import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { actorSchema, appendAudit } from '../../activities/audit/chain';
import type { ChainKeyRing } from '../../activities/audit/chain-keys';
import { auditorOf } from './auth';

const workflowIdPattern = /^[\x21-\x7e]{1,512}$/;

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && workflowIdPattern.test(value) ? value : null;
}

/**
 * Every decode is customer data leaving the vault, so it goes on the audit chain, as the auditor, before the answer
 * does: if the row cannot be written, nothing is decoded. Ids and counts only, never what was decoded. The Web UI
 * names the namespace (path or X-Namespace); a caller may name the workflow in X-Workflow-Id.
 */
export async function recordDecode(
  pool: Pool,
  keys: ChainKeyRing,
  request: FastifyRequest,
  payloads: number,
): Promise<void> {
  const principal = auditorOf(request);
  const named = `auditor:${principal.identity}`;
  const actor = actorSchema.safeParse(named).success ? named : `auditor:key-${principal.keyId}`;
  const namespace = (request.params as { namespace?: string }).namespace ?? header(request, 'x-namespace');
  await appendAudit(
    pool,
    {
      kind: 'decision',
      workflowId: header(request, 'x-workflow-id'),
      actor,
      action: 'audit.payloads_decoded',
      details: {
        payloads,
        namespace,
        apiKeyId: principal.keyId,
        via: principal.via,
      },
      dedupeKey: `codec:decode:${randomUUID()}`,
    },
    keys,
  );
}
