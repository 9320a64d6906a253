import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../shared/domain/errors';
import type { DocumentKind } from '../../../shared/domain/dossier';

/** A checked file waiting, in memory only, for the user to confirm where it goes (V-77 p. 6 items). */
export interface StagedDocument {
  id: string;
  /** Who staged it: only the same session may attach or discard it. */
  owner: string;
  caseId: string;
  name: string;
  kind: DocumentKind;
  sha256: string;
  bytes: Uint8Array;
  stagedAt: number;
}

/**
 * Files the user dropped or picked, checked and hashed but not stored: a folder load is reviewed
 * before anything reaches the data directory, and an abandoned review leaves nothing behind. Held in
 * memory (never on disk unencrypted), bounded in total size and dropped after an hour.
 */
export class Staging {
  private readonly files = new Map<string, StagedDocument>();

  constructor(
    private readonly now: () => number,
    private readonly limits = { totalBytes: 2 * 1024 ** 3, maxAgeMs: 60 * 60 * 1000 },
  ) {}

  private sweep(): void {
    const oldest = this.now() - this.limits.maxAgeMs;
    for (const [id, f] of this.files) if (f.stagedAt < oldest) this.files.delete(id);
  }

  private heldBytes(owner?: string): number {
    let total = 0;
    for (const f of this.files.values()) if (owner === undefined || f.owner === owner) total += f.bytes.length;
    return total;
  }

  add(file: Omit<StagedDocument, 'id' | 'stagedAt'>): StagedDocument {
    this.sweep();
    // One user's abandoned review must not block everyone: each session may hold half of the total.
    if (this.heldBytes() + file.bytes.length > this.limits.totalBytes || this.heldBytes(file.owner) + file.bytes.length > this.limits.totalBytes / 2) {
      throw new DomainError('STAGING_FULL', { file: file.name });
    }
    const staged = { ...file, id: randomUUID(), stagedAt: this.now() };
    this.files.set(staged.id, staged);
    return staged;
  }

  /** The staged files, all or none: an unknown or foreign id refuses the whole set. */
  get(owner: string, caseId: string, ids: readonly string[]): StagedDocument[] {
    this.sweep();
    return ids.map((id) => {
      const f = this.files.get(id);
      if (!f || f.owner !== owner || f.caseId !== caseId) {
        throw new DomainError('STAGED_FILE_GONE', { stagedId: id });
      }
      return f;
    });
  }

  discard(owner: string, ids: readonly string[]): void {
    for (const id of ids) if (this.files.get(id)?.owner === owner) this.files.delete(id);
  }

  /** Everything a session staged (on sign-out). */
  discardAllOf(owner: string): void {
    for (const [id, f] of this.files) if (f.owner === owner) this.files.delete(id);
  }
}
