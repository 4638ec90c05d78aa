import { z } from 'zod';

// The spellings Go's strconv.ParseBool accepts, as the `temporal` CLI reads TEMPORAL_TLS; normalised to the only two
// that @temporalio/envconfig understands (it reads anything else, "TRUE" included, as false).
const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);
const envBoolean = z.string().transform((text, ctx) => {
  if (TRUE.has(text)) return 'true' as const;
  if (FALSE.has(text)) return 'false' as const;
  ctx.addIssue({ code: 'custom', message: `"${text}" is not a boolean: use true or false` });
  return z.NEVER;
});

/**
 * Temporal's standard connection variables, the ones the `temporal` CLI and every SDK's envconfig read. They are
 * validated here; @temporalio/envconfig then merges them over the profile (temporal.toml) they override.
 */
export const temporalEnvShape = {
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().optional(),
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS: envBoolean.optional(),
  TEMPORAL_TLS_CLIENT_CERT_PATH: z.string().optional(),
  TEMPORAL_TLS_CLIENT_CERT_DATA: z.string().optional(),
  TEMPORAL_TLS_CLIENT_KEY_PATH: z.string().optional(),
  TEMPORAL_TLS_CLIENT_KEY_DATA: z.string().optional(),
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: z.string().optional(),
  TEMPORAL_TLS_SERVER_CA_CERT_DATA: z.string().optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
  TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: envBoolean
    // The TypeScript SDK's TLS options have no such switch; accepting "true" would silently verify anyway.
    .refine((value) => value === 'false', {
      message:
        'the TypeScript SDK cannot turn host verification off; set TEMPORAL_TLS_SERVER_NAME to the name in the server certificate',
    })
    .optional(),
  /** The profile file; unset: $XDG_CONFIG_HOME/temporalio/temporal.toml (~/.config/... on Linux), if it exists. */
  TEMPORAL_CONFIG_FILE: z.string().optional(),
  /** The profile to read from that file; unset: "default". */
  TEMPORAL_PROFILE: z.string().optional(),
};
export type TemporalEnvName = keyof typeof temporalEnvShape;

/** Switchboard's own names before it followed Temporal's, accepted for one release (0.1.x) with a warning. */
const renamedInThisRelease = {
  TEMPORAL_TLS_CERT_PATH: 'TEMPORAL_TLS_CLIENT_CERT_PATH',
  TEMPORAL_TLS_KEY_PATH: 'TEMPORAL_TLS_CLIENT_KEY_PATH',
  TEMPORAL_TLS_CA_PATH: 'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
} as const;
const legacyTlsValues: Record<string, 'true' | 'false'> = { on: 'true', off: 'false' };

export interface LegacyMapping {
  env: Record<string, string>;
  /** One sentence per old name or value in use, naming its replacement. */
  deprecations: string[];
  /** An old and a new name set to different values: refused, since either choice could be the wrong one. */
  conflicts: { path: string; message: string }[];
}

/** Rewrites the deprecated names and TEMPORAL_TLS=on|off into the standard ones; never reads process.env. */
export function mapLegacyTemporalEnv(env: Record<string, string>): LegacyMapping {
  const mapped = { ...env };
  const deprecations: string[] = [];
  const conflicts: LegacyMapping['conflicts'] = [];
  for (const [old, standard] of Object.entries(renamedInThisRelease)) {
    const value = mapped[old];
    if (value === undefined) continue;
    delete mapped[old];
    if (mapped[standard] !== undefined && mapped[standard] !== value) {
      conflicts.push({ path: old, message: `set only ${standard}; ${old} is its deprecated name and differs from it` });
      continue;
    }
    mapped[standard] = value;
    deprecations.push(`${old} is deprecated and will be removed in the next release: rename it to ${standard}`);
  }
  const tls = mapped.TEMPORAL_TLS;
  if (tls !== undefined && legacyTlsValues[tls]) {
    mapped.TEMPORAL_TLS = legacyTlsValues[tls];
    deprecations.push(
      `TEMPORAL_TLS=${tls} is deprecated and will be refused in the next release: use TEMPORAL_TLS=${legacyTlsValues[tls]}`,
    );
  }
  return { env: mapped, deprecations, conflicts };
}
