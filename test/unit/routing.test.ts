import type { Classification, Draft, Finding } from '../../domain/ticket';
import { decideRoute, type RouteInput } from '../../domain/ticket-routing';

const policy = { sendThreshold: 0.85, reviewThreshold: 0.6 };
const classification = (confidence: number, extra: Partial<Classification> = {}): Classification => ({
  intent: 'roaming_charge_query',
  secondaryIntent: null,
  department: 'BILLING',
  confidence,
  reason: '',
  needsClarification: false,
  ...extra,
});
const draft = (confidence: number, extra: Partial<Draft> = {}): Draft => ({
  reply: 'ok',
  confidence,
  escalationRequired: false,
  citedPassageIds: [],
  proposedActions: [],
  ...extra,
});
const input = (over: Partial<RouteInput>): RouteInput => ({
  classification: classification(0.95),
  stakes: 'normal',
  draft: draft(0.95),
  findings: [],
  policy,
  ...over,
});
const error: Finding = { code: 'ungrounded_amount', severity: 'error', detail: '$55' };
const warning: Finding = { code: 'shouting', severity: 'warning', detail: 'CAPS' };

describe('decideRoute', () => {
  it.each([
    [0.95, 'send'],
    [0.86, 'send'],
    [0.85, 'review'], // "above 0.85" sends; 0.85 itself is reviewed
    [0.6, 'review'],
    [0.59, 'escalate'],
    [0.1, 'escalate'],
  ])('confidence %p routes to %p', (confidence, route) => {
    expect(decideRoute(input({ draft: draft(confidence) })).route).toBe(route);
  });

  it('uses the lower of classification and draft confidence', () => {
    expect(decideRoute(input({ classification: classification(0.7), draft: draft(0.99) })).route).toBe('review');
  });

  it('reviews a confident reply that failed a guardrail, but not one with only warnings', () => {
    expect(decideRoute(input({ findings: [error] })).route).toBe('review');
    expect(decideRoute(input({ findings: [warning] })).route).toBe('send');
  });

  it('escalates high stakes, missing drafts and model-requested escalations', () => {
    expect(decideRoute(input({ stakes: 'high' })).route).toBe('escalate');
    expect(decideRoute(input({ draft: null })).route).toBe('escalate');
    expect(decideRoute(input({ draft: draft(0.99, { escalationRequired: true }) })).route).toBe('escalate');
  });

  it('reviews a message with a second request from another department', () => {
    const c = classification(0.95, { secondaryIntent: 'slow_internet' });
    expect(decideRoute(input({ classification: c })).route).toBe('review');
  });

  it('never routes less safely than the model asked, whatever the rules', () => {
    const order = { send: 0, review: 1, escalate: 2 };
    for (const confidence of [0.2, 0.6, 0.7, 0.9, 0.99]) {
      for (const stakes of ['normal', 'high'] as const) {
        for (const findings of [[], [error], [warning]]) {
          for (const escalationRequired of [false, true]) {
            const decision = decideRoute(input({ stakes, findings, draft: draft(confidence, { escalationRequired }) }));
            expect(order[decision.route]).toBeGreaterThanOrEqual(order[decision.modelRoute]);
          }
        }
      }
    }
  });
});
