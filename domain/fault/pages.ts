/** Why an engineer is paged about a fault: the workflow sends them, the pages table stores them, the API reads them. */
export const pageKinds = ['approval_request', 'reminder', 'escalation', 'failed_verification', 'safe_stop'] as const;
export type PageKind = (typeof pageKinds)[number];
