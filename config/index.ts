import { z } from 'zod';
import { durationSchema } from './duration';
import { modelPriceSchema } from './prices';
import { checkResidency } from './residency';
import { strongModelTriggers } from '../domain/ticket';
import { ConfigError } from './errors';
import { mapLegacyTemporalEnv, temporalEnvShape, type TemporalEnvName } from './temporal-env';
import { resolveTemporalSettings, type Issue, type TemporalSettings } from './temporal-connection';
import { tracingEnvShape } from './tracing';

export { ConfigError } from './errors';

const probability = z.coerce.number().min(0).max(1);
const commaList = z.string().transform((text) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);
const priceOverrides = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'MODEL_PRICES must be JSON: {"model-id": {"inputPerMTok": 1, ...}}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), modelPriceSchema));

const codecKeyList = z.string().transform((text, ctx) => {
  const keys: { id: string; key: string }[] = [];
  for (const entry of text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [id, key] = entry.split(':');
    if (!id || !key || !/^[A-Za-z0-9_.-]+$/.test(id) || Buffer.from(key, 'base64').length !== 32) {
      ctx.addIssue({
        code: 'custom',
        message: 'each entry must be keyId:<32 bytes in base64> (openssl rand -base64 32)',
      });
      return z.NEVER;
    }
    keys.push({ id, key });
  }
  return keys;
});

/** Every environment variable Switchboard reads. The README's configuration table mirrors this schema. */
export const configSchema = z
  .object({
    /** Temporal's standard connection variables and profiles (config/temporal-env.ts), resolved in parseConfig. */
    ...temporalEnvShape,
    TEMPORAL_TASK_QUEUE: z.string().default('switchboard'),
    TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
    ...tracingEnvShape,
    /** "keyId:base64-32-bytes,..." — every key that may still decrypt history; the active one encrypts. */
    PAYLOAD_CODEC_KEYS: codecKeyList.optional(),
    PAYLOAD_CODEC_ACTIVE_KEY: z.string().optional(),
    /** Off only for local experiments: customer data then sits in Temporal history in clear. */
    PAYLOAD_ENCRYPTION: z.enum(['on', 'off']).default('on'),
    AUDIT_SAMPLE_RATE: probability.default(0.05),
    AUDIT_RETENTION: durationSchema.default(7 * 365 * 86_400_000),
    /** The audit chain's HMAC key, held outside PostgreSQL: base64, at least 32 bytes. Same as AUDIT_CHAIN_KEYS=main:<key>. */
    AUDIT_CHAIN_KEY: z
      .string()
      .refine((key) => Buffer.from(key, 'base64').length >= 32, 'at least 32 bytes in base64 (openssl rand -base64 32)')
      .optional(),
    /** "keyId:base64,..." for rotation: every key old rows were written with; the active one signs new rows. */
    AUDIT_CHAIN_KEYS: z
      .string()
      .transform((text, ctx) =>
        text
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean)
          .map((entry) => {
            const [id = '', key = ''] = entry.split(':');
            if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id) || Buffer.from(key, 'base64').length < 32) {
              ctx.addIssue({ code: 'custom', message: 'each entry must be keyId:<at least 32 bytes in base64>' });
            }
            return { id, key };
          }),
      )
      .optional(),
    AUDIT_CHAIN_ACTIVE_KEY: z.string().optional(),
    /** Names this chain's anchors in Temporal, so two deployments (or test runs) sharing a namespace never mix. */
    AUDIT_CHAIN_ID: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/)
      .default('switchboard'),
    AUDIT_ANCHOR_SCHEDULE: z.enum(['on', 'off']).default('on'),
    AUDIT_ANCHOR_INTERVAL: durationSchema.default(3_600_000),
    /** The API's Ed25519 issuer key (PEM): it signs decisions for the identity each API key authenticates. */
    DECISION_ISSUER_KEY_PATH: z.string().min(1).optional(),
    API_HOST: z.string().default('127.0.0.1'),
    API_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    CODEC_SERVER_HOST: z.string().default('127.0.0.1'),
    CODEC_SERVER_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
    /** The Web UI origin allowed to call the codec server; defaults to TEMPORAL_UI_URL's origin. */
    CODEC_CORS_ORIGIN: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    MODEL_PROVIDER: z.enum(['offline', 'anthropic', 'bedrock']).default('offline'),
    MODEL_FAST_ID: z.string().default('claude-haiku-4-5-20251001'),
    MODEL_STRONG_ID: z.string().default('claude-sonnet-5-5'),
    ANTHROPIC_API_KEY: z.string().min(1).optional(),
    ANTHROPIC_BASE_URL: z.url().optional(),
    BEDROCK_REGION: z.string().default('ap-southeast-2'),
    BEDROCK_ENDPOINT: z.url().optional(),
    BEDROCK_FAST_MODEL_ID: z.string().default('au.anthropic.claude-haiku-4-5-20251001-v1:0'),
    BEDROCK_STRONG_MODEL_ID: z.string().default('au.anthropic.claude-sonnet-5-5'),
    /** The SDK's HTTP timeout; the activity's start-to-close timeout (MODEL_CALL_TIMEOUT) must be longer. */
    MODEL_REQUEST_TIMEOUT: durationSchema.default(25_000),
    MODEL_CALL_TIMEOUT: durationSchema.default(30_000),
    DATA_RESIDENCY: z.enum(['none', 'AU']).default('none'),
    BEDROCK_ALLOWED_REGIONS: commaList.default(['ap-southeast-2']),
    MODEL_PRICES: priceOverrides.optional(),
    TICKET_STRONG_MODEL_ON: commaList.pipe(z.array(z.enum(strongModelTriggers))).default([]),
    TICKET_STRONG_MODEL_BELOW: probability.default(0.85),
    OFFLINE_LATENCY: durationSchema.default(0),
    KNOWLEDGE_TOP_K: z.coerce.number().int().min(1).max(10).default(4),
    /**
     * calibrated: routing thresholds from the calibration file of the configured provider and fast model (none: nothing
     * is sent automatically); manual: TICKET_SEND_THRESHOLD and TICKET_REVIEW_THRESHOLD, set by the operator.
     */
    TICKET_THRESHOLDS: z.enum(['calibrated', 'manual']).default('calibrated'),
    /** Where calibrations are read from; config/calibrations when unset. */
    TICKET_CALIBRATIONS_DIR: z.string().min(1).optional(),
    TICKET_SEND_THRESHOLD: probability.default(0.85),
    TICKET_REVIEW_THRESHOLD: probability.default(0.6),
    TICKET_REVIEW_DEADLINE: durationSchema.default(4 * 3_600_000),
    TICKET_CLARIFICATION_TIMEOUT: durationSchema.default(24 * 3_600_000),
    FAULT_REMINDER_INTERVAL: durationSchema.default(15 * 60_000),
    FAULT_TIER_DEADLINE: durationSchema.default(30 * 60_000),
    FAULT_FINAL_DEADLINE: durationSchema.default(2 * 3_600_000),
    FAULT_SETTLE_TIME: durationSchema.default(60_000),
    /** Overriding the maintenance window needs this many distinct emergency approvers, or one of this tier or above. */
    FAULT_EMERGENCY_APPROVERS: z.coerce.number().int().min(1).max(5).default(2),
    FAULT_EMERGENCY_MIN_TIER: z.coerce.number().int().min(1).default(2),
    REPORTS_DIR: z.string().default('reports'),
    ACMA_SCHEDULE: z.enum(['on', 'off']).default('on'),
    FRAUD_SCHEDULE: z.enum(['on', 'off']).default('on'),
    /**
     * How the scheduled fraud sweep summarises flagged accounts. sync: one model call per account; batch: the
     * provider's Message Batches API (MODEL_PROVIDER=anthropic or offline), half price, answered within 24 hours.
     */
    FRAUD_SUMMARY_MODE: z.enum(['sync', 'batch']).default('sync'),
    /** Batch mode's wait between status checks of the provider batch: a durable workflow timer. */
    FRAUD_BATCH_POLL_INTERVAL: durationSchema.pipe(z.number().min(1_000, 'at least 1s')).default(5 * 60_000),
    FAIRNESS_SCHEDULE: z.enum(['on', 'off']).default('on'),
    WORKER_SHUTDOWN_GRACE: durationSchema.default(30_000),
    WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(50),
    /** Open workflows kept in memory; evicted ones replay from history on their next task. Unset: the SDK's heap-based default. */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).optional(),
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).optional(),
    /** A prebuilt workflow bundle (bundleWorkflowCode) so a worker skips bundling at start-up. */
    WORKFLOW_BUNDLE_PATH: z.string().optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** ip:port for the worker's Prometheus endpoint (/metrics): the SDK's metrics and Switchboard's. Unset: none. */
    WORKER_METRICS_ADDRESS: z
      .string()
      // An IP, not a host name: Core binds a socket address and would fail at start-up on a name.
      .regex(/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/, 'ip:port, e.g. 0.0.0.0:9464 or [::]:9464')
      .optional(),
  })
  .refine((c) => c.TICKET_REVIEW_THRESHOLD <= c.TICKET_SEND_THRESHOLD, {
    message: 'TICKET_REVIEW_THRESHOLD must not exceed TICKET_SEND_THRESHOLD',
    path: ['TICKET_REVIEW_THRESHOLD'],
  })
  .refine((c) => c.MODEL_CALL_TIMEOUT > c.MODEL_REQUEST_TIMEOUT, {
    message: 'MODEL_CALL_TIMEOUT must be longer than MODEL_REQUEST_TIMEOUT, or Temporal gives up before the SDK does',
    path: ['MODEL_CALL_TIMEOUT'],
  })
  .refine((c) => c.MODEL_PROVIDER !== 'anthropic' || c.ANTHROPIC_API_KEY !== undefined, {
    message: 'required when MODEL_PROVIDER=anthropic',
    path: ['ANTHROPIC_API_KEY'],
  })
  .refine(
    (c) => !c.PAYLOAD_CODEC_ACTIVE_KEY || c.PAYLOAD_CODEC_KEYS?.some((k) => k.id === c.PAYLOAD_CODEC_ACTIVE_KEY),
    {
      message: 'must name one of the ids in PAYLOAD_CODEC_KEYS',
      path: ['PAYLOAD_CODEC_ACTIVE_KEY'],
    },
  )
  .superRefine((c, ctx) => {
    for (const problem of checkResidency(c))
      ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.path] });
  });
/** The raw Temporal variables are replaced by what they resolve to, merged with the profile file. */
export type Config = Omit<z.infer<typeof configSchema>, TemporalEnvName> & TemporalSettings;

const warned = new Set<string>();
/** Once per process and message: Node prints it to stderr, and --no-deprecation silences it. */
function warnDeprecated(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  process.emitWarning(message, { type: 'DeprecationWarning', code: 'SWITCHBOARD_TEMPORAL_ENV' });
}

function configError(issues: Array<{ path: PropertyKey[] | string; message: string }>): ConfigError {
  const lines = issues.map(({ path, message }) => {
    const name = typeof path === 'string' ? path : path.map(String).join('.');
    return `  ${name || '(config)'}: ${message}`;
  });
  return new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/**
 * Parses the environment once. Empty strings count as unset so `FOO=` in a .env file means "use the default".
 * The Temporal connection is resolved here too, from the standard variables over the temporal.toml profile (which
 * `env` locates through TEMPORAL_CONFIG_FILE, or HOME and XDG_CONFIG_HOME), and its certificate files are read.
 */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
  // Switchboard's pre-standard Temporal names, accepted for this release with a deprecation warning.
  const legacy = mapLegacyTemporalEnv(cleaned);
  legacy.deprecations.forEach(warnDeprecated);
  const result = configSchema.safeParse(legacy.env);
  const issues = [
    ...legacy.conflicts,
    ...(result.success ? [] : result.error.issues),
    ...manualThresholdIssues(cleaned),
  ];
  if (!result.success || issues.length) throw configError(issues);
  // envconfig reads only "true" and "1" as true: hand it the normalised spelling.
  const tls = result.data.TEMPORAL_TLS;
  const temporalIssues: Issue[] = [];
  const temporal = resolveTemporalSettings(tls ? { ...legacy.env, TEMPORAL_TLS: tls } : legacy.env, temporalIssues);
  if (!temporal) throw configError(temporalIssues);
  const rest: Record<string, unknown> = { ...result.data };
  for (const name of Object.keys(temporalEnvShape)) delete rest[name];
  return { ...(rest as Omit<z.infer<typeof configSchema>, TemporalEnvName>), ...temporal };
}

/**
 * Hand-set thresholds replace a calibration only when the operator says so: a threshold left in an old .env file
 * must not silently switch automatic sending back on for a model nobody has measured. Checked on the raw
 * environment, because after parsing a default cannot be told from a value someone set.
 */
function manualThresholdIssues(env: Record<string, string | undefined>): Array<{ path: string[]; message: string }> {
  if (env.TICKET_THRESHOLDS === 'manual') return [];
  return ['TICKET_SEND_THRESHOLD', 'TICKET_REVIEW_THRESHOLD']
    .filter((name) => env[name] !== undefined)
    .map((name) => ({
      path: [name],
      message: 'set by hand, so also set TICKET_THRESHOLDS=manual; otherwise thresholds come from the calibration',
    }));
}

/** For entry points: print the problem and exit instead of a stack trace. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

export function requireDatabaseUrl(config: Config): string {
  if (!config.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  DATABASE_URL: required (postgres://user:pass@host:port/db)');
  }
  return config.DATABASE_URL;
}

/** For processes that touch Temporal payloads: encryption is on unless explicitly switched off. */
export function requireCodecKeys(config: Config): void {
  if (config.PAYLOAD_ENCRYPTION === 'on' && !config.PAYLOAD_CODEC_KEYS?.length) {
    throw new ConfigError(
      'Invalid configuration:\n  PAYLOAD_CODEC_KEYS: required while PAYLOAD_ENCRYPTION=on (keyId:<openssl rand -base64 32>)',
    );
  }
}
