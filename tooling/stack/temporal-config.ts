import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The server configuration compose and the cluster profile both run: `--config <dir> --env cluster`. */
export const serverConfigDir = join(__dirname, '..', '..', 'deploy', 'temporal', 'config');
export const serverConfigEnv = 'cluster';
export const serverConfigTemplate = () => readFileSync(join(serverConfigDir, `${serverConfigEnv}.yaml`), 'utf8');

// The only two forms the template may use, so this renderer and the server's (Go templates with sprig) agree.
const action = /\{\{\s*env\s+"([A-Z0-9_]+)"\s*(?:\|\s*default\s+"([^"]*)"\s*)?\}\}/g;

export interface TemplateVariables {
  /** Used without a default: whoever runs the server must set them. */
  required: string[];
  optional: Record<string, string>;
}

export function templateVariables(template: string): TemplateVariables {
  const required = new Set<string>();
  const optional: Record<string, string> = {};
  for (const [, name, fallback] of template.matchAll(action)) {
    if (fallback === undefined) required.add(name!);
    else optional[name!] = fallback;
  }
  return { required: [...required].sort(), optional };
}

/** Renders as the server does: sprig's `default` applies when the variable is unset or empty. */
export function renderServerConfig(template: string, env: Record<string, string | undefined>): string {
  const rendered = template.replace(action, (_, name: string, fallback: string | undefined) => {
    const value = env[name] ?? '';
    if (value === '' && fallback === undefined) throw new Error(`${name} is not set`);
    return value === '' ? (fallback ?? '') : value;
  });
  const stray = rendered.match(/\{\{[^}]*\}\}/);
  if (stray) throw new Error(`unsupported template action ${stray[0]}: use env "NAME" and default only`);
  return rendered;
}
