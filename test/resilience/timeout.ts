// Volume runs, worker restarts and a 60-second overload window take minutes; full size takes longest.
jest.setTimeout(30 * 60_000);
