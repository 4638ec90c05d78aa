import { Context } from '@temporalio/activity';

/**
 * Who scheduled the running activity. Rows an activity writes point back to the workflow run, so an auditor can go
 * from a row to its history; an activity run on its own (a test, a script) has no run and says so.
 */
export function callingRun(): { workflowId: string; runId: string } | null {
  const run = Context.current().info.workflowExecution;
  return run ? { workflowId: run.workflowId, runId: run.runId } : null;
}

/** The caller's workflow id, or `standalone:<activity id>`: stable across retries of the same scheduled activity. */
export function callerId(): string {
  return callingRun()?.workflowId ?? `standalone:${Context.current().info.activityId}`;
}

/** The caller's run, `workflowId/runId`, or `standalone/<activity id>`: fault ids recur, runs do not. */
export function callerRef(): string {
  const run = callingRun();
  return run ? `${run.workflowId}/${run.runId}` : `standalone/${Context.current().info.activityId}`;
}
