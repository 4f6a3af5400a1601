import type { Environment } from './environment';
import type { ExitCode } from './exit-codes';

/** What a command gets: the parsed options and the environment. */
export interface CommandContext {
  /** `--json`: machine-readable output (`status` only). */
  json: boolean;
  /** `process.env` after `.env` (see `loadEnvironment`). */
  env: Environment;
  /** Writes one line of the command's output to stdout. */
  print(line: string): void;
}

/** One `cupid-dashboard` command. */
export interface Command {
  name: string;
  /** One line for `cupid-dashboard --help`. */
  summary: string;
  /** Whether the command accepts `--json`. */
  json?: boolean;
  run(context: CommandContext): Promise<ExitCode>;
}
