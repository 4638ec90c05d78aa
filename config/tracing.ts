import { z } from 'zod';

const exporters = ['none', 'otlp', 'console'] as const;

/**
 * OpenTelemetry's standard variables for traces. Unlike the specification's "otlp", the default is "none": tracing
 * is switched on by configuration only. Other OTEL_EXPORTER_OTLP_* settings (headers, timeout) and the sampler
 * (OTEL_TRACES_SAMPLER) are read by the OpenTelemetry SDK itself.
 */
export const tracingEnvShape = {
  /** Comma-separated, as the specification allows: "otlp", "console", "otlp,console" or "none". */
  OTEL_TRACES_EXPORTER: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(exporters)))
    .transform((names) => names.filter((name) => name !== 'none'))
    .default([]),
  /** The collector's base URL; traces go to <endpoint>/v1/traces. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** The full traces URL, used as given; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  /** Unset: "switchboard-worker" for the worker, "switchboard" for every other process. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
};

/** Where OTLP traces go: the specification's rule for the two endpoint variables, and its local default. */
export function otlpTracesUrl(config: {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
}): string {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = config.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318';
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}
