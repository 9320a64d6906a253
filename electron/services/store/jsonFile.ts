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
  /** Issue 16: the codec of the whole-file record at `path`, bound to it and to its version (encryption.ts); absent for plain JSON. */
  at?(path: string): Codec;
}

export const jsonCodec: Codec = {
  encode: (value) => Buffer.from(JSON.stringify(value), 'utf8'),
  decode: (bytes) => JSON.parse(bytes.toString('utf8')) as unknown,
};

/** A lowdb adapter for one file of the data directory: durable, atomic writes through a codec. */
export class DurableFile implements SyncAdapter<unknown> {
  private readonly codec: Codec;

  constructor(
    readonly path: string,
    codec: Codec,
  ) {
    this.codec = codec.at?.(path) ?? codec;
  }

  read(): unknown {
    const bytes = readFileIfExists(this.path);
    return bytes === undefined ? null : this.codec.decode(bytes);
  }

  /** The value `bytes` (as read from this file) hold. */
  decode(bytes: Buffer): unknown {
    return this.codec.decode(bytes);
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

/**
 * A one-record file read as readRecord reads it, kept as read while the file holds the same bytes:
 * the settings are asked for at every call, and reading them costs a decryption and a check, where
 * comparing a few kilobytes costs next to nothing. Each caller gets its own copy. A damaged file is
 * reported every time.
 */
export class CachedRecord<S extends z.ZodType> {
  private cached: { bytes: Buffer; value: z.output<S> } | undefined;

  constructor(
    readonly file: DurableFile,
    private readonly schema: S,
    private readonly damaged: () => Error,
  ) {}

  read(): z.output<S> | null {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileIfExists(this.file.path);
    } catch {
      throw this.damaged();
    }
    if (bytes === undefined) return null;
    if (this.cached === undefined || !bytes.equals(this.cached.bytes)) {
      this.cached = undefined;
      let raw: unknown;
      try {
        raw = this.file.decode(bytes);
      } catch {
        throw this.damaged();
      }
      if (raw === null) return null;
      const parsed = this.schema.safeParse(raw);
      if (!parsed.success) throw this.damaged();
      this.cached = { bytes, value: parsed.data };
    }
    return copyOf(this.cached.value);
  }
}

/**
 * A deep copy of JSON data (plain objects, arrays, strings, numbers, booleans, null), as a record
 * read and checked by its schema is: several times faster than structuredClone for it.
 */
export function copyOf<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = copyOf(value[i] as unknown);
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyOf((value as Record<string, unknown>)[key]);
  return copy as T;
}
