import { canonicalise } from '../../../activities/guardrails/canonical';
import { extractAmounts, extractPercents } from '../../../activities/guardrails/extract';

const amounts = (text: string) => extractAmounts(canonicalise(text)).map((a) => a.value);

describe('canonicalise', () => {
  it.each([
    ['five hundred dollars', 500],
    ['seventy-nine bucks', 79],
    ['a hundred bucks', 100],
    ['two thousand five hundred and forty dollars', 2540],
    ['one point five million dollars', 1_500_000],
    ['$５００', 500],
    ['$٥٠٠', 500],
    ['USD 500', 500],
    ['500 USD', 500],
    ['US$500', 500],
    ['€79', 79],
    ['500$', 500],
    ['$1k', 1000],
    ['$1.5m', 1_500_000],
    ['2.5K dollars', 2500],
    ['five grand', 5000],
    ['$1 000', 1000],
    ['€1.000,50', 1000.5],
    ['79,50 AUD', 79.5],
    ['$ 5 0 0', 500],
    ['A$79', 79],
    ['fifty cents', 0.5],
  ])('reads %s as %d', (text, value) => {
    expect(amounts(text)).toEqual([value]);
  });

  it('reads percentages in words', () => {
    expect(extractPercents(canonicalise('fifty percent and twelve per cent')).map((p) => p.value)).toEqual([50, 12]);
  });

  it('folds look-alike letters and invisible characters, but not digits into letters', () => {
    expect(canonicalise('сredited $79')).toBe('credited $79'); // Cyrillic с
    expect(canonicalise('cred\u200Bited $0.09/MB')).toBe('credited $0.09/MB');
  });

  it('rewrites obfuscated email addresses', () => {
    expect(canonicalise('jane dot doe at example dot com')).toBe('jane.doe@example.com');
    expect(canonicalise('john [at] example [dot] org')).toBe('john@example.org');
    expect(canonicalise('john.smith＠example.com')).toBe('john.smith@example.com');
  });

  it('leaves ordinary replies, pronouns and rates as written', () => {
    for (const text of [
      'No one else can see your account; a one-off $20 credit, $1,234.50, $0.045/MB.',
      "I'll look at switchboard.example for you. Net result: $45.",
      'Your Travel Buddy plan includes 200 MB roaming, but you used 700 MB, so 500 MB was charged at $0.09/MB = $45.',
    ]) {
      expect(canonicalise(text)).toBe(text);
    }
  });

  it('is idempotent', () => {
    const once = canonicalise('credited five hundred bucks and $1.5k, email jane dot doe at example dot com');
    expect(canonicalise(once)).toBe(once);
  });
});
