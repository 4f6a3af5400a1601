import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type ServerConfig } from '../config';

/** The process environment after `.env`, as {@link loadEnvironment} returns it. */
export type Environment = Record<string, string | undefined>;

/**
 * `process.env` after reading `file` (default `.env` in the working directory, when present).
 * Variables already set win, as with `node --env-file`. An explicitly named file that does not
 * exist throws a {@link ConfigError}.
 *
 * @example
 * const env = loadEnvironment(undefined); // reads ./.env if there is one
 */
export function loadEnvironment(file: string | undefined): Environment {
  const path = resolve(file ?? '.env');
  if (!existsSync(path)) {
    if (file !== undefined) throw new ConfigError([`--env-file ${file} does not exist`]);
    return process.env;
  }
  process.loadEnvFile(path);
  return process.env;
}

/**
 * The configuration for a command that only reads the database (`status`): the Langfuse keys
 * are not needed there, so missing ones are filled with a placeholder that is never sent.
 */
export function loadStoreConfig(env: Environment): ServerConfig {
  const unused = 'unused-by-this-command';
  return loadConfig({
    ...env,
    LANGFUSE_PUBLIC_KEY: env.LANGFUSE_PUBLIC_KEY?.trim() || unused,
    LANGFUSE_SECRET_KEY: env.LANGFUSE_SECRET_KEY?.trim() || unused,
  });
}
