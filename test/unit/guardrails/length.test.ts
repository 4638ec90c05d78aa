import { checkLength, MAX_WORDS, words } from '../../../activities/guardrails/length';

const reply = (n: number) => Array.from({ length: n }, (_, i) => `word${i + 1}`).join(' ');

describe('checkLength', () => {
  it('allows exactly 150 words', () => {
    expect(MAX_WORDS).toBe(150);
    expect(checkLength({ reply: reply(150) })).toEqual([]);
  });

  it('rejects 151 words and names where the excess starts', () => {
    expect(checkLength({ reply: reply(151) })).toEqual([
      { code: 'too_long', severity: 'error', detail: expect.stringMatching(/151 words.*"word151"/) },
    ]);
  });

  it('does not count stray punctuation as words', () => {
    expect(words('Hi Mia — your $45 charge: 500 MB × $0.09 .')).toHaveLength(8);
  });
});
