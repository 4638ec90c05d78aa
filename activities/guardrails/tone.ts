import type { Finding } from '../../domain/ticket';
import type { GuardrailInput } from './index';
import { foldUnicode } from './canonical';
import { quote } from './extract';

const INSULTS =
  /\b(?:stupid|idiot(?:ic|s)?|dumb|moron(?:ic|s)?|useless|pathetic|incompetent|clueless|ignorant|lazy|loser|whin(?:e|ing|ger)|whing(?:e|ing|er)|nonsense|rubbish|ridiculous)\b/gi;
const PROFANITY =
  /\b(?:damn(?:ed)?|crap(?:py)?|shit\w*|bullshit|f+u+c+k\w*|bloody|bastard|piss(?:ed)? off|wtf|ffs)\b/gi;
const DISMISSIVE: RegExp[] = [
  /\b(?:that'?s|that is|this is|it'?s|it is)\s+(?:not\s+)?(?:our|my|your)\s+problem\b/gi,
  /\bnot (?:our|my) (?:problem|fault|concern|job)\b/gi,
  /\byour (?:own )?fault\b/gi,
  /\bobviously,? you\b/gi,
  /\bclearly,? you (?:did ?n[o']t|do ?n[o']t|have ?n[o']t|ca ?n[o']t|should)\b/gi,
  /\bcalm down\b/gi,
  /\bas i (?:already |just |clearly )?(?:said|told you|explained|mentioned)\b/gi,
  /\bdid you (?:even|not) read\b/gi,
  /\blearn to read\b/gi,
  /\b(?:deal with it|get over it|too bad|tough luck|nobody cares|who cares|i don'?t care|good luck with that|nice try|thanks for nothing|what did you expect|figure it out)\b/gi,
  /\byeah,? right\b/gi,
  /\boh,? (?:great|wonderful|brilliant|perfect)\b/gi,
  /\byou should have known\b/gi,
  /\bif you had (?:bothered|read|paid attention|listened)\b/gi,
  /\bstop (?:complaining|whining|whinging)\b/gi,
  /\bnot rocket science\b/gi,
];

// Acronyms a telecom reply uses legitimately; shouting is judged on ordinary words.
const ACRONYMS = new Set(['ACMA', 'ACCC', 'VOLTE', 'HTTPS', 'ESIM', 'IMEI', 'BPAY', 'WIFI']);

function shouting(reply: string): string | null {
  const words = reply.match(/\b[A-Z][A-Z']+\b/g) ?? [];
  const loud = words.filter((w) => w.length >= 5 && !ACRONYMS.has(w));
  const run = /\b(?:[A-Z]{2,}[!?,.]*\s+){2,}[A-Z]{2,}\b/.exec(reply);
  if (run && run[0].replace(/[^A-Z]/g, '').length >= 9) return run[0];
  return loud[0] ?? null;
}

/** Checked on the reply alone: an angry customer's words never excuse the same tone back. */
export function checkTone({ reply }: Pick<GuardrailInput, 'reply'>): Finding[] {
  // Folded so look-alike letters ("іdiot" with a Cyrillic і) and full-width forms read as the words they imitate.
  const text = foldUnicode(reply);
  const hits: Array<{ start: number; end: number; finding: Finding }> = [];
  for (const pattern of [...DISMISSIVE, INSULTS, PROFANITY]) {
    for (const m of text.matchAll(pattern)) {
      const [start, end] = [m.index, m.index + m[0].length];
      // "That's not our problem" also contains "not our problem"; one finding per phrase.
      if (hits.some((h) => start < h.end && h.start < end)) continue;
      const detail = `${quote(m[0])} is hostile, dismissive or demeaning`;
      hits.push({ start, end, finding: { code: 'hostile_tone', severity: 'error', detail } });
    }
  }
  const findings = hits.sort((a, b) => a.start - b.start).map((h) => h.finding);
  const loud = shouting(text);
  if (loud) findings.push({ code: 'shouting', severity: 'warning', detail: `${quote(loud)} reads as shouting` });
  return findings;
}
