import { createHash } from 'node:crypto';
import type { StoredTrustedList } from '../../../shared/contract/trustedListSchemas';
import type { ServiceContext } from '../context';
import { pemCertificates } from '../signing/pemCertificates';
import { caQcServices, grantedAt, type TrustedService } from './qualified';
import { signedTrustedList, type TrustedList } from './trustedList';

/**
 * What the institution trusts when it checks a signature (issue 12, 18): the administrator's pasted
 * PEM roots and the CA/QC services of the imported trusted lists whose current status is granted.
 */

/**
 * Each stored list is read (signature and all) once: by the record object while the store keeps it,
 * else by its content (a list just imported, or the same record read again from disk).
 */
const byRecord = new WeakMap<StoredTrustedList, TrustedList | null>();
const byContent = new Map<string, TrustedList | null>();
const CONTENT_CACHE = 16;

const contentKey = (stored: Pick<StoredTrustedList, 'xml' | 'operatorCertificate'>): string =>
  createHash('sha256').update(stored.xml).update('\n').update(stored.operatorCertificate).digest('hex');

function keep(stored: StoredTrustedList, key: string, list: TrustedList | null): void {
  if (!byContent.has(key) && byContent.size >= CONTENT_CACHE) byContent.delete(byContent.keys().next().value as string);
  byContent.set(key, list);
  byRecord.set(stored, list);
}

/** Remember what a list just imported reads as, so that it is not read again at once. */
export function rememberListContent(stored: StoredTrustedList, list: TrustedList): void {
  keep(stored, contentKey(stored), list);
}

/** A stored list as read again with its operator's certificate; null if it no longer reads (the settings say so). */
export function storedListContent(stored: StoredTrustedList): TrustedList | null {
  const known = byRecord.get(stored);
  if (known !== undefined) return known;
  const key = contentKey(stored);
  let list = byContent.get(key);
  if (list === undefined) {
    try {
      list = signedTrustedList(Buffer.from(stored.xml, 'base64'), Buffer.from(stored.operatorCertificate, 'base64'));
    } catch {
      list = null;
    }
  }
  keep(stored, key, list);
  return list;
}

/** What the trust anchors are read from: the pasted roots (settings) and the imported trusted lists. */
export type TrustSources = Pick<ServiceContext, 'now' | 'settings' | 'trustedLists'>;

/** The CA/QC services of every imported list, with their history, for the signatures' qualification. */
export function trustedServicesOf(ctx: TrustSources): TrustedService[] {
  const now = ctx.now();
  return ctx.trustedLists.get().lists.flatMap((stored) => {
    const list = storedListContent(stored);
    return list ? caQcServices(list, now) : [];
  });
}

/**
 * Every trust anchor (DER): the pasted roots, then the certificates of the lists' CA/QC services
 * granted now. A list past its next update still names its anchors (as a stale revocation list
 * still counts) but qualifies no signature: the settings show it out of date.
 */
export function trustedAnchors(ctx: TrustSources): Uint8Array[] {
  const now = ctx.now();
  const granted = trustedServicesOf(ctx).filter((s) => grantedAt(s, now));
  return [...pemCertificates(ctx.settings.get()?.signing?.trustedRoots ?? ''), ...granted.flatMap((s) => s.certificates)];
}
