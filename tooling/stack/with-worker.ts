import { loadConfigOrExit, type Config } from '../../config';
import { startWorker, type RunningWorker } from '../../workers/main';
import { startStack, type RunningStack } from './index';

export interface DevSession {
  stack: RunningStack;
  config: Config;
  worker: RunningWorker;
}

/** The dev stack plus a worker pointed at it: what `make demo` and `npm run dev` both start from. */
export async function startDevSession(): Promise<DevSession> {
  const stack = await startStack('dev', (line) => console.log(`[stack] ${line}`));
  const config = loadConfigOrExit({
    ...process.env,
    TEMPORAL_ADDRESS: stack.info.temporalAddress,
    // The worker runs as the application's role, which cannot rewrite the audit trail.
    DATABASE_URL: stack.info.appDatabaseUrl,
    PAYLOAD_CODEC_KEYS: stack.info.codecKeys,
    AUDIT_CHAIN_KEYS: stack.info.auditChainKeys,
  });
  return { stack, config, worker: await startWorker(config) };
}
