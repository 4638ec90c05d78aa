import { z } from 'zod';
import { CliError, ExitCode } from './exit-codes';

/** The CLI's own two settings; the server's config (config/index.ts) is none of its business. */
const cliConfigSchema = z.object({
  SWITCHBOARD_API_URL: z
    .url({ protocol: /^https?$/, error: 'SWITCHBOARD_API_URL must be an http(s) URL, e.g. http://127.0.0.1:8080' })
    .default('http://127.0.0.1:8080')
    // The key is the only credential; one in the URL would be printed in every error naming the API.
    .refine((url) => !new URL(url).username && !new URL(url).password, 'SWITCHBOARD_API_URL must not carry credentials')
    .transform((url) => url.replace(/\/+$/, '')),
  SWITCHBOARD_API_KEY: z
    .string({ error: 'SWITCHBOARD_API_KEY is not set: ask an administrator for an API key for your role' })
    .trim()
    // Checked here so a pasted-wrong key fails before a request, and the message never echoes the key itself.
    .regex(/^sb_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/, 'SWITCHBOARD_API_KEY is not a Switchboard key (sb_xxxxxxxx_…)'),
});
export type CliConfig = z.infer<typeof cliConfigSchema>;

export type CliConfigResult = { ok: true; config: CliConfig } | { ok: false; problems: string[] };

/** Parsed once by the entry point. A problem is kept, not thrown, so `--help` works without a key. */
export function parseCliConfig(env: Record<string, string | undefined>): CliConfigResult {
  const result = cliConfigSchema.safeParse({
    // An empty variable is as good as unset: `SWITCHBOARD_API_URL= switchboard ...` should mean the default.
    SWITCHBOARD_API_URL: env.SWITCHBOARD_API_URL || undefined,
    SWITCHBOARD_API_KEY: env.SWITCHBOARD_API_KEY || undefined,
  });
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => issue.message) };
}

export function requireCliConfig(result: CliConfigResult): CliConfig {
  if (result.ok) return result.config;
  throw new CliError(ExitCode.config, 'configuration missing or invalid', result.problems);
}
