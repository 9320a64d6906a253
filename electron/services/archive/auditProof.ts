import type { AuditEntry } from '../audit/auditLog';
import { digest } from '../audit/digest';

/**
 * The proof a package carries of its case's audit entries (issue 15). The trail is a hash chain:
 * each entry holds the hash of the one before it and its own hash over everything else. A package
 * holds the case's entries in full, and the links (seq, prevHash, hash) of every entry from the
 * first of them to the head of the trail at export: the entries' hashes are recomputed from their
 * contents, the links are followed to the head, and the entries about other subjects show only
 * their links (their contents stay in the institution). The institution's own trail confirms the
 * links; another trail (another institution's) cannot, and the check says so.
 */

export interface AuditLink {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface AuditProof {
  entries: AuditEntry[];
  links: AuditLink[];
  head: AuditLink | null;
  /** The hash of the trail's first entry: tells this institution's trail from another's. */
  trailId: string | null;
}

/** The entries about `subjects` (the case and its documents) and the links from the first of them to the head. */
export function auditProofOf(entriesAnyOrder: readonly AuditEntry[], subjects: ReadonlySet<string>): AuditProof {
  const trail = ascending(entriesAnyOrder);
  const entries = trail.filter((e) => e.subject?.id !== undefined && subjects.has(e.subject.id));
  const first = entries[0]?.seq;
  const links = first === undefined ? [] : trail.filter((e) => e.seq >= first).map(linkOf);
  const last = trail[trail.length - 1];
  return { entries, links, head: last ? linkOf(last) : null, trailId: trail[0]?.hash ?? null };
}

/** The trail in the order it was written (AuditLog.list gives the newest first). */
function ascending(entries: readonly AuditEntry[]): AuditEntry[] {
  return [...entries].sort((a, b) => a.seq - b.seq);
}

function linkOf(e: AuditEntry): AuditLink {
  return { seq: e.seq, prevHash: e.prevHash, hash: e.hash };
}

/** The hash an entry must carry (as the trail computes it: over everything but the hash). */
function hashOf(entry: Record<string, unknown>): string {
  const { hash: _hash, ...rest } = entry;
  return digest(rest);
}

/**
 * Whether a package's proof holds on its own: every entry's hash recomputes, the links run without a
 * gap from the first entry to the head, each entry's hash is the link's at its seq.
 */
export function proofHolds(entries: readonly Record<string, unknown>[], links: readonly AuditLink[], head: AuditLink | null): boolean {
  if (entries.length === 0) return links.length === 0;
  if (head === null || links.length === 0) return false;
  for (let i = 0; i < links.length; i++) {
    const link = links[i] as AuditLink;
    if (i > 0) {
      const before = links[i - 1] as AuditLink;
      if (link.seq !== before.seq + 1 || link.prevHash !== before.hash) return false;
    }
  }
  const bySeq = new Map(links.map((l) => [l.seq, l]));
  for (const entry of entries) {
    const link = bySeq.get(entry.seq as number);
    if (!link || entry.hash !== link.hash || entry.prevHash !== link.prevHash || hashOf(entry) !== entry.hash) return false;
  }
  const last = links[links.length - 1] as AuditLink;
  return last.seq === head.seq && last.hash === head.hash && (links[0] as AuditLink).seq === (entries[0]?.seq as number);
}

/**
 * The links against a trail: 'confirmed' when it is the same trail (its first entry's hash), holds
 * every link, and — with `complete` — the package holds every entry of the trail about `subjects`
 * up to the head at export (none left out); 'differs' when it is the same trail and a link
 * is not there as it was, or an entry about the subjects is missing from the package; 'notChecked'
 * for another trail (or none): then the proof holds only in itself, which anyone can forge.
 */
export function proofAgainstTrail(
  links: readonly AuditLink[],
  trailId: string | null,
  trailEntries: readonly AuditEntry[],
  complete?: { entries: readonly { seq: number }[]; subjects: ReadonlySet<string> },
): 'confirmed' | 'differs' | 'notChecked' {
  const trail = ascending(trailEntries);
  if (trailId === null || trail[0]?.hash !== trailId) return 'notChecked';
  const bySeq = new Map(trail.map((e) => [e.seq, e]));
  for (const link of links) {
    const entry = bySeq.get(link.seq);
    if (!entry || entry.hash !== link.hash || entry.prevHash !== link.prevHash) return 'differs';
  }
  if (complete && links.length > 0) {
    // Every entry about the subjects up to the head at export, the first ones included (the links start at the first of them).
    const last = (links[links.length - 1] as AuditLink).seq;
    const held = new Set(complete.entries.map((e) => e.seq));
    const about = trail.filter((e) => e.seq <= last && e.subject?.id !== undefined && complete.subjects.has(e.subject.id));
    if (about.some((e) => !held.has(e.seq))) return 'differs';
  }
  return 'confirmed';
}
