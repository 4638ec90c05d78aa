/**
 * The actions Switchboard may take on the network. The model recommends one of these by name; whether it is
 * destructive and which rules apply is decided here, never by the model.
 */
export interface CatalogAction {
  type: string;
  description: string;
  destructive: boolean;
  /** Not between 08:00 and 18:00 at the device's site, unless an approver declares an emergency. */
  outsideBusinessHours: boolean;
}

export const actionCatalog = {
  drain_traffic: {
    type: 'drain_traffic',
    description: 'Shift traffic away from the device onto redundant paths',
    destructive: false,
    outsideBusinessHours: false,
  },
  contact_peer_noc: {
    type: 'contact_peer_noc',
    description: "Open a ticket with the peer network's NOC",
    destructive: false,
    outsideBusinessHours: false,
  },
  escalate_vendor: {
    type: 'escalate_vendor',
    description: "Open a case with the device vendor's support",
    destructive: false,
    outsideBusinessHours: false,
  },
  dispatch_field_tech: {
    type: 'dispatch_field_tech',
    description: 'Send a field technician to the site',
    destructive: false,
    outsideBusinessHours: false,
  },
  reset_bgp_session: {
    type: 'reset_bgp_session',
    description: 'Hard-reset the BGP session with the peer',
    destructive: true,
    outsideBusinessHours: false,
  },
  restart_process: {
    type: 'restart_process',
    description: 'Restart the runaway process on the device',
    destructive: true,
    outsideBusinessHours: false,
  },
  rollback_config: {
    type: 'rollback_config',
    description: 'Roll back to the last known-good configuration',
    destructive: true,
    outsideBusinessHours: false,
  },
  reboot_device: {
    type: 'reboot_device',
    description: 'Reboot the device',
    destructive: true,
    outsideBusinessHours: true,
  },
} as const satisfies Record<string, CatalogAction>;

export type ActionType = keyof typeof actionCatalog;
export const actionTypes = Object.keys(actionCatalog) as [ActionType, ...ActionType[]];
