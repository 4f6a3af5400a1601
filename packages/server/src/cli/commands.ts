import type { Command } from './command';
import { doctorCommand } from './doctor/doctor-command';
import { serveCommand } from './serve';
import { statusCommand } from './status';
import { syncCommand } from './sync';

/** Every `cupid-dashboard` command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  syncCommand,
  statusCommand,
  doctorCommand,
];
