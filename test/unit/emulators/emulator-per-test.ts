import type { Emulator } from '../../../tooling/emulators';

export interface EmulatorAndClient<C> {
  emulator: Emulator;
  client: C;
}

/**
 * A fresh emulator for each test of the describe block this is called in, with an SDK client pointed at it; both are
 * closed after the test (the client first, by `closeClient`, when it holds connections). Read the fields in a test.
 */
export function emulatorPerTest<C>(
  start: () => Promise<Emulator>,
  clientFor: (url: string) => C,
  closeClient: (client: C) => void = () => {},
): EmulatorAndClient<C> {
  const current = {} as EmulatorAndClient<C>;
  beforeEach(async () => {
    current.emulator = await start();
    current.client = clientFor(current.emulator.url);
  });
  afterEach(async () => {
    closeClient(current.client);
    await current.emulator.close();
  });
  return current;
}
