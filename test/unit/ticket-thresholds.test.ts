import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ticketPolicyFromConfig } from '../../client/tickets';
import { parseConfig } from '../../config';
import {
  calibrationPath,
  defaultCalibrationsDir,
  loadCalibration,
  saveCalibration,
  type Calibration,
} from '../../config/calibration';
import { calibratedPromptIds, ticketThresholds } from '../../config/ticket-thresholds';
import { promptVersionsOf } from '../../activities/model/prompt-library';
import { decideRoute } from '../../domain/ticket-routing';

const HAIKU = 'claude-haiku-4-5-20251001';
/** The ticket prompts as served now: a calibration fitted with them holds. */
const current = promptVersionsOf(calibratedPromptIds);

const calibration = (over: Partial<Calibration> = {}): Calibration => ({
  provider: 'anthropic',
  model: HAIKU,
  sendThreshold: 0.8,
  reviewThreshold: 0.55,
  fit: {
    date: '2026-12-05',
    command: 'npm run eval -- --use-case tickets --provider anthropic --calibrate',
    dataset: '120 labelled tickets from ours.jsonl.',
    servedBy: 'api',
    n: 120,
    definition: 'an error is a ticket whose intent was not its label',
    send: { n: 80, share: 0.667, errors: 1, errorRate: 0.0125, targetError: 0.02, met: true },
    review: { n: 30, share: 0.25, errors: 2, errorRate: 0.067, targetError: 0.08, met: true },
    escalate: { n: 10, share: 0.083, errors: 5, errorRate: 0.5 },
    promptVersions: { ...current, 'fault/diagnose': 'abc' },
  },
  ...over,
});

describe('ticket routing thresholds', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'calibrations-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const anthropic = (env: Record<string, string> = {}) =>
    parseConfig({ MODEL_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'k', TICKET_CALIBRATIONS_DIR: dir, ...env });

  it('sends nothing automatically for a model with no calibration, and says why', () => {
    const policy = ticketPolicyFromConfig(anthropic());
    expect(policy.sendThreshold).toBe(1);
    expect(policy.reviewThreshold).toBe(0.6);
    expect(policy.sendOffReason).toMatch(`no calibration for anthropic/${HAIKU}`);
  });

  it('uses the calibration stored for the provider and fast model', () => {
    saveCalibration(dir, calibration());
    expect(ticketThresholds(anthropic(), HAIKU, current)).toEqual({
      source: 'calibration',
      sendThreshold: 0.8,
      reviewThreshold: 0.55,
    });
    const policy = ticketPolicyFromConfig(anthropic());
    expect(policy).toMatchObject({ sendThreshold: 0.8, reviewThreshold: 0.55 });
    expect(policy.sendOffReason).toBeUndefined();
    // Another model on the same provider is not calibrated by it.
    expect(ticketPolicyFromConfig(anthropic({ MODEL_FAST_ID: 'claude-haiku-9' })).sendThreshold).toBe(1);
  });

  it('counts a calibration fitted with other ticket prompts as none, naming the prompt that changed', () => {
    const fit = calibration().fit;
    saveCalibration(
      dir,
      calibration({ fit: { ...fit, promptVersions: { ...current, 'ticket/draft-reply': '0123456789ab' } } }),
    );
    const policy = ticketPolicyFromConfig(anthropic());
    expect(policy.sendThreshold).toBe(1);
    expect(policy.reviewThreshold).toBe(0.6);
    expect(policy.sendOffReason).toBe(
      `the calibration for anthropic/${HAIKU} was fitted with other prompts ` +
        `(ticket/draft-reply 0123456789ab, now ${current['ticket/draft-reply']}): calibrate again`,
    );
    // A calibration that recorded no version for a ticket prompt is as stale as one that recorded another.
    saveCalibration(
      dir,
      calibration({ fit: { ...fit, promptVersions: { 'ticket/draft-reply': current['ticket/draft-reply'] } } }),
    );
    expect(ticketPolicyFromConfig(anthropic()).sendOffReason).toMatch(/ticket\/classify-intent \(none\), now/);
    expect(ticketThresholds(anthropic(), HAIKU, current).source).toBe('uncalibrated');
    // The fixture's diagnose prompt differs from the current one: prompts routing does not read may change.
    saveCalibration(dir, calibration());
    expect(ticketThresholds(anthropic(), HAIKU, current).source).toBe('calibration');
    // The offline engine reads no prompt: its calibration follows its code, whatever the prompts say.
    const offline = parseConfig({ TICKET_CALIBRATIONS_DIR: defaultCalibrationsDir });
    const elsewhere = { 'ticket/classify-intent': 'x', 'ticket/draft-reply': 'y' };
    expect(ticketThresholds(offline, 'switchboard-offline-1', elsewhere).source).toBe('calibration');
  });

  it('keeps Bedrock ids with colons apart in their own files', () => {
    const model = 'au.anthropic.claude-haiku-4-5-20251001-v1:0';
    const path = saveCalibration(dir, calibration({ provider: 'bedrock', model }));
    expect(path).toBe(join(dir, 'bedrock', 'au.anthropic.claude-haiku-4-5-20251001-v1%3A0.json'));
    const bedrock = parseConfig({ MODEL_PROVIDER: 'bedrock', TICKET_CALIBRATIONS_DIR: dir });
    expect(ticketPolicyFromConfig(bedrock).sendThreshold).toBe(0.8);
  });

  it('keeps sending off when the calibration found no send threshold within its target', () => {
    saveCalibration(dir, calibration({ sendThreshold: 1, reviewThreshold: 0.9 }));
    expect(ticketPolicyFromConfig(anthropic()).sendOffReason).toMatch(/found no send threshold within 0.02/);
  });

  it('refuses a calibration file that fails the schema or names another model', () => {
    const path = calibrationPath(dir, 'anthropic', HAIKU);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ ...calibration(), sendThreshold: 1.2 }));
    expect(() => loadCalibration(dir, 'anthropic', HAIKU)).toThrow(/sendThreshold/);
    writeFileSync(path, JSON.stringify({ ...calibration(), reviewThreshold: 0.9 }));
    expect(() => loadCalibration(dir, 'anthropic', HAIKU)).toThrow(/reviewThreshold must not exceed sendThreshold/);
    writeFileSync(path, JSON.stringify(calibration({ model: 'claude-other' })));
    expect(() => loadCalibration(dir, 'anthropic', HAIKU)).toThrow(/fitted for anthropic\/claude-other/);
    writeFileSync(path, '{');
    expect(() => ticketPolicyFromConfig(anthropic())).toThrow(/not JSON/);
  });

  it('takes hand-set thresholds only with TICKET_THRESHOLDS=manual', () => {
    expect(() => anthropic({ TICKET_SEND_THRESHOLD: '0.7' })).toThrow(/TICKET_SEND_THRESHOLD: set by hand/);
    expect(() => anthropic({ TICKET_REVIEW_THRESHOLD: '0.5' })).toThrow(/TICKET_THRESHOLDS=manual/);
    saveCalibration(dir, calibration());
    const manual = anthropic({ TICKET_THRESHOLDS: 'manual', TICKET_SEND_THRESHOLD: '0.7' });
    expect(ticketPolicyFromConfig(manual)).toMatchObject({ sendThreshold: 0.7, reviewThreshold: 0.6 });
    expect(ticketPolicyFromConfig(anthropic({ TICKET_THRESHOLDS: 'manual' })).sendThreshold).toBe(0.85);
  });

  it('gives the offline engine its committed calibration, fitted by the eval command', () => {
    const committed = loadCalibration(defaultCalibrationsDir, 'offline', 'switchboard-offline-1');
    expect(committed).toMatchObject({ sendThreshold: 0.85, reviewThreshold: 0.6 });
    expect(committed!.fit.command).toMatch(/^npm run eval -- --use-case tickets --provider offline --calibrate/);
    expect(committed!.fit.servedBy).toBe('offline-engine');
    const policy = ticketPolicyFromConfig(parseConfig({}));
    expect(policy).toMatchObject({ sendThreshold: 0.85, reviewThreshold: 0.6 });
    expect(policy.sendOffReason).toBeUndefined();
    // The file is what saveCalibration writes: a fit run again produces a reviewable diff, nothing else.
    const path = calibrationPath(defaultCalibrationsDir, 'offline', 'switchboard-offline-1');
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(committed, null, 2)}\n`);
  });
});

describe('routing without a calibration', () => {
  const classification = {
    intent: 'roaming_charge_query',
    secondaryIntent: null,
    department: 'BILLING' as const,
    confidence: 0.95,
    reason: 'roaming',
    needsClarification: false,
  };
  const draft = { reply: 'ok', confidence: 0.95, escalationRequired: false, citedPassageIds: [], proposedActions: [] };
  const route = (policy: { sendThreshold: number; reviewThreshold: number; sendOffReason?: string }) =>
    decideRoute({ classification, stakes: 'normal', draft, findings: [], policy });

  it('reviews what it would have sent, and records why', () => {
    const off = route({ sendThreshold: 1, reviewThreshold: 0.6, sendOffReason: 'no calibration for anthropic/x' });
    expect(off.route).toBe('review');
    expect(off.reasons).toContain('automatic sending is off: no calibration for anthropic/x');
    const on = route({ sendThreshold: 0.85, reviewThreshold: 0.6 });
    expect(on.route).toBe('send');
    expect(on.reasons.join(' ')).not.toMatch(/automatic sending is off/);
  });
});
