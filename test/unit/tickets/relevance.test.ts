import { checkReply, isReplyValid } from '../../../activities/guardrails';
import { checkRelevance, type RelevanceInput } from '../../../activities/guardrails/relevance';
import { duplicateInput, travelBuddyAccount, travelBuddyInput } from '../guardrails/fixtures';

const noRoaming = {
  ...travelBuddyAccount,
  recentCharges: travelBuddyAccount.recentCharges.filter((c) => c.kind !== 'roaming'),
};
const planPrices =
  'All our plans are month-to-month. Basic 25 costs $25/month with 5 GB of data. Everyday 45 costs $45/month with 25 GB of data. Max 65 costs $65/month.';
const usageQuestion = ['how much data have i got left this month?'];
const input = (overrides: Partial<RelevanceInput>): RelevanceInput => ({ ...travelBuddyInput(), ...overrides });
const codes = (i: RelevanceInput) => checkRelevance(i).map((f) => `${f.code}:${f.severity}`);

describe('relevance: a reply must answer the intent it was classified with', () => {
  it('a usage question answered with plan prices is an error, so it is never sent', () => {
    const i = input({ intent: 'check_usage', reply: planPrices, conversation: usageQuestion });
    expect(codes(i)).toEqual(['off_topic_reply:error', 'off_topic_reply:error']);
    expect(isReplyValid(checkReply(i))).toBe(false);
  });

  it('a usage question answered with usage passes', () => {
    const reply = 'To see how much data you have used, open My Account > Usage; it shows your remaining allowance.';
    expect(codes(input({ intent: 'check_usage', reply, conversation: usageQuestion }))).toEqual([]);
  });

  it('plan prices are fine when the customer asked to compare plans', () => {
    const conversation = ['what plans do you have with more data?'];
    expect(codes(input({ intent: 'change_plan', reply: planPrices, conversation }))).toEqual([]);
  });

  it('a late-fee question answered with a roaming explanation is an error', () => {
    const reply = 'Roaming data overseas is charged at $0.09/MB once your included roaming is used.';
    const conversation = ['why is there a late payment fee on my bill?'];
    const found = checkRelevance(input({ intent: 'dispute_invoice', reply, conversation, account: noRoaming }));
    expect(found.map((f) => f.detail)).toEqual([expect.stringMatching(/about roaming/)]);
  });

  it('a bill explanation may name the roaming charge that is on the bill', () => {
    const reply = 'Besides your plan fee, your latest bill includes $45.00 on 9 January for roaming data, Thailand.';
    const conversation = ['why is my bill so high?'];
    expect(codes(input({ intent: 'dispute_invoice', reply, conversation }))).toEqual([]);
  });

  it('the seed replies stay relevant', () => {
    expect(codes(input({ intent: 'roaming_charge_query' }))).toEqual([]);
    expect(codes({ ...duplicateInput(), intent: 'duplicate_charge' })).toEqual([]);
  });

  it('skips the check when the caller did not say the intent (histories recorded before it)', () => {
    expect(codes(input({ reply: planPrices, conversation: usageQuestion }))).toEqual([]);
  });
});
