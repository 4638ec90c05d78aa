import type { Pool } from 'pg';
import type { Taxonomy } from '../../domain/taxonomy';
import type { Classification, Draft, Finding } from '../../domain/ticket';
import type { ModelCallRecord } from '../../domain/model-call';
import type { StakesCategory } from '../../domain/stakes-rules';
import { parseInput } from '../boundary';
import { withHeartbeat } from '../heartbeat';
import { checkReply, isReplyValid } from '../guardrails';
import type { RelevanceInput } from '../guardrails/relevance';
import type { ModelGateway } from '../model/contract';
import type { PromptTemplate } from '../model/prompt-library';
import type { KnowledgeRetriever, PassageHit } from '../retrieval/retriever';
import { loadContextSnapshot, loadCreditPolicy, readAccountContext, saveContextSnapshot } from './account-context';
import { recordCall } from '../audit/model-calls';
import type { AuditSampling } from '../audit/sampling';
import { noActivityMetrics, type ActivityMetrics } from '../metrics';
import { callClassifier, callDrafter } from './model-tasks';
import { openHandoff, resolveHandoff, sendMessage } from './outbox';
import { settleClassification } from './settle';
import * as s from './schemas';
import { ticketInputSchema } from '../../domain/ticket';
import { callerId, callerRef, callingRun } from '../caller';

/**
 * The ticket's locale, when the caller passes it. Optional so workflows recorded before it (and the current ticket
 * workflow, which does not pass it yet) keep validating; without it the language is detected from the text.
 */
const withLocale = { locale: ticketInputSchema.shape.locale };
const classifyInput = s.classifyIntentInput.extend(withLocale);
const draftInput = s.draftReplyInput.extend(withLocale);

export interface TicketActivityDeps {
  pool: Pool;
  gateway: ModelGateway;
  retriever: KnowledgeRetriever;
  taxonomy: Taxonomy;
  prompts: { classify: PromptTemplate; draft: PromptTemplate; clarifyingQuestion: string };
  clock?: () => Date;
  audit?: AuditSampling;
  metrics?: ActivityMetrics;
}

export interface AccountSummary {
  contextRef: string;
  accountRef: string;
  planName: string;
  tenureMonths: number;
  status: string;
}

export interface ClassifyResult {
  classification: Classification;
  stakes: 'normal' | 'high';
  /** Stakes rules the customer's message matched (domain/stakes-rules.ts); absent in histories recorded before. */
  stakesRaisedBy?: StakesCategory[];
  clarifyingQuestion: string | null;
  call: ModelCallRecord;
}

export function createTicketActivities(deps: TicketActivityDeps) {
  const { pool, gateway, retriever, taxonomy, prompts, audit } = deps;
  const metrics = deps.metrics ?? noActivityMetrics;
  const today = () => (deps.clock ?? (() => new Date()))().toISOString().slice(0, 10);
  const intents = new Map(taxonomy.intents.map((intent) => [intent.id, intent]));
  const vagueIntent = taxonomy.intents.find((intent) => intent.clarify);

  return {
    async loadAccountContext(input: s.LoadAccountContextInput): Promise<AccountSummary> {
      const { ticketId, accountId } = parseInput(s.loadAccountContextInput, input, 'loadAccountContext');
      const context = await readAccountContext(pool, accountId, today());
      const contextRef = callerRef();
      await saveContextSnapshot(pool, contextRef, ticketId, context);
      return {
        contextRef,
        accountRef: context.accountId,
        planName: context.plan.name,
        tenureMonths: context.tenureMonths,
        status: context.status,
      };
    },

    async classifyIntent(input: s.ClassifyIntentInput & { locale?: string }): Promise<ClassifyResult> {
      const { conversation, locale } = parseInput(classifyInput, input, 'classifyIntent');
      const { classification, call, exchange } = await withHeartbeat(() =>
        callClassifier(gateway, prompts.classify, taxonomy, conversation, locale),
      );
      await recordCall(pool, call, audit, exchange);
      // The taxonomy, not the model, decides department and stakes; the customer's own words can raise stakes.
      const settled = settleClassification(
        classification,
        intents.get(classification.intent)!,
        conversation,
        vagueIntent,
      );
      return {
        classification: settled.classification,
        stakes: settled.stakes,
        stakesRaisedBy: settled.stakesRaisedBy,
        clarifyingQuestion: settled.clarify ? prompts.clarifyingQuestion : null,
        call,
      };
    },

    async retrieveKnowledge(input: s.RetrieveKnowledgeInput): Promise<{ passages: PassageHit[] }> {
      const { query, k } = parseInput(s.retrieveKnowledgeInput, input, 'retrieveKnowledge');
      return { passages: await retriever.search(query, k) };
    },

    async draftReply(
      input: s.DraftReplyInput & { locale?: string },
    ): Promise<{ draft: Draft; call: ModelCallRecord; escalationReason?: string }> {
      const parsed = parseInput(draftInput, input, 'draftReply');
      const [account, passages, creditPolicy] = await Promise.all([
        loadContextSnapshot(pool, parsed.contextRef),
        retriever.fetch(parsed.passages),
        loadCreditPolicy(pool),
      ]);
      const result = await withHeartbeat(() =>
        callDrafter(
          gateway,
          prompts.draft,
          {
            conversation: parsed.conversation,
            classification: parsed.classification,
            account,
            passages,
            creditPolicy,
            // The activity's clock, not the model's guess or the prompt's render time: replays and tests pin it.
            today: today(),
            locale: parsed.locale,
          },
          parsed.tier,
        ),
      );
      await recordCall(pool, result.call, audit, result.exchange);
      // Why the code, not the model, asked for a person (a language the guardrails cannot check): the route says so.
      const { draft, call, escalationReason } = result;
      return escalationReason ? { draft, call, escalationReason } : { draft, call };
    },

    async validateReply(input: s.ValidateReplyInput): Promise<{ findings: Finding[]; valid: boolean }> {
      const parsed = parseInput(s.validateReplyInput, input, 'validateReply');
      const [account, passages, creditPolicy] = await Promise.all([
        loadContextSnapshot(pool, parsed.contextRef),
        retriever.fetch(parsed.passages),
        loadCreditPolicy(pool),
      ]);
      const guardrailInput: RelevanceInput = {
        reply: parsed.reply,
        proposedActions: parsed.proposedActions,
        account,
        passages,
        creditPolicy,
        conversation: parsed.conversation,
        intent: parsed.intent,
      };
      const findings = checkReply(guardrailInput);
      metrics.guardrailFindings(findings);
      return { findings, valid: isReplyValid(findings) };
    },

    async sendMessage(input: s.SendMessageInput) {
      const workflowId = callingRun()?.workflowId ?? null;
      const parsed = parseInput(s.sendMessageInput, input, 'sendMessage');
      const sent = await sendMessage(pool, parsed, workflowId);
      // A retried send finds its row and is not a second route; a reply by an agent was counted as its review.
      if (!sent.duplicate && parsed.kind === 'clarification') metrics.ticketRoute('clarify');
      if (!sent.duplicate && parsed.kind === 'reply' && parsed.author === 'switchboard') metrics.ticketRoute('send');
      return sent;
    },

    async openHandoff(input: s.OpenHandoffInput) {
      const parsed = parseInput(s.openHandoffInput, input, 'openHandoff');
      const opened = await openHandoff(pool, parsed, callerId());
      // At least once: a retry after a lost completion counts again (PostgreSQL's idempotency key keeps one row).
      metrics.ticketRoute(parsed.kind === 'review' ? 'review' : 'escalate');
      return opened;
    },

    async resolveHandoff(input: s.ResolveHandoffInput) {
      const workflowId = callingRun()?.workflowId ?? null;
      return resolveHandoff(pool, parseInput(s.resolveHandoffInput, input, 'resolveHandoff'), workflowId);
    },
  };
}

export type TicketActivities = ReturnType<typeof createTicketActivities>;
