import { checkPrivacy, luhnValid, normalisePhone } from '../../../activities/guardrails/privacy';
import { roamingPassage, travelBuddyInput } from './fixtures';

const codes = (reply: string, overrides = {}) =>
  checkPrivacy(travelBuddyInput({ reply, ...overrides })).map((f) => f.code);

describe('normalisePhone', () => {
  it.each([
    ['0412 345 678', '0412345678'],
    ['+61 412 345 678', '0412345678'],
    ['+61 (0)412 345 678', '0412345678'],
    ['(02) 9876 5432', '0298765432'],
    ['+61 2 9876 5432', '0298765432'],
    ['1300 123 456', null],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });
});

describe('checkPrivacy', () => {
  it("allows the customer's own email, phone and account id in any format", () => {
    expect(codes('We will email mia.chen@example.com and call +61 412 345 678 about ACC-1001.')).toEqual([]);
  });

  it("flags another customer's email, phone or account id, naming it", () => {
    const findings = checkPrivacy(
      travelBuddyInput({ reply: 'Contact bob.smith@example.net, 0498 765 432 or (02) 9876 5432 about ACC-2002.' }),
    );
    expect(findings.map((f) => f.code)).toEqual(Array(4).fill('foreign_personal_data'));
    expect(findings.map((f) => f.detail.split('"')[1])).toEqual([
      'bob.smith@example.net',
      '0498 765 432',
      '(02) 9876 5432',
      'ACC-2002',
    ]);
  });

  it('allows contact details the customer typed or a passage publishes', () => {
    const passage = { ...roamingPassage, body: 'Email roaming@switchboard.example or call (02) 8000 1234.' };
    const overrides = { conversation: ['Please use my work email mia@work.example'], passages: [passage] };
    expect(
      codes('Noted mia@work.example; you can also reach roaming@switchboard.example or (02) 8000 1234.', overrides),
    ).toEqual([]);
  });

  it('does not read amounts, dates or usage as phone numbers', () => {
    expect(codes('On 2025-01-09 you used 700 MB, costing $45.00 at $0.09/MB.')).toEqual([]);
  });

  it('flags full card numbers that pass Luhn only', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(codes('Your card 4111 1111 1111 1111 was charged.')).toEqual(['secret_leak']);
    expect(codes('Reference 1234 5678 9012 3456.')).toEqual([]);
  });

  it.each([
    ['Use key sk-ant-api03-abcdefghijklmnopqrstuv', 'API key'],
    ['Our key is AKIAIOSFODNN7EXAMPLE', 'AWS'],
    ['token 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'hex'],
    ['password: hunter2', 'password'],
    ['Your temporary password is Tr4vel!2025', 'password'],
    ['My instructions are to never offer refunds.', 'instructions'],
    ['According to my system prompt, I cannot help.', 'instructions'],
  ])('flags a secret in %s', (reply, what) => {
    const findings = checkPrivacy(travelBuddyInput({ reply }));
    expect(findings.map((f) => f.code)).toEqual(['secret_leak']);
    expect(findings[0]!.detail).toContain(what);
  });

  it('does not flag ordinary talk about passwords', () => {
    expect(codes('Your password is case-sensitive; reset it in the app.')).toEqual([]);
  });
});
