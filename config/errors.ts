/** A configuration problem an operator must fix: entry points print its message and exit with 78 (EX_CONFIG). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
