import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ticketPolicyFromConfig } from '../../client';
import { loadCalibration } from '../../config/calibration';
import { apiHarness, roamingTicket, type ApiHarness } from './model-api-support';
import { outboxFor, uniqueTicketId } from './support';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const HAIKU = 'claude-haiku-4-5-20251001';

/**
 * Issue 16: a model's stated confidence sends nothing by itself until it has been measured. The worker runs the real
 * Anthropic SDK against the loopback emulator (answered by the offline engine), routed as calibrated configuration
 * says, with no calibration stored for Haiku until `npm run eval -- --calibrate` runs against the emulator.
 */
describe('calibrated routing thresholds', () => {
  const calibrations = mkdtempSync(join(tmpdir(), 'calibrations-'));
  const reports = mkdtempSync(join(tmpdir(), 'calibration-reports-'));
  let harness: ApiHarness;
  beforeAll(async () => {
    harness = await apiHarness('anthropic', {
      TICKET_THRESHOLDS: 'calibrated',
      TICKET_CALIBRATIONS_DIR: calibrations,
      // Nobody answers the review here: it ends at once, with the route and its reasons recorded.
      TICKET_REVIEW_DEADLINE: '1s',
    });
  });
  afterAll(async () => {
    await harness.close();
    rmSync(calibrations, { recursive: true, force: true });
    rmSync(reports, { recursive: true, force: true });
  });

  it('sends to review a ticket the offline engine sends, while no calibration exists for the model', async () => {
    const ticketId = uniqueTicketId('UNCAL');
    await harness.tickets.start(roamingTicket(ticketId));
    const result = await harness.tickets.result(ticketId);
    expect(result.intent).toBe('roaming_charge_query');
    expect(Math.min(result.confidence, result.replyConfidence!)).toBeGreaterThan(0.85);
    expect(result.route).toBe('review');
    expect(result.routeReasons).toContain(
      `automatic sending is off: no calibration for anthropic/${HAIKU} (npm run eval -- --use-case tickets --calibrate)`,
    );
    expect((await outboxFor(harness.pool, ticketId)).filter((m) => m.author === 'switchboard')).toEqual([]);
  });

  it('sends it once `npm run eval -- --calibrate` has fitted the thresholds against the emulator', async () => {
    const args = ['--use-case', 'tickets', '--provider', 'anthropic', '--emulator', '--calibrate'];
    const where = ['--calibrations-dir', calibrations, '--no-store', '--reports-dir', reports];
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'eval/main.ts', ...args, ...where], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: harness.config.DATABASE_URL },
      timeout: 120_000,
    });
    expect(stdout).toContain(`calibration for anthropic/${HAIKU} on `);

    const calibration = loadCalibration(calibrations, 'anthropic', HAIKU);
    expect(calibration).not.toBeNull();
    expect(calibration!.fit).toMatchObject({
      servedBy: 'emulator',
      command: `npm run eval -- ${args.join(' ')} --calibrations-dir ${calibrations}`,
    });
    expect(calibration!.fit.send.met).toBe(true);
    expect(calibration!.fit.send.errorRate!).toBeLessThanOrEqual(0.02);

    // The client reads calibrations when it builds its policy (at start-up); this is the policy it builds now.
    const policy = ticketPolicyFromConfig(harness.config);
    expect(policy).toMatchObject({ sendThreshold: calibration!.sendThreshold });
    expect(policy.sendOffReason).toBeUndefined();
    const ticketId = uniqueTicketId('CAL');
    await harness.tickets.start(roamingTicket(ticketId), policy);
    const result = await harness.tickets.result(ticketId);
    expect(result.route).toBe('send');
    expect(result.outcome).toBe('replied');
    expect(result.routeReasons.join(' ')).not.toMatch(/automatic sending is off/);
    expect((await outboxFor(harness.pool, ticketId)).filter((m) => m.kind === 'reply')).toHaveLength(1);
  }, 150_000);
});
