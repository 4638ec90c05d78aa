import { parseCliConfig } from './config';
import { processIo } from './io';
import { runCli } from './program';
import { defaultKeyPath } from './signing-key';

/** The one place the environment is read: the rest of the CLI gets its config passed in. */
const config = parseCliConfig(process.env);

const signingKeyPath = process.env.SWITCHBOARD_SIGNING_KEY || defaultKeyPath(process.env);

runCli(process.argv.slice(2), { config, io: processIo(), signingKeyPath }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`switchboard: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
