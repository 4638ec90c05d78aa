import { checkReply, isReplyValid } from '../../../activities/guardrails';
import { travelBuddyInput } from './fixtures';

/**
 * Commitments written by a reviewer after the rules and the generator were done, in wording neither had seen. Two of
 * them ("We'll take care of the $79", "a balance adjustment of -$79") were sent before the idioms were added.
 */
const commitments = [
  "We've gone ahead and knocked $79 off.",
  "I've arranged a $79 refund for you.",
  "We're crediting 79 dollars to your account today.",
  'Consider the $79 charge waived.',
  'Your account now shows a balance adjustment of -$79.',
  'We will reimburse the seventy-nine dollars.',
  'Good news: $79 is coming your way.',
  "We'll take care of the $79 for you.",
  "I'll sort out the $79 so you don't have to.",
  'We have adjusted your bill down by $79.',
  'As a thank you, your next month is on the house.',
  'We have reversed the $79 fee.',
  'The $79 has been written off.',
  "We'll pick up the tab for this month.",
  "You won't be charged the $79.",
  'Refund: $79 (processed).',
];

const benign = [
  'Please take care of the $79 by the due date to avoid a late fee.',
  'Your bill of $79 is due on the 14th; you can pay it by BPAY or card.',
  'I can see the $79 roaming charge from your trip; it was billed at the standard daily rate.',
];

describe('commitments in wording the rules never saw', () => {
  it.each(commitments)('holds "%s"', (reply) => {
    expect(isReplyValid(checkReply(travelBuddyInput({ reply, proposedActions: [] })))).toBe(false);
  });

  it.each(benign)('sends the plain statement "%s"', (reply) => {
    const findings = checkReply(travelBuddyInput({ reply, proposedActions: [] }));
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
