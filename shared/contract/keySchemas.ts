/**
 * The data key's slots as the contract carries them (issue 16, "keys you cannot lose"): what the
 * administrator sees of them (never a wrapped key), the secrets that prove an existing slot, and
 * the unlock page's input. A recovery key or passphrase crosses the boundary only as the user typed
 * it and is never returned, except a new recovery key, once, to be written down.
 */
import { z } from 'zod';
import { oneLine, raw, secret } from './fieldSchemas';

export const keySlotId = oneLine(z.string()).regex(/^[0-9a-f]{8,32}$/, { error: 'invalid' });

export const keySlotView = z.strictObject({
  id: keySlotId,
  kind: z.enum(['os', 'passphrase', 'recovery']),
  /** When the slot was added (absent for the one a keys.json of before issue 16 held). */
  addedAt: z.string().optional(),
  /** An 'os' slot's computer and OS user. */
  computer: z.string().optional(),
  user: z.string().optional(),
});
export type KeySlotViewData = z.infer<typeof keySlotView>;

/** A passphrase as typed (its length is checked where a new one is made: PASSPHRASE_TOO_SHORT). */
const passphrase = raw(z.string().min(1, { error: 'required' }).max(1024, { error: 'tooLong' }), 'a passphrase as typed, compared with a slot’s');
/** A new passphrase (issue 16): refused with an invisible character or a line break, which no one could type again. */
const newPassphrase = secret(z.string().min(1, { error: 'required' })).max(1024, { error: 'tooLong' });
/** A recovery key as typed: its groups' checks are the back end's (RECOVERY_KEY_MISTYPED names the group). */
const recoveryKey = raw(z.string().min(1, { error: 'required' }).max(200, { error: 'tooLong' }), 'a recovery key as typed, compared with the slot’s');

/** A secret that opens the data key: a passphrase or the recovery key. */
export const keySecret = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('passphrase'), passphrase }),
  z.strictObject({ kind: z.literal('recovery'), recoveryKey }),
]);
export type KeySecret = z.infer<typeof keySecret>;

/**
 * What proves an existing slot for a slot change: its secret, or this workstation's OS secret
 * store (valid only where it opens the directory: the desktop app on an enrolled computer).
 */
export const keyProof = z.discriminatedUnion('kind', [...keySecret.options, z.strictObject({ kind: z.literal('thisWorkstation') })]);
export type KeyProof = z.infer<typeof keyProof>;

export const keySlotsView = z.strictObject({
  slots: z.array(keySlotView),
  /** The slot that opened the directory in this run. */
  openedBy: keySlotId,
  /** This workstation's OS secret store: whether there is one (the desktop app), and the slot it opens. */
  workstation: z.strictObject({ available: z.boolean(), slotId: keySlotId.nullable() }),
});
export type KeySlotsView = z.infer<typeof keySlotsView>;

export const addPassphraseInput = z.strictObject({ current: keyProof, passphrase: newPassphrase, repeat: newPassphrase });
export const removeSlotInput = z.strictObject({
  current: keyProof,
  id: keySlotId,
  /** Removing the slot that opened this run needs this said explicitly. */
  confirmOpening: z.boolean().default(false),
});
export const newRecoveryKeyOutput = z.strictObject({ slot: keySlotView, recoveryKey: z.string(), removed: z.array(keySlotId) });
