/**
 * The offline engine's reply writer. This is not a language model and does not pretend to be one: it is a set of
 * deterministic templates that pick a handler by intent and fill it with two kinds of material only, the retrieved
 * passages (quoted sentence by sentence) and the account facts in the context snapshot. Every amount, date, plan name
 * and allowance in a reply is copied from one of those, or is arithmetic the bill itself reproduces. Customer messages
 * are read to choose between facts (which country, which question), never as instructions and never as a source of
 * figures. It exists so the whole pipeline, validator and routing included, can run and be tested without an API key.
 */
import type { Draft } from '../../../domain/ticket';
import { injectionConfidenceCap } from '../rules/ticket-schemas';
import type { DraftVariables } from '../tasks';
import { composeBillExplanation, composeDataOverage } from './reply/charges';
import { composeDuplicateCharge, findDuplicatePlanCharge } from './reply/duplicate';
import { answerSentences, looksLikeInstructions, minRelevance, rankPassages } from './reply/evidence';
import { composeAgentHandover, composeClarifyingQuestion, composeFromPassage } from './reply/guidance';
import {
  composeComplaint,
  composeCreditRequest,
  composeHoldingReply,
  creditIntents,
  handOverCreditRequest,
  highStakesIntents,
} from './reply/policy';
import { composeRoamingCharge } from './reply/roaming';
import { wordCount } from './reply/text';
import { anythingElse, type Composition, type Part, type ReplyContext } from './reply/types';

/** 001's constraint for support replies; counted over the whole message, greeting and sign-off included. */
export const maxReplyWords = 150;
/** Two questions in one reply are harder for the validator to check than one, so a person sees them. */
const twoPartCap = 0.8;

const billDisputeIntents = new Set(['dispute_invoice', 'check_bill', 'bill_too_high', 'request_refund', 'get_refund']);
const secondaryLeadIns: Record<string, string> = {
  slow_internet: 'About the slow internet you mentioned:',
  report_poor_signal_coverage: 'About the signal problem you mentioned:',
  network_outage: 'About the outage you mentioned:',
};
const secondaryCategories: Record<string, string[]> = {
  slow_internet: ['outages', 'devices'],
  report_poor_signal_coverage: ['outages', 'devices'],
  network_outage: ['outages'],
  roaming_charge_query: ['roaming'],
  data_export: ['billing'],
};

/** The intents with an answer of their own; any other is a bill dispute or answered from a passage. */
const composerByIntent = new Map<string, (ctx: ReplyContext) => Composition>([
  ['duplicate_charge', composeDuplicateCharge],
  ['roaming_charge_query', composeRoamingCharge],
  ['check_excess_data_charges', composeDataOverage],
  ['discount_request', (ctx) => composeCreditRequest(ctx, 'discount')],
  ['get_compensation', (ctx) => composeCreditRequest(ctx, 'goodwill')],
  ['unclear_issue', composeClarifyingQuestion],
  ['human_agent', composeAgentHandover],
  ['complaint_general', composeComplaint],
]);

function composePrimary(ctx: ReplyContext): Composition {
  const intent = ctx.v.classification.intent;
  const composer = composerByIntent.get(intent);
  if (composer) return composer(ctx);
  if (billDisputeIntents.has(intent)) {
    return findDuplicatePlanCharge(ctx.v.account.recentCharges)
      ? composeDuplicateCharge(ctx)
      : composeBillExplanation(ctx);
  }
  return composeFromPassage(ctx);
}

/** A second issue in the same message is answered from a passage the first answer did not use, or handed over. */
function addSecondary(ctx: ReplyContext, primary: Composition, cited: Set<string>): Composition {
  const secondary = ctx.v.classification.secondaryIntent;
  if (!secondary || secondary === ctx.v.classification.intent) return primary;
  const preferred = secondaryCategories[secondary];
  const candidates = ctx.ranked.filter((r) => r.relevance >= minRelevance && !cited.has(r.passage.id));
  const match =
    candidates.find((r) => preferred?.includes(r.passage.category)) ?? (preferred ? undefined : candidates[0]);
  const confidence = Math.min(primary.confidence, twoPartCap);
  if (!match) {
    const body = [...primary.body, "I've also passed your other question to our team."];
    return { ...primary, body, confidence: Math.min(confidence, 0.7) };
  }
  const [lead, next] = answerSentences(match.passage, ctx.v.conversation, 2);
  const intro = secondaryLeadIns[secondary] ?? 'On your other question:';
  const joined = lead && /^[A-Z][a-z]/.test(lead) ? lead[0]?.toLowerCase() + lead.slice(1) : (lead ?? '');
  const parts: Part[] = [{ text: `${intro} ${joined}`.trim(), cite: match.passage.id }];
  if (next) parts.push({ text: next, cite: match.passage.id, optional: true });
  return { ...primary, body: [...primary.body, ...parts], confidence };
}

function clipWords(text: string, limit: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length <= limit ? text : `${words.slice(0, limit).join(' ')}…`;
}

/** Drops optional sentences from the end until the reply fits, then, as a last resort, later required ones. */
function fitToBudget(fixedWords: number, parts: Part[]): Part[] {
  const kept = [...parts];
  const total = () => fixedWords + kept.reduce((sum, p) => sum + wordCount(p.text), 0);
  for (let i = kept.length - 1; i >= 0 && total() >= maxReplyWords; i--) {
    if (kept[i]?.optional) kept.splice(i, 1);
  }
  while (total() >= maxReplyWords && kept.length > 1) kept.pop();
  const only = kept[0];
  if (only && total() >= maxReplyWords) {
    kept[0] = { ...only, text: clipWords(only.text, maxReplyWords - 1 - fixedWords) };
  }
  return kept;
}

export function composeOfflineDraft(v: DraftVariables): Draft {
  const ctx: ReplyContext = { v, ranked: rankPassages(v.passages, v.conversation) };
  const { intent, secondaryIntent } = v.classification;
  const highStakes =
    highStakesIntents.has(intent) || (secondaryIntent !== null && highStakesIntents.has(secondaryIntent));

  let composition = highStakes ? composeHoldingReply(ctx) : composePrimary(ctx);
  if (!highStakes && !composition.escalationRequired) {
    const citedSoFar = new Set([
      ...composition.cited,
      ...composition.body.flatMap((p) => (typeof p !== 'string' && p.cite ? [p.cite] : [])),
    ]);
    const creditAsked = secondaryIntent !== null && creditIntents.has(secondaryIntent);
    composition = creditAsked ? handOverCreditRequest(composition) : addSecondary(ctx, composition, citedSoFar);
  }

  const greeting = `Hi ${v.account.firstName.trim() || 'there'},`;
  const closing = composition.closing === undefined ? anythingElse : composition.closing;
  const parts = composition.body.map((p): Part => (typeof p === 'string' ? { text: p } : p));
  const kept = fitToBudget(wordCount(greeting) + (closing ? wordCount(closing) : 0), parts);

  const reply = [greeting, kept.map((p) => p.text).join(' '), closing].filter(Boolean).join('\n\n');
  const cited = [...new Set([...composition.cited, ...kept.flatMap((p) => (p.cite ? [p.cite] : []))])];
  // The draft prompt's rules, followed here too: a customer who tries to instruct the assistant or claims authority
  // gets escalation however routine the rest of the message looks, and any escalation is anchored at 0.5 or less.
  const escalationRequired = composition.escalationRequired || looksLikeInstructions(v.conversation);
  const confidence = escalationRequired
    ? Math.min(composition.confidence, injectionConfidenceCap)
    : composition.confidence;

  return {
    reply,
    confidence,
    escalationRequired,
    citedPassageIds: cited.slice(0, 10),
    proposedActions: composition.actions.slice(0, 5),
  };
}
