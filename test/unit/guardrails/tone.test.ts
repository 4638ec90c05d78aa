import { checkTone } from '../../../activities/guardrails/tone';

const codes = (reply: string) => checkTone({ reply }).map((f) => f.code);

describe('checkTone', () => {
  it('rejects "That\'s not our problem, calm down", naming both phrases', () => {
    const findings = checkTone({ reply: "That's not our problem, calm down." });
    expect(findings.map((f) => f.code)).toEqual(['hostile_tone', 'hostile_tone']);
    expect(findings.map((f) => f.detail).join(' ')).toMatch(/"That's not our problem".*"calm down"/);
  });

  it.each([
    'Only an idiot would miss the roaming alert.',
    'Obviously you did not read the terms.',
    'As I already said, the charge stands.',
    'Oh great, another roaming complaint.',
    'That’s your problem, not ours.',
    'It is your own fault for leaving data on.',
    'Deal with it.',
    'This is a bloody mess.',
  ])('rejects %s', (reply) => {
    expect(codes(reply)).toContain('hostile_tone');
  });

  it('accepts empathetic replies, including ones that acknowledge frustration', () => {
    expect(
      codes("I'm sorry for the trouble, Mia. I understand this charge is frustrating, and I'm happy to help."),
    ).toEqual([]);
  });

  it('warns, without failing, on shouting', () => {
    const findings = checkTone({ reply: 'PLEASE DO NOT CONTACT US AGAIN about this.' });
    expect(findings).toEqual([expect.objectContaining({ code: 'shouting', severity: 'warning' })]);
    expect(findings[0]!.detail).toContain('PLEASE DO NOT CONTACT US AGAIN');
    expect(codes('You can check usage in the app or ask ACMA or the TIO; your SIM and eSIM are fine.')).toEqual([]);
    expect(codes('This is NEVER allowed.')).toEqual(['shouting']);
  });
});
