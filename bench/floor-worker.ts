/**
 * The floor's worker, in a process of its own so its CPU is its own: the SDK's defaults, no payload codec, no
 * interceptors, one activity that returns its input plus one. The bench starts it with FLOOR_ADDRESS,
 * FLOOR_NAMESPACE and FLOOR_TASK_QUEUE set, and reads "ready" once it polls.
 */
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';

async function main(): Promise<void> {
  const { FLOOR_ADDRESS: address, FLOOR_NAMESPACE: namespace, FLOOR_TASK_QUEUE: taskQueue } = process.env;
  if (!address || !namespace || !taskQueue) throw new Error('set FLOOR_ADDRESS, FLOOR_NAMESPACE and FLOOR_TASK_QUEUE');
  Runtime.install({
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error } as never,
  });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowsPath: require.resolve('./floor-workflows'),
    activities: { step: async (n: number) => n + 1 },
  });
  process.once('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  console.log('ready');
  await running;
  await connection.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
