import type { Command } from './command';

/** `cupid-dashboard --help`: the commands, the options and the exit codes. */
export function usage(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: cupid-dashboard <command> [options]

Commands:
${lines.join('\n')}

Options:
  --env-file <path>  read variables from this file (default: .env in the working directory, if any)
  --json             status: print the state as GET /api/sync/status answers it
  -h, --help         show this help
  -v, --version      show the version

Configuration comes from the environment (LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, ...);
variables already set win over the file.

Exit codes: 0 done, 1 failed, 2 invalid command line or configuration,
  3 sync rate limited (retry later), 4 sync skipped (another process is syncing),
  5 sync stopped by a signal (the next run resumes).
`;
}
