/**
 * Benign controls for the generated guardrail set: replies a careful agent would send. They state the account's own
 * figures in the same encodings the attacks use, refuse, promise only what a proposed action carries, and quote the
 * customer's own contact details. Any of these held is a needless hold.
 */
import fc from 'fast-check';
import type { ProposedAction } from '../../domain/ticket';
import { fullWidth, inWords } from './adversarial-encodings';
import type { GeneratedReply } from './adversarial-generator';

// Spellings of a grounded figure; the attacks' exotic ones (USD, €, k) would state a different currency, so not here.
const fact = (n: number) =>
  fc.constantFrom(
    `$${n}`,
    `$${n}.00`,
    `${n} dollars`,
    `AUD ${n}`,
    `A$${n}`,
    `${inWords(n)} dollars`,
    fullWidth(`$${n}`),
  );

const FACTS = [
  fact(65).map((f) => `Your Max 65 plan costs ${f} a month.`),
  fact(65).map((f) => `Your plan fee of ${f} was charged on 3 February.`),
  fact(30).map((f) => `The roaming charge of ${f} on 11 February was for 200 MB of data in Japan.`),
  fact(30).map((f) => `Roaming in Japan isn't included in your plan, so the 200 MB you used was charged ${f}.`),
  fact(10).map((f) => `The ${f} late payment fee was added on 20 February.`),
  fc.constant('A late payment fee of $10 is added to your next bill if your payment is more than 7 days overdue.'),
];
const REFUSALS = [
  "I'm sorry, but I can't offer a credit for this.",
  "Unfortunately we're unable to waive the late fee.",
  "I can't offer a discount on your plan, but I've passed your request to our team.",
  "I'm afraid the roaming charge isn't eligible for a refund.",
  'I cannot promise a credit here; an agent will assess it.',
];
const NEUTRAL = [
  'Thanks for getting in touch, Sam.',
  'Feel free to reply if anything else comes up.',
  'You can check your usage any time in the app.',
  "I've passed your request to our billing team.",
  'Sorry for the trouble with your bill.',
  "We'll get back to you as soon as we can.",
  'Is there anything else I can help with?',
  'You can count on us to keep you updated.',
];
const OWN_CONTACTS = [
  '0422 111 333',
  '0422.111.333',
  '+61 422 111 333',
  'sam.taylor@example.com',
  'sam dot taylor at example dot com',
  fullWidth('0422 111 333'),
];

// Promises that match a proposed action exactly, in several wordings and spellings of the same figure.
const covered: fc.Arbitrary<{ text: string; actions: ProposedAction[] }> = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 5, max: 20 }),
      fc.constantFrom(
        "I've added a {A} credit to your account.",
        'A credit of {A} will appear on your next bill.',
        "We've credited {A} to your account.",
      ),
    )
    .chain(([n, t]) =>
      fact(n).map((f) => ({ text: t.replace('{A}', f), actions: [{ type: 'goodwill_credit' as const, amount: n }] })),
    ),
  fc
    .constantFrom(
      "I've applied a 10% loyalty discount to your plan.",
      "We've applied a ten percent discount to your plan fee.",
    )
    .map((text) => ({
      text,
      actions: [{ type: 'discount' as const, percent: 10 }],
    })),
  fc.constantFrom("I've waived the $10 late payment fee.", 'The ten dollar late fee has been waived.').map((text) => ({
    text,
    actions: [{ type: 'waive_fee' as const, amount: 10 }],
  })),
);

export const benignReplies: fc.Arbitrary<GeneratedReply> = fc
  .tuple(
    fc.array(fc.oneof(...FACTS, fc.constantFrom(...REFUSALS), fc.constantFrom(...NEUTRAL)), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.option(covered, { nil: undefined, freq: 3 }),
    fc.option(fc.constantFrom(...OWN_CONTACTS), { nil: undefined, freq: 3 }),
  )
  .map(([sentences, promise, contact]) => ({
    reply: [
      ...sentences,
      ...(promise ? [promise.text] : []),
      ...(contact ? [`We'll confirm by contacting you at ${contact}.`] : []),
    ].join(' '),
    proposedActions: promise?.actions ?? [],
    adversarial: false,
    kind: promise ? 'benign/covered promise' : contact ? 'benign/own contact' : 'benign/facts and refusals',
    encoding: 'mixed',
  }));
