// Hundreds of tickets through a server restart take minutes; jest reads testTimeout only globally.
jest.setTimeout(30 * 60_000);
