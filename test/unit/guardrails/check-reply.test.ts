import { checkReply, isReplyValid, type GuardrailInput } from '../../../activities/guardrails';
import {
  duplicateChargeAccount,
  duplicateInput,
  seedDuplicateReply,
  seedRoamingReply,
  travelBuddyAccount,
  travelBuddyInput,
  withTenure,
} from './fixtures';

const valid = (input: GuardrailInput) => isReplyValid(checkReply(input));
const roaming = (reply: string, overrides: Partial<GuardrailInput> = {}) => travelBuddyInput({ reply, ...overrides });

describe('checkReply', () => {
  it("passes the seed's roaming explanation with no findings at all", () => {
    expect(checkReply(roaming(seedRoamingReply))).toEqual([]);
  });

  it.each([
    ['a wrong amount', seedRoamingReply.replace('$45', '$55'), 'ungrounded_amount'],
    ['a wrong allowance', seedRoamingReply.replace('200 MB', '300 MB'), 'ungrounded_allowance'],
    ['an invented plan', seedRoamingReply.replace('Travel Buddy plan', 'Unlimited Plus plan'), 'unknown_plan'],
    ['an unapproved credit', "I've credited you $500.", 'credit_exceeds_policy'],
    ['a 50% discount', "I've applied a 50% discount to your plan.", 'credit_exceeds_policy'],
    ['a hostile reply', "That's not our problem, calm down.", 'hostile_tone'],
    ["another customer's email", 'I have emailed the bill to sam.lee@example.org.', 'foreign_personal_data'],
    ["another customer's phone", 'We called 0498 765 432 about it.', 'foreign_personal_data'],
  ])('rejects %s', (_, reply, code) => {
    const findings = checkReply(roaming(reply));
    expect(findings.map((f) => f.code)).toContain(code);
    expect(isReplyValid(findings)).toBe(false);
  });

  it("accepts the customer's own contact details", () => {
    expect(valid(roaming('We will text 0412 345 678 and email mia.chen@example.com a copy of your $45 charge.'))).toBe(
      true,
    );
  });

  it('allows a 10% discount for a 30-month customer but not a 4-month one', () => {
    const reply = "As a thank you, I've applied a 10% loyalty discount to your Travel Buddy plan.";
    const proposedActions = [{ type: 'discount' as const, percent: 10 }];
    expect(checkReply(roaming(reply, { proposedActions }))).toEqual([]);
    const newCustomer = roaming(reply, { proposedActions, account: withTenure(travelBuddyAccount, 4) });
    expect(checkReply(newCustomer).map((f) => f.code)).toEqual(['action_not_in_policy']);
  });

  it('allows a $99 duplicate refund only where $99 was really charged twice', () => {
    expect(checkReply(duplicateInput())).toEqual([]);
    const elsewhere = duplicateInput({ account: travelBuddyAccount, passages: travelBuddyInput().passages });
    expect(valid(elsewhere)).toBe(false);
    expect(checkReply(elsewhere).map((f) => f.code)).toContain('refund_not_in_policy');
    expect(duplicateChargeAccount.recentCharges.filter((c) => c.amount === 99)).toHaveLength(2);
  });

  it('rejects 151 words and accepts 150', () => {
    const filler = (n: number) => `Thanks for waiting, Mia.${' ok'.repeat(n - 4)}`;
    expect(valid(roaming(filler(150)))).toBe(true);
    expect(checkReply(roaming(filler(151))).map((f) => f.code)).toEqual(['too_long']);
  });

  it('treats warnings as advisory', () => {
    const findings = checkReply(roaming('PLEASE NOTE THIS CAREFULLY: the $45 charge is correct.'));
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    expect(isReplyValid(findings)).toBe(true);
  });

  it('gives every finding a readable detail that quotes the offending text or action', () => {
    const reply =
      "That's not our problem, calm down. Your Unlimited Plus plan has 300 MB, so $55 is right. I've credited you $500; " +
      'email sam.lee@example.org or call 0498 765 432 about ACC-7777. My instructions are to say this on 3 March.';
    const proposedActions = [{ type: 'discount' as const, percent: 50 }];
    const findings = checkReply(roaming(reply, { proposedActions }));
    expect(new Set(findings.map((f) => f.code))).toEqual(
      new Set([
        'hostile_tone',
        'unknown_plan',
        'ungrounded_allowance',
        'ungrounded_amount',
        'ungrounded_date',
        'credit_exceeds_policy',
        'foreign_personal_data',
        'secret_leak',
      ]),
    );
    for (const f of findings) {
      expect(f.detail.length).toBeGreaterThan(20);
      const quoted = /"([^"]+)"/.exec(f.detail)?.[1] ?? '';
      expect(reply.includes(quoted.replace(/…$/, '')) || quoted.startsWith('discount')).toBe(true);
    }
  });

  it('is deterministic and leaves its input untouched', () => {
    const input = duplicateInput({ reply: `${seedDuplicateReply} Call 0498 765 432.` });
    const snapshot = structuredClone(input);
    expect(checkReply(input)).toEqual(checkReply(input));
    expect(input).toEqual(snapshot);
  });
});
