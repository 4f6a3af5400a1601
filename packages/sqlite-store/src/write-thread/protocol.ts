import { type DashboardPreset, isStoreError, StoreError } from '@cupid-dashboard/core';
import type { WriterMethod } from './store-writer';

/** What the store hands its write thread when it starts it. */
export interface WriterThreadData {
  path: string;
  busyTimeoutMs: number;
  preset: DashboardPreset;
}

/** A call to the write thread. */
export interface WriterRequest {
  id: number;
  method: WriterMethod | 'close';
  args: unknown[];
}

/** An error as it crosses the thread boundary (structured clone keeps no classes). */
export interface ErrorShape {
  name: string;
  message: string;
  code?: string;
  /** True for a `StoreError`, which is re-thrown as one with the same code. */
  store: boolean;
}

/** The write thread's messages: started (or not), and one answer per call. */
export type WriterMessage =
  | { kind: 'ready' }
  | { kind: 'failed'; error: ErrorShape }
  | { kind: 'reply'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: ErrorShape };

/** The cloneable shape of anything thrown. */
export function errorShape(error: unknown): ErrorShape {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), store: false };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    store: isStoreError(error),
  };
}

/** An error again from its shape: a `StoreError` keeps its code, anything else stays an `Error`. */
export function errorFromShape(shape: ErrorShape): Error {
  if (shape.store && shape.code) {
    return new StoreError(shape.code as StoreError['code'], shape.message);
  }
  const error = new Error(shape.message);
  error.name = shape.name;
  if (shape.code !== undefined) Object.assign(error, { code: shape.code });
  return error;
}
