/**
 * Runs one labelled ticket through the same steps as the resolveTicket workflow, calling the activities' model tasks
 * and pure helpers directly (no Temporal: the e2e suites cover orchestration): classify, ask or accept the one
 * clarifying answer, retrieve, draft, check, redraft on the strong tier if the policy says so, route.
 */
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import type { AccountContext } from '../../domain/account';
import type { Taxonomy } from '../../domain/taxonomy';
import type { Classification, Draft, Finding, TicketPolicy } from '../../domain/ticket';
import { checkReply } from '../guardrails';
import type { RelevanceInput } from '../guardrails/relevance';
import type { ModelGateway } from '../model/contract';
import type { PromptTemplate } from '../model/prompt-library';
import type { KnowledgeRetriever } from '../retrieval/retriever';
import { readAccountContext, loadCreditPolicy } from '../ticket/account-context';
import { callClassifier, callDrafter } from '../ticket/model-tasks';
import { settleClassification } from '../ticket/settle';
// The workflow's own routing rules, pure code: the one module activities read from workflows/ (see eslint.config.mjs).
import { decideRoute, strongModelReasons } from '../../domain/ticket-routing';
import type { TicketCase } from './ticket-cases';
import { timingOf, type CallTiming, type TicketOutcome } from './outcomes';
import { unusableAnswer as unusable } from './model-call';

export interface TicketRunnerDeps {
  pool: Pool;
  gateway: ModelGateway;
  retriever: KnowledgeRetriever;
  taxonomy: Taxonomy;
  prompts: { classify: PromptTemplate; draft: PromptTemplate };
  policy: Pick<
    TicketPolicy,
    'sendThreshold' | 'reviewThreshold' | 'knowledgeTopK' | 'strongModelOn' | 'strongModelBelow'
  >;
  today: string;
}

/** Fairness runs swap who the customer is; everything else about the ticket stays the same. */
export type AccountTransform = (account: AccountContext) => AccountContext;

export function createTicketRunner(deps: TicketRunnerDeps) {
  const { pool, gateway, retriever, taxonomy, prompts, policy } = deps;
  const intents = new Map(taxonomy.intents.map((i) => [i.id, i]));
  const vagueIntent = taxonomy.intents.find((i) => i.clarify);
  const accounts = new Map<string, Promise<AccountContext>>();
  let creditPolicy: ReturnType<typeof loadCreditPolicy> | undefined;
  const accountOf = (id: string) => {
    if (!accounts.has(id)) accounts.set(id, readAccountContext(pool, id, deps.today));
    return accounts.get(id)!;
  };

  async function timed<T extends { call: Parameters<typeof timingOf>[0] }>(calls: CallTiming[], run: () => Promise<T>) {
    const started = performance.now();
    const result = await run();
    calls.push(timingOf(result.call, performance.now() - started));
    return result;
  }

  async function classify(conversation: string[], calls: CallTiming[]) {
    const { classification } = await timed(calls, () =>
      callClassifier(gateway, prompts.classify, taxonomy, conversation),
    );
    // As in the classifyIntent activity: taxonomy department and stakes, raised by the message's own words.
    const settled = settleClassification(
      classification,
      intents.get(classification.intent)!,
      conversation,
      vagueIntent,
    );
    return { classification: settled.classification, stakes: settled.stakes, clarify: settled.clarify };
  }

  return async function run(c: TicketCase, transform: AccountTransform = (a) => a): Promise<TicketOutcome> {
    const started = performance.now();
    const calls: CallTiming[] = [];
    const expected = { intent: c.intent, department: c.department, route: c.route };
    const done = (predicted: TicketOutcome['predicted'], error?: string): TicketOutcome => ({
      id: c.id,
      tags: c.tags,
      stage: c.stage,
      expected,
      predicted,
      calls,
      latencyMs: performance.now() - started,
      ...(error ? { error } : {}),
    });
    const conversation = [c.message];
    let classified;
    try {
      classified = await classify(conversation, calls);
      if (classified.clarify && classified.stakes !== 'high' && c.stage === 'full') {
        if (!c.clarifyAnswer) return done(summary(classified.classification, 'clarify'));
        conversation.push(c.clarifyAnswer);
        classified = await classify(conversation, calls);
      }
    } catch (error) {
      if (unusable(error)) return done({ route: 'escalate' });
      return done({}, (error as Error).message);
    }
    const { classification, stakes } = classified;
    if (c.stage === 'classify') return done(summary(classification, undefined));

    try {
      const account = transform(await accountOf(c.accountId));
      creditPolicy ??= loadCreditPolicy(pool);
      const hits = await retriever.search(conversation.join('\n'), policy.knowledgeTopK);
      const passages = await retriever.fetch(hits);
      const variables = { conversation, classification, account, passages, creditPolicy: await creditPolicy };
      const check = (d: Draft): Finding[] => {
        const { intent } = classification;
        const input: RelevanceInput = { ...variables, reply: d.reply, proposedActions: d.proposedActions, intent };
        return checkReply(input);
      };
      let draft: Draft | null = null;
      let draftFailure: string | null = null;
      let findings: Finding[] = [];
      try {
        draft = (await timed(calls, () => callDrafter(gateway, prompts.draft, variables))).draft;
        findings = check(draft);
        const policyForStrong = { strongModelOn: policy.strongModelOn, strongModelBelow: policy.strongModelBelow };
        if (strongModelReasons(policyForStrong, stakes, draft, findings).length) {
          draft = (await timed(calls, () => callDrafter(gateway, prompts.draft, variables, 'strong'))).draft;
          findings = check(draft);
        }
      } catch (error) {
        if (!unusable(error)) throw error;
        draftFailure = (error as Error).message;
      }
      const decided = decideRoute({ classification, stakes, draft, draftFailure, findings, policy });
      return done({
        ...summary(classification, decided.route),
        replyConfidence: draft?.confidence ?? null,
        findings: findings.filter((f) => f.severity === 'error').map((f) => f.code),
        credit: (draft?.proposedActions ?? []).some((a) => a.type !== 'none' && a.type !== 'plan_change'),
        reply: draft?.reply ?? null,
      });
    } catch (error) {
      return done(summary(classification, undefined), (error as Error).message);
    }
  };
}

function summary(c: Classification, route: string | undefined): TicketOutcome['predicted'] {
  return {
    intent: c.intent,
    secondaryIntent: c.secondaryIntent,
    department: c.department,
    confidence: c.confidence,
    ...(route ? { route } : {}),
  };
}
