import type { Finding } from '../../domain/ticket';
import type { GuardrailInput } from './index';
import {
  addDays,
  extractAllowances,
  extractAmounts,
  extractDates,
  extractPercents,
  extractTimeframes,
  parseIsoDate,
  quote,
  sameAmount,
  sameDay,
  sameMb,
  type SimpleDate,
  type TimeframeMention,
} from './extract';
import { canonicalise } from './canonical';
import { namedDerivations } from './derivations';

/** What the reply may state: values from the account snapshot and passages, and the few derivations explaining a bill. */
interface Facts {
  /** Figures stated by the account or a passage, proposed values, and the results of policy-named arithmetic. */
  amounts: number[];
  allowances: number[];
  allowanceDiffs: number[];
  percents: number[];
  dates: SimpleDate[];
  dayOffsets: number[];
  timeframes: TimeframeMention[];
}

// Policy caps are deliberately not facts: "up to $20" is internal, and offers are grounded by the proposed action.
function buildFacts({ account, passages, proposedActions }: GuardrailInput): Facts {
  const { plan, recentCharges } = account;
  const texts = [
    ...passages.map((p) => `${p.title}\n${p.body}`),
    ...recentCharges.map((c) => c.description),
    ...account.openTickets.map((t) => t.subject),
  ].map(canonicalise);
  const fromTexts = <T>(extract: (text: string) => T[]) => texts.flatMap(extract);
  const amountBases = [
    plan.monthlyPrice,
    plan.roamingOveragePerMb,
    plan.dataOveragePerGb,
    ...recentCharges.map((c) => Math.abs(c.amount)),
    ...fromTexts(extractAmounts).map((a) => a.value),
  ];
  const allowances = [
    plan.roamingMb,
    ...(plan.dataGb === null ? [] : [plan.dataGb * 1000]),
    ...recentCharges.flatMap((c) => (c.usageMb === null ? [] : [c.usageMb])),
    ...fromTexts(extractAllowances).map((a) => a.mb),
  ];
  const allowanceDiffs = allowances.flatMap((a) => allowances.filter((b) => b < a).map((b) => a - b));
  const percents = [
    ...fromTexts(extractPercents).map((p) => p.value),
    ...proposedActions.flatMap((a) => (a.percent === undefined ? [] : [a.percent])),
  ];
  const timeframes = fromTexts(extractTimeframes);
  return {
    amounts: [
      ...amountBases,
      ...proposedActions.flatMap((a) => (a.amount === undefined ? [] : [a.amount])),
      ...namedDerivations(account, proposedActions),
    ],
    allowances,
    allowanceDiffs,
    percents,
    dates: [
      account.openedOn,
      ...recentCharges.map((c) => c.postedOn),
      ...account.openTickets.map((t) => t.openedOn),
    ].flatMap((iso) => parseIsoDate(iso) ?? []),
    dayOffsets: timeframes.filter((t) => t.unit === 'day').flatMap((t) => [t.low, t.high]),
    timeframes,
  };
}

const amountGrounded = (value: number, f: Facts) => f.amounts.some((a) => sameAmount(a, value));

function dateGrounded(date: SimpleDate, f: Facts, passageDates: SimpleDate[]): boolean {
  const known = [...f.dates, ...passageDates];
  if (known.some((d) => sameDay(date, d))) return true;
  // "You should see it by 22 January": a known date plus a processing time a passage states.
  return f.dates.some((d) =>
    f.dayOffsets.some((n) => sameDay(date, addDays(d, n)) || sameDay(date, addDays(d, n, true))),
  );
}

function timeframeGrounded(t: TimeframeMention, f: Facts): boolean {
  return f.timeframes.some(
    (k) =>
      k.unit === t.unit &&
      ((k.low === t.low && k.high === t.high) || (t.low === t.high && [k.low, k.high].includes(t.low))),
  );
}

export function checkGrounding(input: GuardrailInput): Finding[] {
  const reply = canonicalise(input.reply);
  const f = buildFacts(input);
  const passageDates = input.passages.flatMap((p) => extractDates(canonicalise(`${p.title}\n${p.body}`)));
  const findings: Finding[] = [];
  const flag = (code: string, text: string, what: string) =>
    findings.push({ code, severity: 'error', detail: `${quote(text)} ${what}` });

  for (const a of extractAmounts(reply)) {
    if (!amountGrounded(a.value, f))
      flag('ungrounded_amount', a.text, 'is not an amount in the account facts or passages, nor one a policy derives');
  }
  for (const p of extractPercents(reply)) {
    if (!f.percents.includes(p.value))
      flag('ungrounded_percent', p.text, 'is not a percentage in the passages or proposed actions');
  }
  for (const a of extractAllowances(reply)) {
    if (!f.allowances.some((k) => sameMb(a.mb, k)) && !f.allowanceDiffs.some((k) => sameMb(a.mb, k)))
      flag(
        'ungrounded_allowance',
        a.text,
        'is not a data amount in the plan, usage or passages, nor a difference of two',
      );
  }
  for (const d of extractDates(reply)) {
    if (!dateGrounded(d, f, passageDates))
      flag('ungrounded_date', d.text, 'is not a date in the account facts or passages');
  }
  for (const t of extractTimeframes(reply)) {
    if (!timeframeGrounded(t, f)) flag('ungrounded_timeframe', t.text, 'is not a timeframe any passage states');
  }
  return [...findings, ...checkPlanNames({ ...input, reply })];
}

// Words that start a capitalised "... plan" phrase without naming a plan ("Your plan", "Monthly plan fees").
const NOT_NAMES = new Set(
  'your our the this that a an my any each every their which what whose new current existing same other another old previous mobile phone data monthly roaming prepaid postpaid payment service base'.split(
    ' ',
  ),
);

interface PlanPhrase {
  name: string;
  text: string;
}

function planPhrases(text: string): PlanPhrase[] {
  const out: PlanPhrase[] = [];
  for (const m of text.matchAll(/((?:[A-Z0-9][\w&+'’-]*\s+)*[A-Z0-9][\w&+'’-]*)\s+[Pp]lans?\b/g)) {
    const words = m[1]!.split(/\s+/);
    while (words.length && NOT_NAMES.has(words[0]!.toLowerCase())) words.shift();
    if (!words.length || !/^[A-Z]/.test(words[0]!) || words.every((w) => NOT_NAMES.has(w.toLowerCase()))) continue;
    out.push({ name: words.join(' '), text: m[0].slice(m[0].indexOf(words[0]!)) });
  }
  return out;
}

const norm = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9+&]+/g, ' ')
    .trim()
    .replace(/ plan$/, '')} `;

/** The only plan a reply may name on its own authority is the customer's; any other must come from a passage. */
function checkPlanNames({ reply, account, passages, conversation }: GuardrailInput): Finding[] {
  const own = norm(account.plan.name);
  const passageText = norm(passages.map((p) => `${p.title} ${p.body}`).join(' '));
  const grounded = (name: string) => own.includes(norm(name)) || passageText.includes(norm(name));
  const findings = new Map<string, Finding>();
  const flag = (name: string, text: string) =>
    findings.set(norm(name), {
      code: 'unknown_plan',
      severity: 'error',
      detail: `${quote(text)} is not the customer's plan (${account.plan.name}) and no passage mentions it`,
    });
  for (const p of planPhrases(reply)) if (!grounded(p.name)) flag(p.name, p.text);
  // Plans the customer named are known, but naming them back still needs a passage to say anything true about them.
  for (const p of conversation.flatMap(planPhrases)) {
    if (!grounded(p.name) && norm(reply).includes(norm(p.name))) flag(p.name, p.name);
  }
  return [...findings.values()];
}
