import { alertSchema, type Alert } from '../../../domain/fault/alert';
import type { ActionType } from '../../../domain/fault/catalog';

/** The five devices with a seeded fault; every other device is healthy. */
export const scenarioDeviceIds = {
  bgpFlapping: 'RTR-SYD-02',
  cpuHigh: 'RTR-MEL-01',
  interfaceDown: 'SW-BNE-03',
  configError: 'RTR-PER-01',
  memoryHigh: 'RTR-ADL-01',
} as const;

export interface FaultScenario {
  /** The alert as monitoring raises it, minus the time it was detected. */
  alert: Omit<Alert, 'detectedAt'>;
  /** How long before the seed's reference time monitoring detected it. */
  detectedMinutesBefore: number;
  /** What a human would do; the demo and tests use it to drive the simulated recovery. */
  remedy: ActionType;
}

export const faultScenarios = [
  {
    alert: {
      alertId: 'ALR-SYD02-BGP',
      deviceId: scenarioDeviceIds.bgpFlapping,
      alertType: 'bgp_flapping',
      summary: 'BGP flapping on RTR-SYD-02 with PEER-GLOBAL-04 (Tokyo): 5 min up, 3 min down, repeating',
      severity: 'major',
      metric: 'bgp_flaps_per_hour',
    },
    detectedMinutesBefore: 10,
    remedy: 'contact_peer_noc',
  },
  {
    alert: {
      alertId: 'ALR-MEL01-CPU',
      deviceId: scenarioDeviceIds.cpuHigh,
      alertType: 'cpu_high',
      summary: 'CPU on RTR-MEL-01 above 90% for 5 min',
      severity: 'major',
      metric: 'cpu_pct',
    },
    detectedMinutesBefore: 25,
    remedy: 'restart_process',
  },
  {
    alert: {
      alertId: 'ALR-BNE03-LINK',
      deviceId: scenarioDeviceIds.interfaceDown,
      alertType: 'interface_down',
      summary: 'TenGigE0/0/1 on SW-BNE-03 down with loss of signal; traffic on the remaining uplink',
      severity: 'critical',
      metric: 'interfaces_down',
    },
    detectedMinutesBefore: 17,
    remedy: 'dispatch_field_tech',
  },
  {
    alert: {
      alertId: 'ALR-PER01-CFG',
      deviceId: scenarioDeviceIds.configError,
      alertType: 'config_error',
      summary: 'RTR-PER-01 unreachable for management and withdrawing prefixes after a configuration push',
      severity: 'critical',
      metric: 'mgmt_reachability_pct',
    },
    detectedMinutesBefore: 35,
    remedy: 'rollback_config',
  },
  {
    alert: {
      alertId: 'ALR-ADL01-MEM',
      deviceId: scenarioDeviceIds.memoryHigh,
      alertType: 'memory_high',
      summary: 'Memory on RTR-ADL-01 at 97% and rising; allocation failures logged',
      severity: 'major',
      metric: 'memory_pct',
    },
    detectedMinutesBefore: 15,
    remedy: 'reboot_device',
  },
] as const satisfies readonly FaultScenario[];

/** The demo alerts as of a seed's reference time, validated against the same schema the workflow's input is. */
export function scenarioAlerts(referenceTime: Date): Alert[] {
  return faultScenarios.map((scenario) =>
    alertSchema.parse({
      ...scenario.alert,
      detectedAt: new Date(referenceTime.getTime() - scenario.detectedMinutesBefore * 60_000).toISOString(),
    }),
  );
}
