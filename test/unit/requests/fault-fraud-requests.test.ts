import { diagnoseRequest } from '../../../activities/fault/diagnose-request';
import { collapseSyslog, expandSyslog } from '../../../activities/fault/syslog-collapse';
import { summariseRequest } from '../../../activities/fraud/summarise-request';
import { summariseFraudOffline } from '../../../activities/model/offline/summarise-fraud';
import { fraudPatternRules } from '../../../activities/model/rules/fraud-patterns';
import type { TelemetryBundle } from '../../../domain/fault/telemetry';
import type { FlaggedAccount } from '../../../domain/fraud/summary';
import { loadPromptSet } from '../../../workers/model-deps';
import { bodyOf, cachedPrefix, inputSchemaOf, occurrencesOutside, undescribed } from './build';

const { prompts } = loadPromptSet();

const flap = { severity: 'notice', text: '%BGP-5-ADJCHANGE: neighbor 10.0.0.2 Down ZQX-LOG' };
const telemetry = (device: string): TelemetryBundle => ({
  device: {
    id: device,
    site: 'SYD1',
    timeZone: 'Australia/Sydney',
    team: 'core',
    vendor: 'cisco',
    firmware: '7.1',
    role: 'pe',
  },
  alert: {
    alertId: `A-${device}`,
    deviceId: device,
    alertType: 'bgp_flapping',
    detectedAt: '2026-11-21T13:50:00Z',
    summary: 'BGP session flapping ZQX-ALERT',
  } as TelemetryBundle['alert'],
  syslog: Array.from({ length: 40 }, (_, i) => ({ at: `2026-11-21T13:${String(i).padStart(2, '0')}:00Z`, ...flap })),
  metrics: [],
  recentChanges: [],
  bgp: [],
  interfaces: [],
});

describe('diagnose_fault request', () => {
  const body = bodyOf(diagnoseRequest(prompts.diagnose, telemetry('rtr-1')));
  const user = body.messages[0]!.content;

  it('sends the alert once and repeated syslog lines as one counted line', () => {
    expect(user.split('ZQX-ALERT').length - 1).toBe(1);
    expect(user.split('ZQX-LOG').length - 1).toBe(1);
    expect(user).toContain('"count":40');
    expect(expandSyslog(collapseSyslog(telemetry('x').syslog))).toHaveLength(40);
  });

  it('keeps network text inside its tags, states the field limits, and sizes max_tokens for them', () => {
    expect(occurrencesOutside(body, 'ZQX-LOG', 'telemetry')).toBe(0);
    expect(body.system[0]!.text).toMatch(/at most 1,000 characters each/);
    expect(body.max_tokens).toBeGreaterThanOrEqual(700);
    expect(undescribed(inputSchemaOf(body))).toEqual([]);
  });

  it('caches the same prefix for two alerts and matches the reviewed snapshot', () => {
    expect(cachedPrefix(bodyOf(diagnoseRequest(prompts.diagnose, telemetry('rtr-2'))))).toBe(cachedPrefix(body));
    expect(body).toMatchSnapshot();
  });
});

const account = (id: string, patterns: string[]): FlaggedAccount => ({
  accountId: id,
  patterns,
  evidence: { sim_swap: { window_hours: 6, calls_after_sim_change: 14, charged: 212.5, note: 'ZQX-EVIDENCE' } },
  planType: 'prepaid',
});

describe('summarise_fraud request', () => {
  const body = bodyOf(summariseRequest(prompts.summariseFraud, account('F-1', ['sim_swap'])));
  const system = body.system[0]!.text;

  it('renders every pattern definition, its actions and the risk rule from the table the engine uses', () => {
    for (const rule of fraudPatternRules) {
      expect(system).toContain(`${rule.pattern} | ${rule.definition} | ${rule.actions.join(', ')}`);
    }
    expect(system).toMatch(/riskLevel is high when any pattern is marked high risk/);
  });

  it('keeps the evidence inside its tag, describes every field, caches one prefix, matches the snapshot', () => {
    expect(occurrencesOutside(body, 'ZQX-EVIDENCE', 'flagged_account')).toBe(0);
    expect(undescribed(inputSchemaOf(body))).toEqual([]);
    const other = bodyOf(summariseRequest(prompts.summariseFraud, account('F-2', ['irsf', 'slow_bleed'])));
    expect(cachedPrefix(other)).toBe(cachedPrefix(body));
    expect(body).toMatchSnapshot();
  });

  it('the offline engine answers with the actions and risk the prompt states, pattern by pattern', () => {
    for (const rule of fraudPatternRules) {
      const summary = summariseFraudOffline({ account: { ...account('F', [rule.pattern]), evidence: {} } });
      expect(summary.recommendedActions).toEqual(rule.actions);
      expect(summary.riskLevel).toBe(rule.highRisk ? 'high' : 'medium');
    }
  });
});
