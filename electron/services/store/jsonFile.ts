import { LowSync, type SyncAdapter } from 'lowdb';
import type { z } from 'zod';
import { readFileIfExists, writeFileDurable } from './durableFile';

/**
 * How a record becomes bytes on disk and back. Plain JSON today; encryption at rest is a codec that
 * wraps this one, so every file the store touches changes with it.
 */
export interface Codec {
  encode(value: unknown): Buffer;
  decode(bytes: Buffer): unknown;
}

export const jsonCodec: Codec = {
  encode: (value) => Buffer.from(JSON.stringify(value), 'utf8'),
  decode: (bytes) => JSON.parse(bytes.toString('utf8')) as unknown,
};

/** A lowdb adapter for one file of the data directory: durable, atomic writes through a codec. */
export class DurableFile implements SyncAdapter<unknown> {
  constructor(
    readonly path: string,
    private readonly codec: Codec,
  ) {}

  read(): unknown {
    const bytes = readFileIfExists(this.path);
    return bytes === undefined ? null : this.codec.decode(bytes);
  }

  write(data: unknown): void {
    writeFileDurable(this.path, this.codec.encode(data));
  }
}

/** Read a one-record file: null while it does not exist; `damaged()` when it cannot be read or does not fit `schema`. */
export function readRecord<S extends z.ZodType>(file: DurableFile, schema: S, damaged: () => Error): z.output<S> | null {
  let raw: unknown;
  try {
    const db = new LowSync<unknown>(file, null);
    db.read();
    raw = db.data;
  } catch {
    throw damaged();
  }
  if (raw === null) return null;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw damaged();
  return parsed.data;
}
