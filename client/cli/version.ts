import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The version in the project's package.json. Looked up from this file's folder upwards, so it is found both from
 * the sources (tsx) and from a compiled dist/ tree, whose depth differs.
 */
export function cliVersion(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'switchboard' && manifest.version) return manifest.version;
    } catch {
      // No package.json here (or not ours): keep climbing.
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
