import { LowSync } from 'lowdb';
import { z } from 'zod';
import { generatedDocument, type GeneratedDocument } from '../../../shared/contract/documentSchemas';
import { DomainError } from '../../../shared/domain/errors';
import type { DataDirectory } from './dataDirectory';
import { DurableFile, readRecord, type Codec } from './jsonFile';
import { RecordFolder } from './recordFolder';
import { storageError } from './storageErrors';

/**
 * The documents the app generated (V-77 p. 9–16, 45–46), one sealed record each in `generated/`;
 * their PDF versions are contents in `documents/`, named by hash, like the dossier's.
 */
export class GeneratedStore extends RecordFolder<GeneratedDocument> {
  constructor(dir: DataDirectory, codec: Codec) {
    super(dir, codec, {
      folder: 'generated',
      schema: generatedDocument,
      what: 'documentRecord',
      damaged: (id) => new DomainError('DOCUMENT_RECORD_DAMAGED', { id }),
      notFound: (id) => new DomainError('DOCUMENT_NOT_FOUND', { documentId: id, generated: true }),
    });
  }

  /**
   * Every record, a replaced one with `replacedBy` whether or not its own record says so: a
   * correction is written first and names what it `replaces`, and the mark on the replaced record
   * is a second write, which a crash can cut off (issue 16's crash test found both then in force,
   * neither correctable). The correction's own word is the one that counts.
   */
  override list(): GeneratedDocument[] {
    const all = super.list();
    const correctionOf = new Map<string, string>();
    for (const d of all) if (d.replaces !== undefined) correctionOf.set(d.replaces, d.id);
    return all.map((d) => withReplacement(d, correctionOf.get(d.id)));
  }

  override get(id: string): GeneratedDocument {
    const doc = super.get(id);
    if (doc.replacedBy !== undefined) return doc;
    return withReplacement(doc, super.list().find((d) => d.replaces === id)?.id);
  }
}

function withReplacement(doc: GeneratedDocument, correction: string | undefined): GeneratedDocument {
  return doc.replacedBy === undefined && correction !== undefined ? { ...doc, replacedBy: correction } : doc;
}

const registerFile = z.object({ numbers: z.record(z.string(), z.number().int().min(0)) });

/**
 * The registration register (DESIGN §1): the last number given per prefix and year (`register.json`).
 * A number is written down before the document that carries it, so a crash can skip a number but
 * never give one twice.
 */
export class RegisterStore {
  private readonly file: DurableFile;

  constructor(dir: DataDirectory, codec: Codec) {
    this.file = new DurableFile(dir.path('register.json'), codec);
  }

  /** The next number for `prefix` in `year` after `atLeast` (the highest seen on documents), already recorded as given. */
  take(prefix: string, year: number, atLeast = 0): number {
    const current = readRecord(this.file, registerFile, damaged) ?? { numbers: {} };
    const key = `${year}/${prefix}`;
    const next = Math.max(current.numbers[key] ?? 0, atLeast) + 1;
    try {
      new LowSync(this.file, { numbers: { ...current.numbers, [key]: next } }).write();
    } catch (e) {
      throw storageError(e, 'register');
    }
    return next;
  }
}

function damaged(): DomainError {
  return new DomainError('REGISTER_DAMAGED');
}
