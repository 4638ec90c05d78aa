import { bundleWorkflowCode, type BundleOptions } from '@temporalio/worker';
import { failureConverterPath } from '../security/data-converter';

/**
 * One definition of the workflow bundle, for the worker that bundles at start-up and for every prebuilt bundle.
 *
 * Each workflow evaluates the bundle's modules afresh; zod with our schemas was most of the memory a cached workflow
 * held. zod alone is preloaded: shared by every workflow of a worker thread, and deep-frozen by the SDK so that no
 * workflow can leak state through it (domain/zod-preload.ts sets the config zod would otherwise write on first use).
 * Our schemas stay per workflow: zod fills a schema's internals on its first parse, which a frozen schema refuses.
 */
export const workflowBundleOptions = {
  workflowsPath: require.resolve('../workflows'),
  failureConverterPath,
  // Resolved, not joined: compiled into dist/ the module is zod-preload.js, and a .ts path would not exist there.
  preloadModules: [require.resolve('../domain/zod-preload')],
  // Always in the bundle, so one bundle serves a worker with tracing on or off; it traces only traced starts.
  workflowInterceptorModules: [require.resolve('./workflow-tracing')],
} satisfies BundleOptions;

export async function bundleWorkflows(logger?: BundleOptions['logger']): Promise<string> {
  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions, ...(logger ? { logger } : {}) });
  return code;
}
