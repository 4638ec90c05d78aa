import { relative } from 'node:path';

export interface AuditorAccess {
  identity: string;
  apiKeyPath: string;
  /** Null when payload encryption is off and there is no codec server. */
  codecUrl: string | null;
  uiUrl: string | null;
  temporalAddress: string;
  temporalCli: string;
  namespace: string;
}

/**
 * How an auditor reads what history holds only encrypted: signed in to the codec server, the Web UI decodes through
 * it; the temporal CLI does with the auditor's key. Every decode goes on the audit trail as that auditor.
 */
export function renderAuditorGuide(access: AuditorAccess, workflowIds: string[], pendingFault?: string): string {
  const key = relative(process.cwd(), access.apiKeyPath);
  const links = access.uiUrl
    ? workflowIds.map((id) => `  ${access.uiUrl}/namespaces/${access.namespace}/workflows/${id}`)
    : [];
  if (!access.codecUrl) {
    return links.length ? ['Open each workflow in the Temporal Web UI:', ...links].join('\n') : '';
  }
  const lines = [
    `Payloads are encrypted in history. To read them as the demo's auditor (${access.identity}, key in ${key}):`,
    `  1. Open ${access.codecUrl}/login and sign in with that key.`,
  ];
  if (access.uiUrl) {
    lines.push(
      '  2. In the Web UI open Codec Server (the glasses icon, top right), choose "Use my browser setting and ignore',
      `     Cluster-level setting", enter ${access.codecUrl}, turn on "Include cross-origin credentials", Apply.`,
      '  3. Each workflow below then shows its decoded input, result and summaries:',
      ...links,
    );
  }
  if (pendingFault) {
    lines.push(
      'A pending approval from the command line, decoded by the codec server as the auditor:',
      `  ${access.temporalCli} workflow query --address ${access.temporalAddress} --workflow-id ${pendingFault} \\`,
      `    --type pendingApproval --codec-endpoint ${access.codecUrl} --codec-auth "Bearer $(cat ${key})"`,
    );
  }
  return lines.join('\n');
}
