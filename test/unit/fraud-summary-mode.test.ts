import { ConfigError, parseConfig } from '../../config';
import { fraudSweepSettings } from '../../workers/schedules';

describe('FRAUD_SUMMARY_MODE and FRAUD_BATCH_POLL_INTERVAL', () => {
  it('default to synchronous summaries, and leave the scheduled sweep input empty as before batch mode', () => {
    const config = parseConfig({});
    expect(config.FRAUD_SUMMARY_MODE).toBe('sync');
    expect(config.FRAUD_BATCH_POLL_INTERVAL).toBe(5 * 60_000);
    expect(fraudSweepSettings(config)).toEqual({});
  });

  it('put batch mode and its poll interval into the scheduled sweep input', () => {
    const config = parseConfig({ FRAUD_SUMMARY_MODE: 'batch', FRAUD_BATCH_POLL_INTERVAL: '10m' });
    expect(fraudSweepSettings(config)).toEqual({ summaryMode: 'batch', batchPollIntervalMs: 600_000 });
  });

  it('refuse a mode it does not have and a poll interval under a second', () => {
    expect(() => parseConfig({ FRAUD_SUMMARY_MODE: 'async' })).toThrow(/FRAUD_SUMMARY_MODE/);
    const attempt = () => parseConfig({ FRAUD_BATCH_POLL_INTERVAL: '500ms' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/FRAUD_BATCH_POLL_INTERVAL: at least 1s/);
  });
});
