/**
 * What `open` makes, shared by the tests of one file: opened before the first test and closed after the last, by
 * jest hooks registered where this is called. Its fields are read when used, so a test uses it as it would the thing
 * itself; read before the hooks have run (outside a test), it throws.
 */
export function sharedForFile<T extends { close(): Promise<void> }>(
  open: () => Promise<T>,
  timeoutMs?: number,
): Omit<T, 'close'> {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
  }, timeoutMs);
  afterAll(async () => opened?.close());
  return new Proxy({} as Omit<T, 'close'>, {
    get(_unopened, key) {
      if (!opened) throw new Error(`read ${String(key)} inside a test: it is opened in beforeAll`);
      const value: unknown = Reflect.get(opened, key);
      return typeof value === 'function' ? value.bind(opened) : value;
    },
  });
}
