/**
 * Issue 17: what the start pages read from the audit trail, the only record of them: the latest
 * backup of the data directory (archive.backup) and each case's latest export (issue 15). The trail
 * is read once, then only the entries written since (newest first, in growing slices), so that an
 * administrator's or archivist's start page does not decrypt the whole trail every time.
 */
import type { AuditEntry, AuditLog } from '../audit/auditLog';

export interface AuditFacts {
  /** When the latest backup was made. */
  lastBackupAt?: string | undefined;
  /** Case id → when its latest package was exported. */
  exports: ReadonlyMap<string, string>;
}

const BACKUP_METHOD = 'archive.backup';
const EXPORT_METHODS: readonly string[] = ['archive.exportCase', 'archive.exportClosed'];
/** The export's audit summary names its case: "… byla <id>, SHA-256 …" (archive/app.ts recordExport). */
const EXPORTED_CASE = /\bbyla ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/;
const FIRST_SLICE = 64;

/** The entries written after `seq`, newest first. */
function entriesAfter(audit: Pick<AuditLog, 'list'>, seq: number): AuditEntry[] {
  for (let limit = FIRST_SLICE; ; limit *= 8) {
    const entries = audit.list({ limit });
    if (entries.length < limit || entries[entries.length - 1]!.seq <= seq) return entries.filter((e) => e.seq > seq);
  }
}

/** A reader of the facts that keeps what it has read; call it for the facts as of now. */
export function auditFactsReader(audit: Pick<AuditLog, 'list'>): () => AuditFacts {
  let seen = 0;
  let lastBackupAt: string | undefined;
  const exports = new Map<string, string>();
  return () => {
    const fresh = entriesAfter(audit, seen);
    for (let i = fresh.length - 1; i >= 0; i--) {
      const e = fresh[i]!;
      if (e.method === BACKUP_METHOD) lastBackupAt = e.at;
      else if (EXPORT_METHODS.includes(e.method)) {
        const caseId = EXPORTED_CASE.exec(e.summary ?? '')?.[1];
        if (caseId !== undefined) exports.set(caseId, e.at);
      }
    }
    if (fresh.length > 0) seen = fresh[0]!.seq;
    return { lastBackupAt, exports };
  };
}
