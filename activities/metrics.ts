import type { Finding, Route } from '../domain/ticket';

/**
 * What activities report to the worker's metrics. Injected like every other dependency, so activities never know
 * the exporter; tests and tools that build activities without a worker get the no-op.
 */
export interface ActivityMetrics {
  /** A ticket took this route: counted once, when its reply, clarifying question or handoff is first recorded. */
  ticketRoute(route: Route): void;
  /** The guardrails' findings on one draft, by code and severity; never their detail, which quotes the draft. */
  guardrailFindings(findings: readonly Finding[]): void;
}

export const noActivityMetrics: ActivityMetrics = {
  ticketRoute() {},
  guardrailFindings() {},
};
