// The data key's slots as the administrator changes them (issue 16, "keys you cannot lose"): a
// passphrase added, this workstation enrolled, a new recovery key, a slot removed. Each change needs
// the secret of an existing slot (the current passphrase or recovery key, or this workstation's OS
// store where it opens the directory) and writes an audit entry that names the slots, never a
// secret. The slots themselves are keySlots.ts's.
import { timingSafeEqual } from 'node:crypto';
import type { KeyProof, KeySecret } from '../../../shared/contract/keySchemas';
import { DomainError } from '../../../shared/domain/errors';
import type { Call, ServiceContext, ServiceHandlers } from '../context';
import {
  commitSlot,
  listSlots,
  newRecoveryKey,
  openDataKey,
  removeSlot,
  slotOfWorkstation,
  wrapSlot,
  type KeyProvider,
  type KeyRing,
  type KeySlotView,
  type OsKeyProvider,
  type WrappedSlot,
} from '../store/keySlots';

type KeysMethods = 'keys.list' | 'keys.addPassphrase' | 'keys.enrol' | 'keys.newRecoveryKey' | 'keys.remove' | 'keys.takeRecoveryKey' | 'keys.unlock' | 'keys.enrolAtUnlock';

/** A slot as the audit summary names it: its id and kind, in Lithuanian. */
function slotText(slot: Pick<KeySlotView, 'id' | 'kind'>): string {
  const kind = slot.kind === 'os' ? 'kompiuterio saugykla' : slot.kind === 'passphrase' ? 'slaptafrazė' : 'atkūrimo raktas';
  return `${slot.id} (${kind})`;
}

/** The provider of a typed secret. */
function providerOf(secret: KeySecret): KeyProvider {
  return secret.kind === 'passphrase' ? { kind: 'passphrase', passphrase: secret.passphrase } : { kind: 'recovery', recoveryKey: secret.recoveryKey };
}

/**
 * `ring`: the key that opened the directory and the slot that did. `workstation`: this computer's
 * OS secret store, given by the desktop app only (the browser host and the command line have none).
 */
export function keysHandlers(ctx: ServiceContext, ring: KeyRing, workstation: OsKeyProvider | undefined): Pick<ServiceHandlers, KeysMethods> {
  const root = ring.root;
  /**
   * The desktop app was unlocked in this run by a passphrase or the recovery key (its OS store did
   * not open the directory): the one who typed it may enrol this workstation right away, once.
   */
  let enrolOffer = workstation !== undefined && ring.openedBy.kind !== 'os';

  /** The slot whose secret `proof` gives; throws unless it opens the data key this run holds. */
  const prove = async (proof: KeyProof): Promise<KeySlotView> => {
    if (proof.kind === 'thisWorkstation') {
      const slot = workstation === undefined ? undefined : await slotOfWorkstation(root, ring.key, workstation);
      if (slot === undefined) throw new DomainError('KEY_PROOF_NOT_THIS_WORKSTATION');
      return slot;
    }
    const opened = await openDataKey(root, providerOf(proof));
    // keys.json replaced under the running app by one of another directory: nothing is changed in it.
    if (!timingSafeEqual(opened.key, ring.key)) throw new DomainError('KEY_FILE_REPLACED');
    return opened.slot;
  };

  const ids = () => listSlots(root).map((s) => s.id);

  /** Writes `wrapped` (audited first, as every change): the summary names the new slot and the proving one. */
  const add = (call: Call, wrapped: WrappedSlot, proof: KeySlotView) => {
    const before = ids();
    const replaced = wrapped.kind === 'recovery' ? listSlots(root).filter((s) => s.kind === 'recovery') : [];
    const summary = [
      `Pridėta rakto vieta ${slotText(wrapped)}`,
      ...(replaced.length > 0 ? [`pašalinta ankstesnė ${replaced.map(slotText).join(', ')}`] : []),
      `patvirtinta vieta ${slotText(proof)}`,
    ].join('; ');
    const after = [...before.filter((id) => !replaced.some((r) => r.id === id)), wrapped.id];
    return call.record({ kind: 'keys', id: wrapped.id }, { slots: before }, { slots: after }, summary, () => commitSlot(root, ring.key, wrapped));
  };

  const enrolThisWorkstation = async (): Promise<WrappedSlot> => {
    if (workstation === undefined) throw new DomainError('KEY_WORKSTATION_UNAVAILABLE');
    if ((await slotOfWorkstation(root, ring.key, workstation)) !== undefined) throw new DomainError('KEY_WORKSTATION_ENROLLED');
    return wrapSlot(ring.key, workstation, ctx.now());
  };

  return {
    'keys.list': async () => ({
      slots: listSlots(root),
      openedBy: ring.openedBy.id,
      workstation: { available: workstation !== undefined, slotId: workstation === undefined ? null : ((await slotOfWorkstation(root, ring.key, workstation))?.id ?? null) },
    }),
    'keys.addPassphrase': async (input, call) => {
      if (input.passphrase !== input.repeat) throw new DomainError('PASSPHRASE_MISMATCH');
      const proof = await prove(input.current);
      const wrapped = await wrapSlot(ring.key, { kind: 'passphrase', passphrase: input.passphrase }, ctx.now());
      return add(call, wrapped, proof).slot;
    },
    'keys.enrol': async (input, call) => {
      const proof = await prove(input.current);
      return add(call, await enrolThisWorkstation(), proof).slot;
    },
    'keys.newRecoveryKey': async (input, call) => {
      const proof = await prove(input.current);
      const recoveryKey = newRecoveryKey();
      const wrapped = await wrapSlot(ring.key, { kind: 'recovery', recoveryKey }, ctx.now());
      const { slot, removed } = add(call, wrapped, proof);
      return { slot, recoveryKey, removed };
    },
    'keys.remove': async (input, call) => {
      const target = listSlots(root).find((s) => s.id === input.id);
      if (target === undefined) throw new DomainError('KEY_SLOT_UNKNOWN', { id: input.id });
      if (target.id === ring.openedBy.id && !input.confirmOpening) throw new DomainError('KEY_SLOT_OPENED_THIS_RUN', { id: target.id });
      const proof = await prove(input.current);
      const before = ids();
      const summary = `Pašalinta rakto vieta ${slotText(target)}; patvirtinta vieta ${slotText(proof)}`;
      return call.record({ kind: 'keys', id: target.id }, { slots: before }, { slots: before.filter((id) => id !== target.id) }, summary, () => removeSlot(root, ring.key, target.id));
    },
    'keys.takeRecoveryKey': async () => ({ recoveryKey: ring.takeRecoveryKey() ?? null }),
    'keys.unlock': async () => {
      throw new DomainError('DATA_KEY_ALREADY_OPEN');
    },
    'keys.enrolAtUnlock': async (input, call) => {
      if (!enrolOffer) throw new DomainError('KEY_ENROL_NOT_OFFERED');
      enrolOffer = false;
      if (!input.enrol) return { slot: null };
      // The proof: the slot whose secret was typed on the unlock page of this run.
      return { slot: add(call, await enrolThisWorkstation(), ring.openedBy).slot };
    },
  };
}
