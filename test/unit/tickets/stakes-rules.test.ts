import { stakesFromMessages, type StakesCategory } from '../../../domain/stakes-rules';
import { isVague, settleClassification } from '../../../activities/ticket/settle';
import type { TaxonomyIntent } from '../../../domain/taxonomy';
import type { Classification } from '../../../domain/ticket';

const raised: Array<[StakesCategory, string]> = [
  ['closure', 'Please cancel my nbn service from the 30th'],
  ['closure', 'I want to close my account'],
  ['closure', 'disconnect my landline please'],
  ['closure', 'kill the sim in my old phone'],
  ['port_out', "I'm porting my number to Optus"],
  ['port_out', 'how do i get my port-out code'],
  ['port_out', 'switching to a different provider next week'],
  ['fraud', 'someone has logged in to my account and changed the email'],
  ['fraud', 'my SIM was swapped without my permission'],
  ['fraud', 'I think this is a scam'],
  ['legal_threat', "fix this or I'm getting my lawyer onto it"],
  ['legal_threat', "I'll see you in court"],
  ['ombudsman', "I'm going to the TIO"],
  ['ombudsman', 'the telecommunications industry ombudsman will hear about this'],
  ['hardship', "I lost my job and can't pay the bill"],
  ['hardship', "I'm on Centrelink and doing it tough"],
  ['vulnerability', 'I rely on a medical alarm connected to this line'],
  ['vulnerability', "I'm scared of my ex, he keeps reading my messages"],
  ['self_harm', "I can't go on like this"],
  ['self_harm', "I don't know if I'll still be here next month"],
  ['third_party', "I'm her lawyer, send me the billing history"],
  ['third_party', 'I need the call records for 0412 345 678 for a police investigation'],
  ['third_party', "what's my husband's password, I need to check his calls"],
  ['third_party', 'I have power of attorney for my father'],
  ['third_party', "my mum passed away and I'm the executor"],
  ['third_party', "I'm calling for my brother about his data"],
];

describe('stakes rules on the customer’s own words', () => {
  it.each(raised)('%s: "%s"', (category, message) => {
    const reading = stakesFromMessages([message]);
    expect(reading.stakes).toBe('high');
    expect(reading.categories).toContain(category);
  });

  it('reads full-width letters and curly apostrophes like plain ones', () => {
    expect(stakesFromMessages(['ｃａｎｃｅｌ my plan']).categories).toContain('closure');
    expect(stakesFromMessages(['I can’t afford this bill']).categories).toContain('hardship');
  });

  it('reads a clarifying answer too', () => {
    expect(stakesFromMessages(['something is wrong', 'I want to cancel everything']).stakes).toBe('high');
  });

  it.each([
    'how much data have I got left?',
    'my internet keeps disconnecting in the evenings',
    'the technician cancelled the appointment, can I rebook?',
    'Why was I charged $45 for international roaming in Thailand?',
    'Can I export my usage history to CSV?',
    "I want a 50% discount on my plan or I'm leaving.",
    "I've been charged twice for my subscription this month. Can I get a refund?",
    'can you look into why my bill went up',
  ])('leaves an ordinary message at normal stakes: "%s"', (message) => {
    expect(stakesFromMessages([message])).toEqual({ stakes: 'normal', categories: [] });
  });
});

const intent = (stakes: 'normal' | 'high'): TaxonomyIntent => ({
  id: 'check_usage',
  department: 'BILLING',
  stakes,
  clarify: false,
  description: '',
});
const unclear: TaxonomyIntent = { ...intent('normal'), id: 'unclear_issue', department: 'OTHER', clarify: true };
const model: Classification = {
  intent: 'check_usage',
  secondaryIntent: null,
  department: 'OTHER',
  confidence: 0.99,
  reason: 'scripted',
  needsClarification: false,
};

describe('settleClassification', () => {
  it('raises a harmless intent to high stakes when the message is a closure, and says why', () => {
    const settled = settleClassification(model, intent('normal'), ['please cancel my service']);
    expect(settled.stakes).toBe('high');
    expect(settled.stakesRaisedBy).toEqual(['closure']);
    expect(settled.classification.reason).toMatch(/raises stakes: closure/);
    expect(settled.classification.department).toBe('BILLING');
  });

  it('never lowers the stakes of a high-stakes intent', () => {
    expect(settleClassification(model, intent('high'), ['how much data is left']).stakes).toBe('high');
  });

  it.each(['hi, problem with my service', 'not working', 'help!!', "it's broken again", 'something is wrong'])(
    'asks the clarifying question for "%s", even when the model was sure',
    (message) => {
      expect(isVague(message)).toBe(true);
      // Even a high-stakes label: nothing in the words supports it, and the answer is read again.
      const settled = settleClassification(model, intent('high'), [message], unclear);
      expect(settled.clarify).toBe(true);
      expect(settled.stakes).toBe('normal');
      expect(settled.classification).toMatchObject({ intent: 'unclear_issue', needsClarification: true });
    },
  );

  it.each(['internet not working', 'my nbn is down', 'cant get into the app', 'pay bill pls'])(
    'does not call "%s" vague',
    (message) => expect(isVague(message)).toBe(false),
  );

  it('never asks a second time', () => {
    const again = settleClassification(model, intent('normal'), ['not working', 'still not working'], unclear);
    expect(again.clarify).toBe(false);
  });
});
