import { resolve } from 'node:path';
import type { DashboardPreset } from '@cupid-dashboard/core';
import type BetterSqlite3 from 'better-sqlite3';
import {
  type Connection,
  isFileDatabase,
  openReadConnection,
  openWriteConnection,
} from '../db/open';
import type { Db } from '../db/types';
import { DEFAULT_BUSY_TIMEOUT_MS, type SqliteStoreOptions } from '../options';
import { createInlineWriter } from './inline-writer';
import type { StoreWriter } from './store-writer';
import { startThreadWriter } from './thread-writer';

/** What a store works through: its writer, the connection queries read from, and how to close. */
export interface StoreConnections {
  writer: StoreWriter;
  reader: Db;
  /** The connection on the caller's thread: the writer's when inline, else the reader's. */
  database: BetterSqlite3.Database;
  close(): Promise<void>;
}

/**
 * Opens the store's connections. A file path writes on a thread of its own by default
 * (`writeThread`); an in-memory database, or a connection the caller passed, writes on the
 * caller's thread, since no other thread can reach it. Queries read from a second connection
 * whenever the data is in a file.
 */
export async function openConnections(
  options: SqliteStoreOptions,
  preset: DashboardPreset,
): Promise<StoreConnections> {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const path = options.path;
  const threadable = path !== undefined && path !== '' && path !== ':memory:';
  if (threadable && (options.writeThread ?? true)) {
    const writer = await startThreadWriter({ path: resolve(path), busyTimeoutMs, preset });
    let reader: Connection;
    try {
      reader = openReadConnection(path, busyTimeoutMs);
    } catch (error) {
      await writer.close();
      throw error;
    }
    return {
      writer,
      reader: reader.db,
      database: reader.database,
      close: () => closeAll(writer, reader),
    };
  }

  const target = options.database ? { database: options.database } : { path: path ?? ':memory:' };
  const connection = await openWriteConnection(target, busyTimeoutMs);
  const writer = createInlineWriter(connection.db, preset, connection.close);
  const reader = isFileDatabase(connection.database)
    ? openReadConnection(connection.database.name, busyTimeoutMs)
    : null;
  return {
    writer,
    reader: reader?.db ?? connection.db,
    database: connection.database,
    close: () => closeAll(writer, reader),
  };
}

async function closeAll(writer: StoreWriter, reader: Connection | null): Promise<void> {
  await reader?.close();
  await writer.close();
}
