import type { ApiClient } from './api-client';
import type { Io } from './io';

/** What every command handler gets. `api()` throws the config error (exit 78) only when a command needs the API. */
export interface CliContext {
  io: Io;
  api(): ApiClient;
  now(): Date;
  /** Where the person's decision key is: SWITCHBOARD_SIGNING_KEY, or the default under ~/.config/switchboard. */
  signingKeyPath: string;
}
