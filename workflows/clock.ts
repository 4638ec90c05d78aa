/**
 * Workflow time: the one sanctioned read of the clock in workflow code. Temporal's sandbox replaces Date with the
 * time of the current workflow task, so this is deterministic on replay; everywhere else in workflows/, lint forbids
 * Date.now and new Date() so that every read of time goes through here and can be audited.
 */
export function workflowNow(): Date {
  // eslint-disable-next-line no-restricted-properties -- sandboxed: deterministic workflow-task time
  return new Date(Date.now());
}
