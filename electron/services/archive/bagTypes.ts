/**
 * The shape of a package (issue 15): a BagIt 1.0 bag (RFC 8493) in a zip. The case packages, the
 * dossier sent between institutions (V-77 p. 7) and the backups of the data directory are all
 * packages of this shape, written by `writeBag` and read by `openBag` (bagit.ts).
 */
import type { Readable } from 'node:stream';

/** One file of a bag: its path inside the bag (e.g. 'data/case.json'), read as a stream when written. */
export interface BagFileSource {
  /** POSIX path relative to the bag's root; payload files start with 'data/'. */
  path: string;
  /** The size in bytes when known beforehand (progress; Payload-Oxum is counted from what was written). */
  size?: number;
  /** The bytes; called once, when the file is written. */
  open(): Readable | Buffer;
}

/** bag-info.txt: labels and values in order (a label may repeat). */
export type BagInfo = readonly (readonly [label: string, value: string])[];

export interface WriteBagOptions {
  /** The bag's folder inside the zip (unzip creates it): e.g. 'byla-2026-0042'. */
  bagName: string;
  payload: readonly BagFileSource[];
  /** Tag files besides bagit.txt, bag-info.txt and the manifests (e.g. 'case-schema.json'). */
  tags?: readonly BagFileSource[];
  /** Written to bag-info.txt after the labels the writer adds itself (Bagging-Date, Payload-Oxum). */
  info: BagInfo;
  /** Protect every entry with this password (AES-256, WinZip AE-2: 7-Zip opens it). */
  password?: string;
  /** Aborting stops the writing and removes the partial file; the promise rejects with PACKAGE_CANCELLED. */
  signal?: AbortSignal;
  /** Bytes written of the payload so far, and the total when every size was known. */
  onProgress?(done: number, total: number | undefined): void;
  /** The Bagging-Date and the entries' modification time (default: now). */
  date?: Date;
}

export interface WrittenBag {
  /** SHA-256 (hex) of the whole package file as written. */
  sha256: string;
  /** The package file's size. */
  bytes: number;
  /** Payload-Oxum: octets and files of the payload. */
  payloadBytes: number;
  payloadFiles: number;
}

/** Limits a package read must stay within (zip bombs, oversized packages). */
export interface PackageLimits {
  /** The package file itself. */
  maxPackageBytes: number;
  maxEntries: number;
  /** Sum of the entries' uncompressed sizes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio accepted for an entry (counted on what is actually inflated). */
  maxRatio: number;
}

/** One thing found wrong with a package: a code (its texts in errorTexts/packages.ts) and the path it concerns. */
export interface BagProblem {
  code: string;
  path?: string;
  /** Expected and found values where they help (hashes, sizes, versions). */
  expected?: string;
  found?: string;
}

export interface BagReport {
  /** Every check passed: structure, completeness, every checksum, tag manifest, Payload-Oxum. */
  valid: boolean;
  problems: BagProblem[];
  /** bag-info.txt as read (labels in order). */
  info: BagInfo;
  payloadFiles: number;
  payloadBytes: number;
  /** path → SHA-256 of every payload file as read (what the manifest was checked against). */
  payload: ReadonlyMap<string, string>;
}

export interface VerifyOptions {
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  /**
   * Files the caller looks at whole as the one read passes them (e.g. the signatures of a signed
   * PDF), one at a time: `seen` gets each wanted file of at most `maxBytes` when it has been read,
   * whether or not its checksum then matches (the report says that).
   */
  inspect?: { wants(path: string): boolean; maxBytes: number; seen(path: string, bytes: Buffer): void };
}

/** A package opened for reading: nothing is read whole into memory but the files `inspect` asks for. */
export interface OpenedBag {
  /**
   * SHA-256 of the package file. It is hashed from the reads `verify()` makes (the package is read
   * once), so it is known once `verify()` has run; reading it before throws.
   */
  readonly sha256: string;
  readonly bytes: number;
  /** The bag's folder inside the zip. */
  readonly bagName: string;
  /** Paths relative to the bag's root of every file in it (payload and tag files). */
  readonly paths: readonly string[];
  /** Full validation (bagit.py --validate): reads and hashes every file once. */
  verify(options?: VerifyOptions): Promise<BagReport>;
  /** A file's bytes as a stream (refused above the limits). */
  stream(path: string): Readable;
  /** A small file whole (JSON, tag files), refused if larger than `maxBytes`. */
  read(path: string, maxBytes: number): Promise<Buffer>;
  close(): Promise<void>;
}
