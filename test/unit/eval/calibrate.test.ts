import { calibrationSchema, defaultCalibrationsDir } from '../../../config/calibration';
import { calibrationOf, calibrationPoints, describeCalibration } from '../../../eval/calibrate';
import { evalOptionsSchema } from '../../../eval/options';
import type { TicketOutcome } from '../../../activities/evaluation/outcomes';

const outcome = (
  id: string,
  predicted: TicketOutcome['predicted'],
  expected: TicketOutcome['expected'] = { intent: 'roaming_charge_query' },
  error?: string,
): TicketOutcome => ({
  id,
  tags: [],
  stage: predicted.replyConfidence === undefined ? 'classify' : 'full',
  expected,
  predicted,
  calls: [],
  latencyMs: 1,
  ...(error ? { error } : {}),
});

describe('calibrating on a tickets evaluation', () => {
  it("compares the confidence routing compares: the lower of the classification's and the draft's", () => {
    const points = calibrationPoints([
      outcome('drafted', { intent: 'roaming_charge_query', confidence: 0.9, replyConfidence: 0.7 }),
      outcome('classified', { intent: 'data_export', confidence: 0.8 }),
      outcome('no-draft', { intent: 'roaming_charge_query', confidence: 0.95, replyConfidence: null }),
      outcome('unlabelled', { intent: 'data_export', confidence: 0.99 }, { route: 'send' }),
      outcome('failed', { intent: 'data_export', confidence: 0.99 }, undefined, 'account not found'),
    ]);
    expect(points).toEqual([
      { confidence: 0.7, correct: true },
      { confidence: 0.8, correct: false },
      { confidence: 0.95, correct: true },
    ]);
  });

  it('stores a calibration the loader accepts, with the fit that produced it', () => {
    const right = Array.from({ length: 30 }, (_, i) =>
      outcome(`r${i}`, { intent: 'roaming_charge_query', confidence: 0.9, replyConfidence: 0.92 }),
    );
    const wrong = Array.from({ length: 6 }, (_, i) => outcome(`w${i}`, { intent: 'data_export', confidence: 0.5 }));
    const calibration = calibrationOf({
      run: { provider: 'anthropic', model: 'claude-haiku-4-5-20251001', promptVersions: { 'ticket/draft-reply': 'x' } },
      outcomes: [...right, ...wrong],
      targets: { sendError: 0.02, reviewError: 0.08 },
      dataset: '36 labelled tickets from ours.jsonl.',
      servedBy: 'emulator',
      command: 'npm run eval -- --use-case tickets --provider anthropic --emulator --calibrate --calibrations-dir x',
      date: new Date('2026-12-05T13:00:00Z'),
    });
    expect(calibrationSchema.parse(calibration)).toEqual(calibration);
    expect(calibration).toMatchObject({ provider: 'anthropic', sendThreshold: 0.5, reviewThreshold: 0.5 });
    expect(calibration.fit).toMatchObject({ date: '2026-12-05', n: 36, servedBy: 'emulator' });
    expect(calibration.fit.send).toMatchObject({ n: 30, errors: 0, met: true });
    expect(describeCalibration(calibration, '/tmp/c.json')[1]).toMatch(/send above 0.5: 83.3% of tickets, error 0.0%/);
  });

  it('refuses to fit on nothing', () => {
    const none = { run: { provider: 'offline', model: 'm', promptVersions: {} }, outcomes: [] };
    expect(() =>
      calibrationOf({
        ...none,
        targets: { sendError: 0.02, reviewError: 0.08 },
        dataset: 'd',
        servedBy: 'api',
        command: 'c',
        date: new Date(),
      }),
    ).toThrow(/nothing to calibrate on/);
  });
});

describe('--calibrate on the command line', () => {
  // The options' zod schema decides what is valid (commander only splits the words).
  const parse = (options: Record<string, unknown>) => evalOptionsSchema.safeParse({ useCase: 'tickets', ...options });
  const problems = (options: Record<string, unknown>) =>
    parse(options)
      .error?.issues.map((i) => i.message)
      .join('; ') ?? '';

  it('takes the send target from --target-error and the review target from its own option', () => {
    const options = parse({ calibrate: true, targetError: '0.01', reviewTargetError: '0.1' });
    expect(options.data).toMatchObject({ calibrate: true, targetError: [0.01], reviewTargetError: 0.1 });
    expect(parse({ calibrate: true }).data?.reviewTargetError).toBe(0.08);
  });

  it('never lets an emulated fit land where production reads calibrations', () => {
    const emulated = { provider: 'anthropic', emulator: true, calibrate: true };
    expect(problems(emulated)).toMatch(/--calibrate with --emulator needs another --calibrations-dir/);
    expect(parse({ ...emulated, calibrationsDir: '/tmp/c' }).success).toBe(true);
    expect(problems({ ...emulated, calibrationsDir: defaultCalibrationsDir })).toMatch(/needs another/);
    expect(problems({ emulator: true })).toMatch(/--emulator needs --provider anthropic or bedrock/);
    expect(problems({ calibrate: true, vs: 'concise' })).toMatch(/--calibrate fits one model/);
    expect(problems({ calibrate: true, limit: '10' })).toMatch(/--calibrate fits on every labelled ticket/);
  });
});
