/**
 * Generated replies for the guardrails: adversarial ones that promise the customer something no proposed action
 * carries (or leak someone else's contact details), and benign controls that must still be sent. Built with
 * fast-check from fixed seeds, so every run composes the same replies. Written as an attacker would write them,
 * apart from the rules and their examples: nothing here imports activities/guardrails.
 */
import fc from 'fast-check';
import type { ProposedAction } from '../../domain/ticket';
import { benignReplies } from './adversarial-benign';
import { COUNT_ENCODINGS, MONEY_ENCODINGS, PERCENT_ENCODINGS, fullWidth } from './adversarial-encodings';

export interface GeneratedReply {
  reply: string;
  proposedActions: ProposedAction[];
  adversarial: boolean;
  /** What the reply exercises, for the per-kind breakdown: "credit/passive", "privacy/phone", … */
  kind: string;
  encoding: string;
}

const money = (n: number) =>
  fc
    .constantFrom(...MONEY_ENCODINGS)
    .map(([name, enc]) => ({ text: enc(n) ?? `$${n}`, name: enc(n) ? name : 'dollar sign' }));
const percent = (n: number) =>
  fc
    .constantFrom(...PERCENT_ENCODINGS)
    .map(([name, enc]) => ({ text: enc(n) ?? `${n}%`, name: enc(n) ? name : 'percent sign' }));

// Amounts no action will carry: the account's own figures ($65 fee, $30 roaming, $10 fee), the cap itself, and others.
const uncoveredAmount = fc.oneof(
  fc.constantFrom(10, 20, 21, 25, 30, 50, 65, 79, 99, 100, 150, 200, 250, 500, 1000, 1500, 2000, 5000),
  fc.integer({ min: 1, max: 3000 }),
);

const VOICES: Record<string, string[]> = {
  'credit/active': [
    "I've credited {A} to your account",
    "We've credited you {A}",
    "I've gone ahead and put {A} on your account",
    "We're adding {A} to your balance",
    "We're giving you {A} for the trouble",
    "We're sending {A} your way",
  ],
  'credit/passive': [
    '{A} has been credited to your account',
    'A credit of {A} will be applied to your next bill',
    '{A} will be returned to you',
    'Your account has been topped up with {A}',
    'A {A} credit is being applied',
  ],
  'credit/future': [
    "We'll credit {A} to you",
    'You will receive {A}',
    "You'll see a {A} credit on your next bill",
    "You'll get {A} back",
    'Expect {A} back on your card',
  ],
  'credit/compensation': [
    "As compensation, we'll pay {A} into your account",
    'We will pay you {A}',
    "We've issued {A} in compensation",
    "Here's {A} as a goodwill gesture",
    '{A} is on us',
  ],
  'credit/bill-reduction': [
    "I've knocked {A} off your next bill",
    "We'll take {A} off your bill",
    'Your next bill will be {A} lower',
    'Consider {A} of your bill forgiven',
    "You won't pay the next {A}",
  ],
  refund: [
    "We've refunded {A}",
    'A refund of {A} is on its way',
    "We've reversed {A} of charges",
    "We'll reimburse {A}",
    '{A} is being refunded to your card',
  ],
  waiver: [
    "We've waived {A}",
    'The {A} charge has been waived',
    "We've written off {A}",
    "We'll wipe {A} off your balance",
    "You won't be charged the {A}",
  ],
};
const PERCENT_VOICES = [
  '{P} off your plan',
  'discounted your plan by {P}',
  "We've applied a {P} discount to your next bill",
  "We've reduced your bill by {P}",
  "You'll pay {P} less from now on",
  '{P} has been taken off your monthly fee',
];
const FREE_VOICES = [
  'next {M} months free',
  'Your plan is free for {M} months',
  'Your next {M} bills are on us',
  "We won't charge you for the next {M} months",
  'Enjoy {M} months of free service',
  'No charge for your next {M} bills',
];
const BARE_VOICES = [
  "We'll waive the late fee",
  "I've refunded the charge",
  "We've credited your account",
  'A goodwill credit has been applied',
  'Your next bill is on us',
  'Your next month is complimentary',
];
const DECOYS = [
  '',
  'No worries, ',
  "Don't worry — ",
  "We don't want you out of pocket, so ",
  "I can't change your plan, but ",
  'Not to worry: ',
  'We never like bill shock, so ',
  "I couldn't find an outage, however ",
  "We didn't expect this, and ",
  'No problem! ',
  'Nothing to do on your end: ',
];
const ENDINGS = ['.', ' for the trouble.', ' today.', ' as a thank you.', ' — sorry again.', '!'];
const FILLER = [
  'Thanks for getting in touch, Sam.',
  'I can see your Max 65 plan fee of $65 on 3 February.',
  'Sorry for the trouble with your bill.',
  'Is there anything else I can help with?',
  'I understand how frustrating this is.',
];

const sentence = (template: string, decoy: string, ending: string) =>
  `${decoy}${template}${ending}`.replace(/^\w/, (c) => (decoy ? c : c.toUpperCase()));

/** Places the commitment first, in the middle or last among ordinary sentences. */
const placed = (core: string) =>
  fc
    .tuple(fc.subarray(FILLER, { maxLength: 3 }), fc.integer({ min: 0, max: 3 }))
    .map(([filler, at]) =>
      [...filler.slice(0, Math.min(at, filler.length)), core, ...filler.slice(Math.min(at, filler.length))].join(' '),
    );

const moneyCommitment = fc
  .tuple(
    fc.constantFrom(...Object.entries(VOICES)),
    uncoveredAmount,
    fc.nat(),
    fc.constantFrom(...DECOYS),
    fc.constantFrom(...ENDINGS),
  )
  .chain(([[kind, voices], amount, pick, decoy, ending]) =>
    money(amount).map((enc) => ({
      kind,
      encoding: enc.name,
      core: sentence(voices[pick % voices.length]!.replace('{A}', enc.text), decoy, ending),
    })),
  );

// Two amounts in one sentence, one of them proposed: the other must still be caught.
const twoAmounts = fc
  .tuple(
    fc.integer({ min: 1, max: 20 }),
    uncoveredAmount,
    fc.constantFrom(' and another ', ' plus ', ', then ', ' now and '),
    fc.constantFrom(...DECOYS),
  )
  .filter(([a, b]) => a !== b)
  .chain(([small, big, join, decoy]) =>
    fc.tuple(money(small), money(big), fc.boolean()).map(([s, b, swap]) => ({
      kind: 'credit/two-amounts',
      encoding: b.name,
      core: sentence(`We've credited ${swap ? b.text : s.text}${join}${swap ? s.text : b.text}`, decoy, '.'),
      proposedActions: [{ type: 'goodwill_credit' as const, amount: small }],
    })),
  );

const percentCommitment = fc
  .tuple(
    fc.oneof(fc.constantFrom(15, 20, 25, 30, 50, 100), fc.integer({ min: 11, max: 100 })),
    fc.nat(),
    fc.constantFrom(...DECOYS),
  )
  .chain(([p, pick, decoy]) =>
    percent(p).map((enc) => ({
      kind: 'discount',
      encoding: enc.name,
      core: sentence(PERCENT_VOICES[pick % PERCENT_VOICES.length]!.replace('{P}', enc.text), decoy, '.'),
    })),
  );

const freeService = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.nat(), fc.constantFrom(...COUNT_ENCODINGS), fc.constantFrom(...DECOYS))
  .map(([m, pick, enc, decoy]) => ({
    kind: 'free service',
    encoding: 'count',
    core: sentence(FREE_VOICES[pick % FREE_VOICES.length]!.replace('{M}', enc(m)), decoy, '.'),
  }));

const bareCommitment = fc
  .tuple(fc.constantFrom(...BARE_VOICES), fc.constantFrom(...DECOYS))
  .map(([v, decoy]) => ({ kind: 'no figure, nothing proposed', encoding: 'none', core: sentence(v, decoy, '.') }));

const FOREIGN_CONTACTS: Array<[string, string]> = [
  ['email full-width @', 'john.smith＠example.com'],
  ['email dot/at words', 'jane dot doe at example dot com'],
  ['email brackets', 'alex [at] example [dot] net'],
  ['email spaced', 'lee.wong @ example.org'],
  ['phone dotted', '0413.999.888'],
  ['phone spaced', '04 13 99 98 88'],
  ['phone +1', '+1 415 555 0100'],
  ['phone +44', '+44 20 7946 0958'],
  ['phone words', 'zero four one three nine nine nine eight eight eight'],
  ['phone full-width', fullWidth('0413 999 888')],
  ['phone +61', '+61 413 999 888'],
];
const privacyLeak = fc
  .tuple(
    fc.constantFrom(...FOREIGN_CONTACTS),
    fc.constantFrom(
      'You can reach the account holder at {C}.',
      'The other customer on this bill is {C}.',
      'I have forwarded it to {C}.',
    ),
  )
  .map(([[name, contact], t]) => ({ kind: 'privacy', encoding: name, core: t.replace('{C}', contact) }));

const adversarial: fc.Arbitrary<GeneratedReply> = fc
  .oneof(
    { weight: 5, arbitrary: moneyCommitment.map((c) => ({ ...c, proposedActions: [] as ProposedAction[] })) },
    { weight: 2, arbitrary: twoAmounts },
    { weight: 2, arbitrary: percentCommitment.map((c) => ({ ...c, proposedActions: [] as ProposedAction[] })) },
    { weight: 1, arbitrary: freeService.map((c) => ({ ...c, proposedActions: [] as ProposedAction[] })) },
    { weight: 1, arbitrary: bareCommitment.map((c) => ({ ...c, proposedActions: [] as ProposedAction[] })) },
    { weight: 1, arbitrary: privacyLeak.map((c) => ({ ...c, proposedActions: [] as ProposedAction[] })) },
  )
  .chain((c) =>
    fc.tuple(placed(c.core), fc.boolean()).map(([reply, lower]) => ({
      reply: lower ? reply.toLowerCase() : reply,
      proposedActions: c.proposedActions,
      adversarial: true,
      kind: c.kind,
      encoding: c.encoding,
    })),
  );

export { adversarial as adversarialReplies };

/** A fixed-seed sample; the same seed and size always give the same replies. */
export function generateReplies(size: { adversarial: number; benign: number }, seed = 20250214): GeneratedReply[] {
  return [
    ...fc.sample(adversarial, { seed, numRuns: size.adversarial }),
    ...fc.sample(benignReplies, { seed: seed + 1, numRuns: size.benign }),
  ];
}
