import type { Alert } from './alert';

/** What gatherTelemetry stores for one alert, and what the diagnose prompt is rendered from. */
export interface TelemetryBundle {
  device: {
    id: string;
    site: string;
    timeZone: string;
    team: string;
    vendor: string;
    firmware: string;
    role: string;
  };
  alert: Alert;
  /** The last relevant lines, oldest first: at most 100 lines and 5 MB, whichever is smaller. */
  syslog: Array<{ at: string; severity: string; text: string }>;
  metrics: Array<{ name: string; unit: string; latest: number; baseline: number; samples: number[] }>;
  /** Changes on this device and on its BGP peers in the last 24 hours. */
  recentChanges: Array<{ at: string; target: string; summary: string; author: string }>;
  bgp: Array<{ peer: string; peerName: string; peerLocation: string; state: string; flapsLastHour: number }>;
  interfaces: Array<{ name: string; operStatus: string; errorsLastHour: number; utilisationPct: number }>;
}
