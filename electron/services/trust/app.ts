import { randomUUID } from 'node:crypto';
import type { RevocationRecord, RevocationView } from '../../../shared/contract/verificationSchemas';
import { DomainError } from '../../../shared/domain/errors';
import type { ServiceContext, ServiceHandlers } from '../context';
import { checkCrlForImport, parseCrl } from '../signing/revocation';
import { trustedAnchors } from './anchors';
import { trustedListHandlers } from './trustedListApp';

type TrustHandlers = Pick<
  ServiceHandlers,
  'trust.revocation' | 'trust.importCrl' | 'trust.removeCrl' | 'trust.setRevocationPolicy' | 'trust.trustedLists' | 'trust.importTrustedList' | 'trust.removeTrustedList'
>;

/** DER certificates as the PEM text the CRL check reads. */
const asPem = (certificates: readonly Uint8Array[]): string =>
  certificates.map((der) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64')}\n-----END CERTIFICATE-----\n`).join('');

/**
 * The administrator's revocation data (issue 12, "Revocation"): CRL files imported offline, each
 * checked (readable, current, signed by a trusted CA) before anything is written, and the policy
 * whether a certificate without revocation data leaves its signature INDETERMINATE.
 */
/** Whether two lists' issuing distribution points name the same places (none on both: the CA's whole list). */
function samePoints(a: readonly Uint8Array[] | null, b: readonly Uint8Array[] | null): boolean {
  if (a === null || b === null) return a === b;
  const key = (names: readonly Uint8Array[]) => names.map((n) => Buffer.from(n).toString('hex')).sort().join(',');
  return key(a) === key(b);
}

export function trustHandlers(ctx: ServiceContext): TrustHandlers {
  const view = (record: RevocationRecord): RevocationView => ({
    required: record.required,
    lists: record.lists.flatMap((l) => {
      try {
        const crl = parseCrl(Buffer.from(l.der, 'base64'));
        return [
          {
            id: l.id,
            name: l.name,
            issuer: crl.issuer,
            thisUpdate: crl.thisUpdate.toISOString(),
            nextUpdate: crl.nextUpdate?.toISOString() ?? null,
            revokedCount: crl.revoked.size,
            importedAt: l.importedAt,
            stale: crl.nextUpdate !== null && crl.nextUpdate.getTime() < ctx.now().getTime(),
          },
        ];
      } catch {
        return [];
      }
    }),
  });

  return {
    ...trustedListHandlers(ctx),

    'trust.revocation': async () => view(ctx.revocation.get()),

    'trust.importCrl': async ({ name, bytes, issuer }, caller) => {
      const before = ctx.revocation.get();
      const { crl, issuerCertificate } = checkCrlForImport(bytes, {
        // Issue 18: a CA granted in an imported trusted list vouches for its lists as a pasted root does.
        trustedRootsPem: asPem(trustedAnchors(ctx)),
        ...(issuer ? { issuerCandidates: issuer } : {}),
        now: ctx.now(),
      });
      const der = Buffer.from(crl.der).toString('base64');
      if (before.lists.some((l) => l.der === der)) {
        throw new DomainError('CRL_EXISTS');
      }
      // A newer list from the same CA replaces the older ones it supersedes.
      const older = before.lists.filter((l) => {
        try {
          const other = parseCrl(Buffer.from(l.der, 'base64'));
          // The same CA's list for the same distribution point (issue 18: a CA may split its lists by point).
          return (
            Buffer.from(other.issuerDer).equals(Buffer.from(crl.issuerDer)) &&
            samePoints(other.scope.distributionPoint, crl.scope.distributionPoint) &&
            other.thisUpdate.getTime() <= crl.thisUpdate.getTime()
          );
        } catch {
          return false;
        }
      });
      const next: RevocationRecord = {
        ...before,
        lists: [
          ...before.lists.filter((l) => !older.includes(l)),
          {
            id: randomUUID(),
            name,
            der,
            issuerCertificate: Buffer.from(issuerCertificate).toString('base64'),
            importedAt: ctx.now().toISOString(),
            importedBy: caller.user?.username ?? '',
          },
        ],
      };
      caller.record({ kind: 'settings' }, before, next, `Importuotas atšauktų sertifikatų sąrašas (${crl.issuer}, ${crl.thisUpdate.toISOString().slice(0, 10)})`, (stores) =>
        stores.revocation.put(next),
      );
      return view(next);
    },

    'trust.removeCrl': async ({ id }, caller) => {
      const before = ctx.revocation.get();
      const list = before.lists.find((l) => l.id === id);
      if (!list) throw new DomainError('CRL_NOT_FOUND', { id });
      const next = { ...before, lists: before.lists.filter((l) => l.id !== id) };
      caller.record({ kind: 'settings' }, before, next, `Pašalintas atšauktų sertifikatų sąrašas ${list.name}`, (stores) => stores.revocation.put(next));
      return view(next);
    },

    'trust.setRevocationPolicy': async ({ required }, caller) => {
      const before = ctx.revocation.get();
      const next = { ...before, required };
      caller.record(
        { kind: 'settings' },
        before,
        next,
        required ? 'Parašų tikrinimui privalomi atšaukimo duomenys' : 'Parašų tikrinimui atšaukimo duomenys neprivalomi',
        (stores) => stores.revocation.put(next),
      );
      return view(next);
    },
  };
}
