import { join } from 'node:path';
import { bundleWorkflowCode, type BundleOptions } from '@temporalio/worker';
import { failureConverterPath } from '../security/data-converter';

/**
 * One definition of the workflow bundle, for the worker that bundles at start-up and for every prebuilt bundle.
 *
 * No `preloadModules`: the SDK deep-freezes preloaded modules so workflows cannot leak state through them, and zod 4
 * writes to its schemas and its global config lazily, on first use, so a shared zod fails with "object is not
 * extensible". Each workflow therefore sets up zod and its schemas afresh (tried and measured; see README benchmarks).
 */
export const workflowBundleOptions = {
  workflowsPath: require.resolve('../workflows'),
  failureConverterPath,
  preloadModules: [join(__dirname, '..', 'domain', 'zod-preload.ts')],
} satisfies BundleOptions;

export async function bundleWorkflows(logger?: BundleOptions['logger']): Promise<string> {
  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions, ...(logger ? { logger } : {}) });
  return code;
}
