import type { Finding } from '../../domain/ticket';
import type { GuardrailInput } from './index';
import { canonicalise } from './canonical';
import { quote } from './extract';
import { findPhones, phoneKey } from './phones';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const ACCOUNT_ID = /\bACC-\d+\b/gi;
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;

const SECRETS: Array<[RegExp, string]> = [
  [/\bsk-[A-Za-z0-9_-]{16,}/g, 'an API key'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, 'an AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, 'a GitHub token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, 'a Slack token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/g, 'a private key'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{32,}\b/gi, 'a long hex token'],
  [/(?<![\w/+=-])(?=[\w+/=-]*[A-Z])(?=[\w+/=-]*[a-z])(?=[\w+/=-]*\d)[\w+/-]{32,}={0,2}/g, 'a long base64-like token'],
  [/\b(?:password|passcode|passwd|pwd|PIN)\s*[:=]\s*\S+/gi, 'a password'],
  // "is" alone would catch "your password is case-sensitive"; a real one has a digit or symbol.
  [/\b(?:password|passcode|PIN)\s+is\s+["']?(?=[^\s.,;!?]*[\d@#$%^&*])\S{4,}/gi, 'a password'],
  [
    /\bsystem prompt\b|\bmy (?:instructions|guidelines|rules|prompt) (?:are|say|state|tell)\b|\bi (?:was|am|have been) (?:instructed|programmed) (?:to|not to)\b|\b(?:ignore|disregard) (?:all |any )?(?:previous|prior|above) instructions\b/gi,
    'a disclosure of its instructions',
  ],
];

/** Digits of an Australian mobile or landline in national form (04…, 02…), or null for anything else. Kept for callers
 * that store numbers in national form; the check itself compares E.164 numbers from libphonenumber. */
export function normalisePhone(raw: string): string | null {
  let digits = raw.replace(/\D/g, '');
  if (digits.startsWith('61')) digits = `0${digits.slice(2)}`;
  if (digits.startsWith('00')) digits = digits.slice(1); // "+61 (0)4…"
  digits = digits.slice(0, 10);
  return /^0[2-478]\d{8}$/.test(digits) ? digits : null;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const phonesIn = (text: string) => findPhones(canonicalise(text)).map((p) => p.e164);
const emailsIn = (text: string) => [...canonicalise(text).matchAll(EMAIL)].map((m) => m[0].toLowerCase());

/**
 * Contact details the customer typed, or that a knowledge passage publishes, are not a leak; anything else that looks
 * like someone's email, phone or account is treated as another customer's. Account ids must be the customer's own:
 * echoing a stranger's account id back invites disclosure about it.
 */
export function checkPrivacy({ reply: raw, account, passages, conversation }: GuardrailInput): Finding[] {
  // Canonical text folds "＠", "jane dot doe at example dot com" and the like into ordinary addresses.
  const reply = canonicalise(raw);
  const sources = [...conversation, ...passages.map((p) => `${p.title}\n${p.body}`)];
  const ownEmails = new Set([...emailsIn(account.contact.email), ...sources.flatMap(emailsIn)]);
  const ownPhones = new Set([phoneKey(account.contact.phone), ...sources.flatMap(phonesIn)]);
  const ownIds = new Set([account.accountId, account.customerRef].map((id) => id.toUpperCase()));
  const findings = new Map<string, Finding>();
  const flag = (code: string, text: string, what: string) =>
    findings.set(`${code}:${text}`, { code, severity: 'error', detail: `${quote(text)} ${what}` });

  for (const m of reply.matchAll(EMAIL)) {
    if (!ownEmails.has(m[0].toLowerCase()))
      flag('foreign_personal_data', m[0], "is an email address that is not the customer's");
  }
  for (const p of findPhones(reply)) {
    if (!ownPhones.has(p.e164)) flag('foreign_personal_data', p.text, "is a phone number that is not the customer's");
  }
  for (const m of reply.matchAll(ACCOUNT_ID)) {
    if (!ownIds.has(m[0].toUpperCase()))
      flag('foreign_personal_data', m[0], "is an account id that is not the customer's");
  }
  for (const m of reply.matchAll(CARD)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && luhnValid(digits)) flag('secret_leak', m[0], 'is a full card number');
  }
  for (const [pattern, what] of SECRETS) {
    for (const m of reply.matchAll(pattern)) flag('secret_leak', m[0], `looks like ${what}`);
  }
  return [...findings.values()];
}
