/**
 * The fraud tables as the loader sees them: column order, the array type each column travels as, and the
 * expression that turns it into the stored value. Timestamps travel as epoch seconds because numbers serialise far
 * faster than Date objects in pg's array encoder.
 */
export interface Column {
  name: string;
  arrayType: string;
  expr?: (ref: string) => string;
}

const epoch = (ref: string) => `to_timestamp(${ref})`;

export const tables = {
  fraud_accounts: [
    { name: 'id', arrayType: 'bigint[]' },
    { name: 'plan_code', arrayType: 'text[]' },
    { name: 'plan_type', arrayType: 'text[]' },
    { name: 'home_country', arrayType: 'text[]' },
    { name: 'opened_on', arrayType: 'date[]' },
  ],
  fraud_voice_calls: [
    { name: 'account_id', arrayType: 'bigint[]' },
    { name: 'started_at', arrayType: 'float8[]', expr: epoch },
    { name: 'destination_country', arrayType: 'text[]' },
    { name: 'premium', arrayType: 'boolean[]' },
    { name: 'seconds', arrayType: 'int[]' },
    { name: 'charge', arrayType: 'numeric[]' },
  ],
  fraud_data_sessions: [
    { name: 'account_id', arrayType: 'bigint[]' },
    { name: 'day', arrayType: 'date[]' },
    { name: 'mb', arrayType: 'numeric[]' },
  ],
  fraud_roaming_events: [
    { name: 'account_id', arrayType: 'bigint[]' },
    { name: 'day', arrayType: 'date[]' },
    { name: 'country', arrayType: 'text[]' },
    { name: 'mb', arrayType: 'numeric[]' },
  ],
  fraud_sms_charges: [
    { name: 'account_id', arrayType: 'bigint[]' },
    { name: 'charged_at', arrayType: 'float8[]', expr: epoch },
    { name: 'vendor', arrayType: 'text[]' },
    { name: 'amount', arrayType: 'numeric[]' },
    { name: 'premium', arrayType: 'boolean[]' },
  ],
  fraud_sim_changes: [
    { name: 'account_id', arrayType: 'bigint[]' },
    { name: 'changed_at', arrayType: 'float8[]', expr: epoch },
  ],
  fraud_travel_history: [
    { name: 'account_id', arrayType: 'bigint[]' },
    { name: 'country', arrayType: 'text[]' },
    { name: 'first_seen', arrayType: 'date[]' },
  ],
  fraud_labels: [
    { name: 'account_id', arrayType: 'bigint[]' },
    { name: 'pattern', arrayType: 'text[]' },
    { name: 'is_fraud', arrayType: 'boolean[]' },
    { name: 'onset_on', arrayType: 'date[]' },
  ],
} satisfies Record<string, Column[]>;

export type TableName = keyof typeof tables;
export const tableNames = Object.keys(tables) as TableName[];

export function insertSql(table: TableName): string {
  const columns: Column[] = tables[table];
  const names = columns.map((c) => c.name).join(', ');
  const params = columns.map((c, i) => `$${i + 1}::${c.arrayType}`).join(', ');
  const select = columns.map((c) => (c.expr ? c.expr(`u.${c.name}`) : `u.${c.name}`)).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${params}) AS u(${names})`;
}

/** Same definitions as the migration; building them once after the load is much cheaper than maintaining them. */
export const indexes: Record<string, string> = {
  fraud_voice_calls_account_idx: 'fraud_voice_calls (account_id, started_at)',
  fraud_voice_calls_started_idx: 'fraud_voice_calls (started_at)',
  fraud_data_sessions_account_idx: 'fraud_data_sessions (account_id, day)',
  fraud_data_sessions_day_idx: 'fraud_data_sessions (day)',
  fraud_roaming_events_account_idx: 'fraud_roaming_events (account_id, day)',
  fraud_roaming_events_day_idx: 'fraud_roaming_events (day)',
  fraud_sms_charges_account_idx: 'fraud_sms_charges (account_id, charged_at)',
  fraud_sms_charges_charged_idx: 'fraud_sms_charges (charged_at)',
  fraud_sim_changes_account_idx: 'fraud_sim_changes (account_id, changed_at)',
  fraud_sim_changes_changed_idx: 'fraud_sim_changes (changed_at)',
  fraud_travel_history_account_idx: 'fraud_travel_history (account_id, country)',
};
