import { connectClient } from '../client';
import { startDemoServices } from './demo/services';
import { startDevSession } from '../tooling/stack/with-worker';

/**
 * `npm run dev`: the dev stack, a worker, the API and the codec server (which the stack's Web UI decodes through) in
 * the foreground; Ctrl-C stops them all.
 */
async function main(): Promise<void> {
  const { stack, config, worker } = await startDevSession();
  const connection = await connectClient(config);
  const services = await startDemoServices(stack.info, config, connection.client);
  console.log(`[dev] worker on ${config.TEMPORAL_TASK_QUEUE}; Web UI ${stack.info.temporalUiUrl ?? '(headless)'}`);
  console.log(`[dev] API ${services.apiUrl}; codec server ${services.codecUrl ?? 'off'} (auditors sign in at /login)`);
  // The worker drains itself on SIGINT/SIGTERM (the SDK's default shutdown signals); then the rest goes down.
  await worker.done;
  await services.close();
  await connection.close();
  await stack.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
