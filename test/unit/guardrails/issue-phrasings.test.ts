import { checkReply, isReplyValid } from '../../../activities/guardrails';
import type { ProposedAction } from '../../../domain/ticket';
import { travelBuddyInput } from './fixtures';

/**
 * Issue 14's replies, each of which was sent with no finding under the test fixtures ($20 goodwill cap, 10% discount
 * cap). Written from the issue, not from the rules' own examples: each must now be held with an error.
 */
const held = (reply: string, proposedActions: ProposedAction[] = []) => {
  const findings = checkReply(travelBuddyInput({ reply, proposedActions }));
  expect(isReplyValid(findings)).toBe(false);
  return findings.filter((f) => f.severity === 'error').map((f) => f.code);
};

describe('issue 14: commitments that were auto-sent', () => {
  it.each([
    ['a passive future credit with no action proposed', 'A credit of $79 will be applied to your next bill.'],
    ['a credit after a negated clause', "We don't want you out of pocket so we've credited $79"],
    ['an amount in words', 'credited five hundred dollars'],
    ['full-width digits', 'credited $５００'],
    ['a currency code', 'credited USD 500'],
    ['"you\'ll get … back"', "You'll get $79 back"],
    ['"we will pay you" as compensation', 'As compensation we will pay you $79'],
    ['a percentage in words', 'discounted your plan by fifty percent'],
  ])('%s', (_case, reply) => {
    expect(held(reply)).toContain('credit_exceeds_policy');
  });

  it('a second amount in the same sentence as a proposed one', () => {
    const codes = held("We've credited $10 and another $79", [{ type: 'goodwill_credit', amount: 10 }]);
    expect(codes).toEqual(['credit_exceeds_policy']);
  });

  it('a magnitude suffix', () => {
    expect(held('credited $1k')).toEqual(expect.arrayContaining(['credit_exceeds_policy', 'ungrounded_amount']));
  });

  it('free service for a period', () => {
    expect(held('next three months free')).toContain('action_not_in_policy');
  });
});

describe('issue 14: what still passes', () => {
  it('a commitment that matches its proposed action exactly', () => {
    const input = travelBuddyInput({
      reply: "Sorry for the trouble, Mia. I've added a $20 credit to your account.",
      proposedActions: [{ type: 'goodwill_credit', amount: 20 }],
    });
    expect(checkReply(input)).toEqual([]);
  });

  it('refusals and general explanations', () => {
    for (const reply of [
      "I'm sorry, but I can't offer a credit for the $45 roaming charge.",
      'Refunds go back to the original payment method.',
      "We'll get back to you about the $45 charge.",
      'Feel free to reply if anything else comes up.',
    ]) {
      expect(checkReply(travelBuddyInput({ reply }))).toEqual([]);
    }
  });
});
