import { deciderRoles, type DeciderRole } from '../../../domain/decisions';
import type { CliContext } from '../context';
import { CliError, ExitCode } from '../exit-codes';
import { createKeyFile, loadKeyFile } from '../signing-key';

export async function createKey(
  ctx: CliContext,
  options: { identity: string; role: string; out?: string },
): Promise<ExitCode> {
  if (!(deciderRoles as readonly string[]).includes(options.role)) {
    throw new CliError(ExitCode.usage, `--role must be one of ${deciderRoles.join(', ')}`);
  }
  const path = options.out ?? ctx.signingKeyPath;
  const made = createKeyFile(path, options.identity, options.role as DeciderRole);
  ctx.io.stderr.write(`Wrote your private key to ${path} (readable by you only). Keep it; never send it.\n`);
  ctx.io.stderr.write('Ask an administrator to register the public key:\n');
  ctx.io.stdout.write(registerCommand(made.identity, made.role, made.key.publicKeyBase64) + '\n');
  return ExitCode.ok;
}

export async function showKey(ctx: CliContext, options: { key?: string; json?: boolean }): Promise<ExitCode> {
  const file = loadKeyFile(options.key ?? ctx.signingKeyPath);
  if (options.json) {
    const { identity, role } = file;
    const { keyId, publicKeyBase64 } = file.key;
    const registration = registerCommand(identity, role, publicKeyBase64);
    ctx.io.stdout.write(`${JSON.stringify({ identity, role, keyId, publicKeyBase64, registration }, null, 2)}\n`);
    return ExitCode.ok;
  }
  ctx.io.stdout.write(
    `${file.role}:${file.identity} key ${file.key.keyId}\n${registerCommand(file.identity, file.role, file.key.publicKeyBase64)}\n`,
  );
  return ExitCode.ok;
}

const registerCommand = (identity: string, role: string, publicKey: string) =>
  `npm run decision-keys -- register --identity ${identity} --role ${role} --public-key ${publicKey}`;
