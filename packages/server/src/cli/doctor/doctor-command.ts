import { ConfigError, loadConfig, type ServerConfig } from '../../config';
import type { Command } from '../command';
import { EXIT_CODES } from '../exit-codes';
import { type CheckResult, formatCheck } from './check';
import { databaseCheck } from './database-check';
import { LANGFUSE_CHECKS, langfuseChecks } from './langfuse-checks';

/**
 * `cupid-dashboard doctor`: checks the configuration, the Langfuse base URL, the keys, the API
 * generation, the rate-limit headroom and the database, printing one line per check with what
 * to do about a failure. Keys are never printed. Exit 0 when nothing failed (warnings allowed),
 * 1 otherwise; a bad configuration is a failed check here, not exit 2.
 */
export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'check the configuration, Langfuse (URL, keys, API, rate limits) and the database',
  async run({ env, print }) {
    const results: CheckResult[] = [];
    let config: ServerConfig | null = null;
    try {
      config = loadConfig(env);
      results.push({
        name: 'configuration',
        outcome: 'ok',
        detail: `Langfuse ${config.langfuse.baseUrl}, API mode ${config.langfuse.apiMode}, keys set`,
      });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      results.push({
        name: 'configuration',
        outcome: 'fail',
        detail: error.problems.join('; '),
        fix: 'set the variables in the environment or in .env (see cupid-dashboard --help)',
      });
    }
    if (config) {
      results.push(...(await langfuseChecks(config)), await databaseCheck(config));
    } else {
      for (const name of [...LANGFUSE_CHECKS, 'database']) {
        results.push({ name, outcome: 'skip', detail: 'needs a valid configuration' });
      }
    }
    for (const result of results) print(formatCheck(result));
    return results.some((result) => result.outcome === 'fail') ? EXIT_CODES.failed : EXIT_CODES.ok;
  },
};
