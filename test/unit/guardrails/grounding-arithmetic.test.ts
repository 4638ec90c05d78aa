import { checkGrounding } from '../../../activities/guardrails/grounding';
import { duplicateChargeAccount, duplicateInput, travelBuddyInput } from './fixtures';

const grounded = (reply: string, input = travelBuddyInput()) =>
  checkGrounding({ ...input, reply }).filter((f) => f.code === 'ungrounded_amount').length === 0;

describe('checkGrounding: only arithmetic a policy names (issue 14)', () => {
  it('grounds only the account and passage figures among $1 to $1,000', () => {
    const accepted = Array.from({ length: 1000 }, (_, i) => i + 1).filter((n) => grounded(`The amount is $${n}.`));
    // $10/GB data overage, $45 roaming charge, $79 plan fee; the roaming overage (500 MB × $0.09) is also $45.
    expect(accepted).toEqual([10, 45, 79]);
  });

  it('no longer accepts a difference or product of two facts', () => {
    expect(grounded('That leaves $34.')).toBe(false); // $79 − $45
    expect(grounded('That is $135.')).toBe(false); // $45 × 3
  });

  it('accepts the named derivations: roaming overage, a duplicate pair, a proposed discount', () => {
    expect(grounded('500 MB at $0.09/MB is $45.')).toBe(true);
    expect(grounded('You were charged $198 in total.', duplicateInput())).toBe(true);
    const discount = travelBuddyInput({ proposedActions: [{ type: 'discount', percent: 10 }] });
    expect(grounded('10% off takes $7.90 off, so you pay $71.10.', discount)).toBe(true);
    expect(duplicateChargeAccount.recentCharges.map((c) => c.amount)).toEqual([99, 99]);
  });

  it('reads amounts in any spelling before checking them', () => {
    expect(grounded('The charge was forty-five dollars.')).toBe(true);
    expect(grounded('The charge was fifty-five dollars.')).toBe(false);
    expect(grounded('The charge was $４５.')).toBe(true);
    expect(grounded('The charge was USD 55.')).toBe(false);
  });
});
