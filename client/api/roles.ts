import type { Role } from '../../security/api-keys';
import { roles } from '../../security/api-keys';

/** `public`: no key; `any`: any valid key; otherwise only the listed roles. */
export type Access = 'public' | 'any' | readonly Role[];

/**
 * Least privilege, in one place: every route must appear here or the server refuses to start (see route.ts).
 * Auditors read everything and decide nothing; services start work but never decide; each decider decides only
 * its own kind of thing.
 */
export const accessTable = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /openapi.json': 'public',
  // The browsable page over that document and its script and style (docs.ts); not in the document.
  'GET /docs': 'public',
  'GET /docs/:asset': 'public',
  // Any valid key, so a scraper needs a key of its own but no role: the figures carry no personal data.
  'GET /metrics': 'any',

  'POST /tickets': ['service'],
  'GET /tickets/:id': ['service', 'agent', 'auditor'],
  'POST /tickets/:id/messages': ['service'],
  'POST /tickets/:id/review': ['agent'],
  'POST /tickets/:id/feedback': ['service'],

  'POST /diagnose': ['service'],
  'GET /faults/pending': ['oncall', 'auditor'],
  'GET /faults/:id': ['service', 'oncall', 'auditor'],
  'POST /faults/:id/approval': ['oncall'],

  'POST /fraud/sweeps': ['service', 'analyst'],
  'GET /fraud/flags': ['analyst', 'auditor'],
  'POST /fraud/flags/:id/decision': ['analyst'],

  'GET /reports/acma/:month': ['service', 'auditor'],
  'POST /reports/acma/:month/runs': ['service', 'reviewer'],
  'POST /reports/acma/runs/:workflowId/review': ['reviewer'],

  'GET /audit/samples': ['auditor'],
  'GET /audit/verify': ['auditor'],
} as const satisfies Record<string, Access>;

export type RouteKey = keyof typeof accessTable;

/** Served by a plugin, not by defineRoute, so the OpenAPI document does not describe them. */
export const undocumentedRoutes: readonly RouteKey[] = ['GET /docs', 'GET /docs/:asset'];

export function accessFor(method: string, url: string): Access | undefined {
  return (accessTable as Record<string, Access>)[`${method} ${url}`];
}

export function describeAccess(access: Access): string {
  if (access === 'public') return 'Public: no API key.';
  if (access === 'any') return 'Any valid API key.';
  return `Roles: ${access.join(', ')}.`;
}

/** The matrix as a Markdown table, for the OpenAPI document's description. */
export function roleMatrixMarkdown(): string {
  const header = `| Endpoint | ${roles.join(' | ')} |\n|---|${roles.map(() => '---').join('|')}|`;
  const rows = Object.entries(accessTable as Record<string, Access>)
    .filter(([, access]) => access !== 'public')
    .map(([key, access]) => {
      const cells = roles.map((role) => (access === 'any' || access.includes(role) ? 'yes' : ''));
      return `| ${key} | ${cells.join(' | ')} |`;
    });
  return [header, ...rows].join('\n');
}
