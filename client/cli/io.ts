import { createInterface } from 'node:readline';

/** Where the CLI reads and writes: the process's streams in production, buffers in tests. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream;
  /** Someone is at a terminal to answer a question: stdin and stderr (where the prompt goes) are TTYs. */
  interactive: boolean;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
  };
}

/** A yes/no question on stderr, so stdout stays clean for scripts. Anything but y/yes, or end of input, is a no. */
export function confirm(io: Io, question: string): Promise<boolean> {
  io.stderr.write(`${question} [y/N] `);
  const rl = createInterface({ input: io.stdin, terminal: false });
  return new Promise((resolve) => {
    rl.once('line', (answer) => {
      resolve(/^\s*y(es)?\s*$/i.test(answer));
      rl.close();
    });
    rl.once('close', () => resolve(false));
  });
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
