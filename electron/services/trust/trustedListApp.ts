import { randomUUID } from 'node:crypto';
import type { StoredTrustedList, TrustedListsRecord, TrustedListsView, TrustedListView } from '../../../shared/contract/trustedListSchemas';
import { DomainError } from '../../../shared/domain/errors';
import type { ServiceContext, ServiceHandlers } from '../context';
import { rememberListContent, storedListContent } from './anchors';
import { caQcServices, grantedAt } from './qualified';
import { operatorCertificateOf, readTrustedList } from './trustedList';

type TrustedListHandlers = Pick<ServiceHandlers, 'trust.trustedLists' | 'trust.importTrustedList' | 'trust.removeTrustedList'>;

function viewOf(stored: StoredTrustedList, now: Date): TrustedListView {
  const list = storedListContent(stored);
  const granted = list ? caQcServices(list, now).filter((s) => grantedAt(s, now)) : [];
  return {
    id: stored.id,
    name: stored.name,
    territory: stored.territory,
    operator: stored.operator,
    sequenceNumber: stored.sequenceNumber,
    issued: stored.issued,
    nextUpdate: stored.nextUpdate,
    expired: new Date(stored.nextUpdate).getTime() < now.getTime(),
    importedAt: stored.importedAt,
    readable: list !== null,
    services: granted.map((s) => ({ name: s.name, provider: s.provider })),
  };
}

/**
 * The administrator's trusted lists (issue 18, "Trust from the trusted lists"): an EU or national
 * list (ETSI TS 119 612) imported with its operator's certificate, checked whole before anything is
 * written; a newer list of a territory replaces the older one. Changes are audited as settings.
 */
export function trustedListHandlers(ctx: ServiceContext): TrustedListHandlers {
  const view = (record: TrustedListsRecord): TrustedListsView => ({ lists: record.lists.map((l) => viewOf(l, ctx.now())) });

  return {
    'trust.trustedLists': async () => view(ctx.trustedLists.get()),

    'trust.importTrustedList': async ({ name, bytes, operator }, caller) => {
      const before = ctx.trustedLists.get();
      const operatorDer = operatorCertificateOf(operator);
      const list = readTrustedList(bytes, operatorDer, ctx.now());
      const same = before.lists.find((l) => l.territory === list.territory);
      // TS 119 612 §5.3.7: each issue of a territory's list has a higher sequence number.
      if (same && same.sequenceNumber >= list.sequenceNumber) {
        throw new DomainError('TRUSTED_LIST_NOT_NEWER', { territory: list.territory, sequenceNumber: list.sequenceNumber, stored: same.sequenceNumber });
      }
      const stored: StoredTrustedList = {
        id: randomUUID(),
        name: name || `${list.territory}.xml`,
        xml: Buffer.from(bytes).toString('base64'),
        operatorCertificate: Buffer.from(operatorDer).toString('base64'),
        territory: list.territory,
        operator: list.operator,
        sequenceNumber: list.sequenceNumber,
        issued: list.issued.toISOString(),
        nextUpdate: (list.nextUpdate as Date).toISOString(),
        importedAt: ctx.now().toISOString(),
        importedBy: caller.user?.username ?? '',
      };
      rememberListContent(stored, list);
      const next: TrustedListsRecord = { lists: [...before.lists.filter((l) => l !== same), stored] };
      caller.record({ kind: 'settings' }, before, next, `Importuotas patikimų sąrašas (${list.territory} Nr. ${list.sequenceNumber})`, (stores) => stores.trustedLists.put(next));
      return view(next);
    },

    'trust.removeTrustedList': async ({ id }, caller) => {
      const before = ctx.trustedLists.get();
      const list = before.lists.find((l) => l.id === id);
      if (!list) throw new DomainError('TRUSTED_LIST_NOT_FOUND', { id });
      const next: TrustedListsRecord = { lists: before.lists.filter((l) => l !== list) };
      caller.record({ kind: 'settings' }, before, next, `Pašalintas patikimų sąrašas (${list.territory} Nr. ${list.sequenceNumber})`, (stores) => stores.trustedLists.put(next));
      return view(next);
    },
  };
}
