import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from '../../../activities/audit/chain';
import { bindChainKeys, chainKeysFromConfig } from '../../../activities/audit/chain-keys';
import { readTemporalAnchors } from '../../../activities/audit/temporal-anchors';
import { openSample } from '../../../activities/audit/sampling';
import { verifyAuditChain } from '../../../activities/audit/verify';
import type { ApiContext } from '../context';
import { defineRoute, requirePrincipal, type ApiRoute } from '../route';
import { readSampledExchanges } from '../../../activities/audit/samples';

const samplesQuery = z
  .object({
    workflowId: z.string().min(1).max(512).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

const sampleRow = z.object({
  seq: z.number(),
  recordedAt: z.string(),
  workflowId: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
  sample: z.unknown().nullable().describe('the decrypted model exchange; null when it cannot be opened'),
  sampleError: z.string().optional(),
});

const verification = z.object({
  ok: z.boolean(),
  rows: z.number().describe('rows that checked out'),
  lastSeq: z.number().nullable().optional(),
  anchors: z.object({ checked: z.number(), latestSeq: z.number().nullable() }).optional(),
  problems: z
    .array(z.object({ kind: z.string(), fromSeq: z.number(), toSeq: z.number(), detail: z.string() }))
    .optional()
    .describe('each fault found, by seq range: gap, hash_mismatch, downgrade, anchor_moved, tail_missing, ...'),
  firstBadSeq: z.number().optional(),
  reason: z.string().optional().describe('every problem on one line'),
});

export function auditRoutes(context: ApiContext): ApiRoute[] {
  const chainKeys = chainKeysFromConfig(context.config);
  // Reading samples appends a row, signed with the chain key like every other writer's.
  if (chainKeys) bindChainKeys(context.pool, chainKeys);
  return [
    defineRoute({
      method: 'GET',
      url: '/audit/samples',
      summary: 'Sampled model exchanges from the audit trail, decrypted',
      description: 'Newest first. Reading them is itself recorded in the audit trail, with your identity.',
      tags: ['audit'],
      query: samplesQuery,
      responses: { 200: { description: 'Samples', schema: z.object({ items: z.array(sampleRow) }) } },
      handler: async ({ query, principal }) => {
        const auditor = requirePrincipal(principal).identity;
        const rows = await readSampledExchanges(context.pool, query);
        // Personal data leaves the vault here: who read which rows goes on the chain before the answer does.
        await appendAudit(context.pool, {
          kind: 'decision',
          workflowId: query.workflowId ?? null,
          actor: `auditor:${auditor}`,
          action: 'audit.samples_read',
          details: {
            rows: rows.length,
            seqs: rows
              .map((row) => Number(row.seq))
              .join(',')
              .slice(0, 200),
          },
          dedupeKey: `api:samples:${randomUUID()}`,
        });
        return {
          items: rows.map((row) => {
            const base = {
              seq: Number(row.seq),
              recordedAt: (row.recorded_at as Date).toISOString(),
              workflowId: row.workflow_id,
              actor: row.actor,
              action: row.action,
              details: row.details,
            };
            if (!context.ring) return { ...base, sample: null, sampleError: 'no key ring: payload encryption is off' };
            try {
              return { ...base, sample: openSample(context.ring, row) };
            } catch (error) {
              return { ...base, sample: null, sampleError: `cannot open: ${(error as Error).name}` };
            }
          }),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/audit/verify',
      summary: "Walks the audit trail's hash chain and checks it against the anchors in Temporal",
      tags: ['audit'],
      responses: {
        200: { description: 'Whether the chain holds, and every seq range that does not', schema: verification },
      },
      handler: async () => {
        const anchors = await readTemporalAnchors(context.client, { chainId: context.config.AUDIT_CHAIN_ID });
        return verifyAuditChain(context.pool, { keys: chainKeys, anchors });
      },
    }),
  ];
}
