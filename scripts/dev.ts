import { startDevSession } from './stack/with-worker';

/** `npm run dev`: the dev stack and a worker in the foreground; Ctrl-C stops both. */
async function main(): Promise<void> {
  const { stack, config, worker } = await startDevSession();
  console.log(`[dev] worker on ${config.TEMPORAL_TASK_QUEUE}; Web UI ${stack.info.temporalUiUrl ?? '(headless)'}`);
  // The worker drains itself on SIGINT/SIGTERM (the SDK's default shutdown signals); then the stack goes down.
  await worker.done;
  await stack.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
