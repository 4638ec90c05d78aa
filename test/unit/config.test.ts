import { ConfigError, parseConfig } from '../../config';
import { parseDuration } from '../../config/duration';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const config = parseConfig({});
    expect(config.TEMPORAL_ADDRESS).toBe('localhost:7233');
    expect(config.MODEL_PROVIDER).toBe('offline');
    expect(config.MODEL_FAST_ID).toBe('claude-haiku-4-5-20251001');
    expect(config.TICKET_SEND_THRESHOLD).toBe(0.85);
    expect(config.TICKET_REVIEW_THRESHOLD).toBe(0.6);
    expect(config.TICKET_REVIEW_DEADLINE).toBe(4 * 3_600_000);
    expect(config.WORKER_SHUTDOWN_GRACE).toBe(30_000);
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ TEMPORAL_ADDRESS: '' }).TEMPORAL_ADDRESS).toBe('localhost:7233');
  });

  it('names every bad variable in one clear error', () => {
    const attempt = () =>
      parseConfig({ DATABASE_URL: 'mysql://x', TICKET_SEND_THRESHOLD: '2', TICKET_REVIEW_DEADLINE: 'soon' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL/);
    expect(attempt).toThrow(/TICKET_SEND_THRESHOLD/);
    expect(attempt).toThrow(/TICKET_REVIEW_DEADLINE: "soon" is not a duration/);
  });

  it('rejects a review threshold above the send threshold', () => {
    expect(() => parseConfig({ TICKET_SEND_THRESHOLD: '0.5', TICKET_REVIEW_THRESHOLD: '0.7' })).toThrow(
      /TICKET_REVIEW_THRESHOLD must not exceed TICKET_SEND_THRESHOLD/,
    );
  });

  it('rejects a model provider it does not have', () => {
    expect(() => parseConfig({ MODEL_PROVIDER: 'gpt' })).toThrow(/MODEL_PROVIDER/);
  });
});

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['15m', 900_000],
    ['4h', 14_400_000],
    ['1d', 86_400_000],
    ['1500', 1_500],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
});
