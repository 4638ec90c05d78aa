import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { traceHeader } from '../../workers/workflow-tracing';
import { stackEnv } from '../support/temporal';

/**
 * What each workflow pays for at start-up. The SDK gives every workflow its own module cache (its reusable V8
 * context routes `__webpack_module_cache__` to the running workflow), so every module the entry and the
 * interceptors import is evaluated again for each one. This evaluates the worker's real bundle the same way and
 * lists what a workflow gets before its own type's code runs.
 */
interface BundleEntry {
  preloadModules(): void;
  importWorkflows(): Record<string, unknown>;
  importInterceptors(): unknown[];
}

function loadBundle(path: string) {
  let cache: Record<string, unknown> = {};
  const context = vm.createContext({ console, TextEncoder, TextDecoder, URL, URLSearchParams, performance });
  Object.defineProperty(context, '__webpack_module_cache__', {
    get: () =>
      new Proxy(
        {},
        {
          get: (_, id: string) => cache[id],
          set: (_, id: string, value) => ((cache[id] = value), true),
          deleteProperty: (_, id: string) => delete cache[id],
        },
      ),
  });
  vm.runInContext(readFileSync(path, 'utf8'), context);
  const entry = vm.runInContext('__TEMPORAL__', context) as BundleEntry;
  entry.preloadModules();
  const preloaded = cache;
  /** The module ids one workflow evaluates before its type's function is called, beyond the shared preload. */
  const evaluatedAtStart = () => {
    cache = { ...preloaded };
    const workflows = entry.importWorkflows();
    entry.importInterceptors();
    return { workflows, ids: Object.keys(cache).filter((id) => !(id in preloaded)) };
  };
  return { evaluatedAtStart };
}

describe('the workflow bundle', () => {
  const { bundlePath } = stackEnv();
  const { workflows, ids } = loadBundle(bundlePath).evaluatedAtStart();

  it('offers every workflow type the clients start', () => {
    expect(Object.keys(workflows).sort()).toEqual(
      [
        'anchorAuditChain',
        'classifyInBatch',
        'dailyFraudSweep',
        'diagnoseFault',
        'monthlyComplianceReport',
        'monthlyFairnessEval',
        'recordFraudDecision',
        'resolveTicket',
      ].sort(),
    );
    for (const fn of Object.values(workflows)) expect(typeof fn).toBe('function');
  });

  it("evaluates no workflow type's modules until that type runs: a ticket does not pay for faults or reports", () => {
    expect(ids.filter((id) => /\/workflows\/[\w-]+\//.test(id))).toEqual([]);
    expect(ids.filter((id) => /\/domain\//.test(id))).toEqual([]);
  });

  it('evaluates no OpenTelemetry module for a workflow its client did not trace', () => {
    expect(ids.filter((id) => /opentelemetry/.test(id))).toEqual([]);
    // The header the interceptor looks for is the library's own.
    expect(traceHeader).toBe(TRACE_HEADER);
  });
});
