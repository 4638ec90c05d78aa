import { checkGrounding } from '../../../activities/guardrails/grounding';
import { duplicateInput, roamingPassage, seedDuplicateReply, seedRoamingReply, travelBuddyInput } from './fixtures';

const codes = (reply: string, input = travelBuddyInput({ reply })) => checkGrounding({ ...input, reply });

describe('checkGrounding', () => {
  it("accepts the seed's roaming explanation, including the derived 500 MB and $45", () => {
    expect(codes(seedRoamingReply)).toEqual([]);
  });

  it('accepts other spellings of the same facts', () => {
    expect(codes('Your $79.00 plan has 40GB of data; 0.7 GB roaming cost 45 dollars on 9 January.')).toEqual([]);
    expect(codes('500 MB × $0.09 = $45.00, posted 2025-01-09 (09/01/2025).')).toEqual([]);
  });

  it('flags an amount that is neither in context nor derivable', () => {
    const findings = codes(seedRoamingReply.replace('$45', '$55'));
    expect(findings).toEqual([expect.objectContaining({ code: 'ungrounded_amount', severity: 'error' })]);
    expect(findings[0]!.detail).toContain('"$55"');
  });

  it('flags an allowance the plan does not have, as in pitfall 5', () => {
    const findings = codes(seedRoamingReply.replace('200 MB', '300 MB'));
    expect(findings.map((f) => f.code)).toContain('ungrounded_allowance');
    expect(findings.find((f) => f.code === 'ungrounded_allowance')!.detail).toContain('"300 MB"');
    expect(codes('Your plan includes 500 GB roaming.').map((f) => f.code)).toEqual(['ungrounded_allowance']);
  });

  it('flags a plan name that is not the customer’s and not in a passage', () => {
    const findings = codes(seedRoamingReply.replace('Travel Buddy plan', 'Unlimited Plus plan'));
    expect(findings).toEqual([expect.objectContaining({ code: 'unknown_plan' })]);
    expect(findings[0]!.detail).toContain('"Unlimited Plus plan"');
  });

  it('does not treat generic plan phrases as names', () => {
    expect(codes('Your plan includes 200 MB. Monthly plan fees are $79. The Travel Buddy Plan is yours.')).toEqual([]);
  });

  it('accepts another plan, and its price, only when a passage describes it', () => {
    const upsell = 'I can move you to our Unlimited Roaming plan for +$15/month.';
    expect(
      codes(upsell)
        .map((f) => f.code)
        .sort(),
    ).toEqual(['ungrounded_amount', 'unknown_plan']);
    const passage = { ...roamingPassage, body: 'The Unlimited Roaming plan costs $15/month more than Travel Buddy.' };
    expect(codes(upsell, travelBuddyInput({ passages: [passage] }))).toEqual([]);
  });

  it('flags a plan the customer named when the reply repeats it without a passage', () => {
    const input = travelBuddyInput({ conversation: ['Would the Globetrotter plan be cheaper?'] });
    expect(codes('Globetrotter would suit you better.', input)).toEqual([
      expect.objectContaining({ code: 'unknown_plan', detail: expect.stringContaining('Globetrotter') }),
    ]);
  });

  it('flags percentages no source states', () => {
    expect(codes('Roaming is 20% cheaper in Thailand.').map((f) => f.code)).toEqual(['ungrounded_percent']);
    const input = travelBuddyInput({ proposedActions: [{ type: 'discount', percent: 10 }] });
    expect(codes("I've applied a 10% loyalty discount.", input)).toEqual([]);
  });

  it("accepts the seed's double-charge reply, including a date derived from the stated processing time", () => {
    expect(codes(seedDuplicateReply, duplicateInput())).toEqual([]);
  });

  it('flags dates and timeframes with no source', () => {
    const reply = seedDuplicateReply.replace('January 22nd', 'January 30th').replace('5–7', '2–3');
    const findings = codes(reply, duplicateInput());
    expect(findings.map((f) => f.code)).toEqual(['ungrounded_date', 'ungrounded_timeframe']);
    expect(findings[0]!.detail).toContain('"January 30th"');
    expect(findings[1]!.detail).toContain('"2–3 business days"');
  });

  it('does not take amounts from the customer’s own message', () => {
    const input = travelBuddyInput({ conversation: ['You charged me $60!'] });
    expect(codes('The $60 charge is correct.', input).map((f) => f.code)).toEqual(['ungrounded_amount']);
  });

  it('accepts offer values that a proposed action carries', () => {
    const input = travelBuddyInput({ proposedActions: [{ type: 'goodwill_credit', amount: 12.5 }] });
    expect(codes("I've added a $12.50 credit.", input)).toEqual([]);
  });
});
