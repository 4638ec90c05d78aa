import type { Pool } from 'pg';
import type { IncidentSource } from '../../domain/compliance/cross-check';
import type { ExtractIncidentVariables } from '../model/offline/extract-incident';
import { ApplicationFailure } from '@temporalio/common';
import { ErrorTypes } from '../../domain/errors';

const notFound = (message: string) =>
  ApplicationFailure.create({ type: ErrorTypes.NotFound, message, nonRetryable: true });

/** The record as the model sees it: the offline extractor's input, so both stay one shape. */
export type IncidentRecord = ExtractIncidentVariables['incident'];

/** The record as the model sees it, and the same facts as the cross-check checks them against. */
export async function readIncident(
  pool: Pool,
  id: string,
): Promise<{ incident: IncidentRecord; source: IncidentSource }> {
  const found = await pool.query(
    `SELECT id, opened_at, (opened_at AT TIME ZONE 'Australia/Sydney')::date::text AS local_date, description,
            incident_type, customers_affected FROM incidents WHERE id = $1`,
    [id],
  );
  const row = found.rows[0];
  if (!row) throw notFound(`unknown incident ${id}`);
  const notes = await pool.query(
    'SELECT reported_on::text AS reported_on, reference FROM regulator_notifications WHERE incident_id = $1 ORDER BY reported_on',
    [id],
  );
  const notifications = notes.rows.map((n) => ({
    reportedOn: n.reported_on as string,
    reference: n.reference as string,
  }));
  const incident: IncidentRecord = {
    id: row.id,
    openedAt: (row.opened_at as Date).toISOString(),
    description: row.description,
    incidentType: row.incident_type,
    customersAffected: row.customers_affected,
    notifications,
  };
  return {
    incident,
    source: {
      id: row.id,
      localDate: row.local_date,
      description: row.description,
      incidentType: row.incident_type,
      customersAffected: row.customers_affected,
      reportedOn: notifications.map((n) => n.reportedOn),
    },
  };
}
