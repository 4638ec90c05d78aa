import { checkPrivacy } from '../../../activities/guardrails/privacy';
import { travelBuddyInput } from './fixtures';

// travelBuddyInput's customer is mia.chen@example.com, 0412 345 678.
const flagged = (reply: string) =>
  checkPrivacy(travelBuddyInput({ reply })).map((f) => [f.code, f.detail.split('"')[1]]);

describe('checkPrivacy: obfuscated contact details (issue 14)', () => {
  it('a full-width at sign', () => {
    expect(flagged('Write to john.smith＠example.com for a copy.')).toEqual([
      ['foreign_personal_data', 'john.smith@example.com'],
    ]);
  });

  it('a dotted mobile number', () => {
    expect(flagged('Call 0413.999.888 for details.')).toEqual([['foreign_personal_data', '0413.999.888']]);
  });

  it('an international number from another country', () => {
    expect(flagged('Call +1 415 555 0100 for details.')).toEqual([['foreign_personal_data', '+1 415 555 0100']]);
  });

  it('an address spelled with "dot" and "at"', () => {
    expect(flagged('Email jane dot doe at example dot com.')).toEqual([
      ['foreign_personal_data', 'jane.doe@example.com'],
    ]);
  });

  it.each([
    ['john [at] example [dot] org', 'john@example.org'],
    ['john (at) example (dot) org', 'john@example.org'],
    ['04 13 99 98 88', '04 13 99 98 88'],
    ['0413-999-888', '0413-999-888'],
    ['zero four one three nine nine nine eight eight eight', '0413999888'],
    ['(415) 555-0100', '(415) 555-0100'],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
  ])('other spellings: %s', (written, quoted) => {
    expect(flagged(`Contact ${written} about it.`)).toEqual([['foreign_personal_data', quoted]]);
  });

  it("still allows the customer's own details however they are written", () => {
    expect(flagged('We will call 0412.345.678 or +61 412 345 678 and email mia dot chen at example dot com.')).toEqual(
      [],
    );
    expect(flagged('We will email mia.chen＠example.com.')).toEqual([]);
  });

  it('does not read business numbers, dates, amounts or ordinary "at" as contacts', () => {
    expect(flagged('Call us on 1300 123 456 or 13 22 00. Your $45.00 charge on 2025-01-09 was for 700 MB.')).toEqual(
      [],
    );
    expect(flagged("I'll look at switchboard.example for you, and we'll chat at 3 pm.")).toEqual([]);
  });
});
