import { Connection, type TLSConfig } from '@temporalio/client';

/** Whether a process with this id still runs (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether a Temporal frontend answers a system-info call at `address` (with TLS for the cluster profile). */
export async function temporalAnswers(address: string, tls?: TLSConfig): Promise<boolean> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: 1_000, ...(tls ? { tls } : {}) });
    try {
      await connection.workflowService.getSystemInfo({});
      return true;
    } finally {
      await connection.close();
    }
  } catch {
    return false;
  }
}
