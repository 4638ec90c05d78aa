import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import pino, { type Logger as Pino } from 'pino';
import type { Config } from '../config';

/**
 * Metadata whose string values may be logged: identifiers and names the SDK and Switchboard attach. Any other
 * string is dropped, because log calls can be handed arbitrary values and a customer's words must never reach a
 * log line; numbers and booleans (counts, attempts, durations) carry no text and pass through.
 */
const safeStringKeys = new Set([
  'sdkComponent',
  'namespace',
  'taskQueue',
  'workflowId',
  'runId',
  'workflowType',
  'activityId',
  'activityType',
  'taskToken',
  'isLocal',
  'attempt',
  'target',
  'workerId',
  'buildId',
  'identity',
  'useCase',
  'source',
]);

/** An error becomes its class, failure type and system code only: messages are built from inputs and can quote them. */
function describeError(value: unknown): Record<string, string> | undefined {
  if (!(value instanceof Error)) return undefined;
  const { type, code } = value as { type?: unknown; code?: unknown };
  return {
    name: value.name,
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

export function safeMeta(meta: LogMetadata | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Symbol keys (the SDK's timestamp) are skipped by Object.entries; pino stamps its own time.
  for (const [key, value] of Object.entries(meta ?? {})) {
    if (key === 'error' || key === 'failure' || value instanceof Error) {
      const error = describeError(value);
      if (error) out[key] = error;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      out[key] = value;
    } else if (typeof value === 'string' && safeStringKeys.has(key)) {
      out[key] = value;
    }
  }
  return out;
}

/** JSON lines on stdout at LOG_LEVEL: what a log shipper reads without a parser of its own. */
export function createProcessLogger(level: Config['LOG_LEVEL'], destination?: pino.DestinationStream): Pino {
  return pino({ level, base: { service: 'switchboard-worker' } }, destination ?? pino.destination(1));
}

const methods: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The SDK's Logger over pino. Given to Runtime.install, it receives the SDK's own messages and everything the
 * workflow and activity loggers emit, with their workflowId, runId, activityId and types in the metadata.
 */
export function temporalLogger(log: Pino): Logger {
  const write = (level: LogLevel, message: string, meta?: LogMetadata) => log[methods[level]](safeMeta(meta), message);
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}
