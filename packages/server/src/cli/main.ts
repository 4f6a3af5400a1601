#!/usr/bin/env node
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config';
import { COMMANDS } from './commands';
import { loadEnvironment } from './environment';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import { usage } from './usage';

/**
 * The `cupid-dashboard` bin: `cupid-dashboard <serve|sync|status|doctor> [--env-file <path>]
 * [--json]`. Exit codes are {@link EXIT_CODES}; an invalid command line or configuration exits 2
 * after saying which option or variable is wrong (never a variable's value).
 */
async function main(argv: string[]): Promise<ExitCode> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.version) {
    const pkg = createRequire(import.meta.url)('@cupid-dashboard/server/package.json');
    process.stdout.write(`${(pkg as { version: string }).version}\n`);
    return EXIT_CODES.ok;
  }
  if (values.help || positionals.length === 0) {
    process.stdout.write(usage(COMMANDS));
    return values.help ? EXIT_CODES.ok : EXIT_CODES.usage;
  }
  const [name, ...extra] = positionals;
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) return usageError(`Unknown command '${name}'`);
  if (extra.length > 0) return usageError(`Unexpected argument '${extra[0]}'`);
  if (values.json && !command.json) return usageError(`--json does not apply to ${name}`);
  try {
    const env = loadEnvironment(values['env-file']);
    return await command.run({
      env,
      json: values.json ?? false,
      print: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return EXIT_CODES.usage;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'env-file': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

function usageError(message: string): ExitCode {
  process.stderr.write(`${message}. Run cupid-dashboard --help for the commands and options.\n`);
  return EXIT_CODES.usage;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(EXIT_CODES.failed);
  },
);
