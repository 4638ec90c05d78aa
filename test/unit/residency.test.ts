import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseConfig } from '../../config';

const root = join(__dirname, '..', '..');

describe('data residency (DATA_RESIDENCY=AU)', () => {
  it('refuses the direct Anthropic API and says what to set instead', () => {
    expect(() => parseConfig({ DATA_RESIDENCY: 'AU', MODEL_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'k' })).toThrow(
      /MODEL_PROVIDER: DATA_RESIDENCY=AU forbids the direct Anthropic API.*set MODEL_PROVIDER=bedrock with BEDROCK_REGION=ap-southeast-2/,
    );
  });

  it('refuses a Bedrock region outside the allowed list', () => {
    expect(() => parseConfig({ DATA_RESIDENCY: 'AU', MODEL_PROVIDER: 'bedrock', BEDROCK_REGION: 'us-east-1' })).toThrow(
      /BEDROCK_REGION: DATA_RESIDENCY=AU allows Bedrock only in ap-southeast-2, not us-east-1: set BEDROCK_REGION=ap-southeast-2/,
    );
  });

  it('refuses a cross-region inference profile that may leave Australia', () => {
    expect(() =>
      parseConfig({
        DATA_RESIDENCY: 'AU',
        MODEL_PROVIDER: 'bedrock',
        BEDROCK_FAST_MODEL_ID: 'global.anthropic.claude-haiku-4-5-20251001-v1:0',
      }),
    ).toThrow(/BEDROCK_FAST_MODEL_ID: DATA_RESIDENCY=AU forbids the "global\." inference profile/);
  });

  it('accepts Bedrock in Sydney with au. profiles, and a widened allow-list', () => {
    expect(parseConfig({ DATA_RESIDENCY: 'AU', MODEL_PROVIDER: 'bedrock' }).BEDROCK_REGION).toBe('ap-southeast-2');
    const melbourne = parseConfig({
      DATA_RESIDENCY: 'AU',
      MODEL_PROVIDER: 'bedrock',
      BEDROCK_REGION: 'ap-southeast-4',
      BEDROCK_ALLOWED_REGIONS: 'ap-southeast-2, ap-southeast-4',
    });
    expect(melbourne.BEDROCK_ALLOWED_REGIONS).toEqual(['ap-southeast-2', 'ap-southeast-4']);
  });

  it('does not restrict anything without DATA_RESIDENCY', () => {
    expect(parseConfig({ MODEL_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'k' }).MODEL_PROVIDER).toBe('anthropic');
  });

  it('requires an API key for the Anthropic provider', () => {
    expect(() => parseConfig({ MODEL_PROVIDER: 'anthropic' })).toThrow(
      /ANTHROPIC_API_KEY: required when MODEL_PROVIDER=anthropic/,
    );
  });

  it('stops the worker at start-up with the message and exit code 78, before connecting anywhere', () => {
    const run = spawnSync(process.execPath, [join(root, 'node_modules', '.bin', 'tsx'), 'workers/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DATA_RESIDENCY: 'AU',
        MODEL_PROVIDER: 'anthropic',
        ANTHROPIC_API_KEY: 'secret-key-123',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/forbids the direct Anthropic API/);
    expect(run.stderr + run.stdout).not.toMatch(/secret-key-123/);
  });
});
