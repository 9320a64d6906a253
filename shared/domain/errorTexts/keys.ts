/**
 * The texts of the errors of issue 16 (keys): the data key's slots (a workstation's OS secret store,
 * passphrases, the recovery key), the unlock page of the desktop app, and the slot changes.
 */
import { entry } from './entry';

/** Why the desktop app waits for a passphrase or the recovery key before it opens the data directory. */
export type KeyLockedReason =
  /** The directory has no slot of this workstation's OS secret store (a new computer, a new profile, or made by the browser host). */
  | 'notEnrolled'
  /** This computer has no usable secret store: the directory opens with a passphrase or the recovery key only. */
  | 'noSecretStore';

export const KEY_ERROR_TEXTS = {
  /** `groups`, `digits`: how the recovery key is written (8 groups of 6 digits). */
  RECOVERY_KEY_MALFORMED: entry<{ groups: number; digits: number }>(
    (p) => `Atkūrimo raktas įvestas neteisingai: jį sudaro ${p.groups} grupių po ${p.digits} skaitmenis (brūkšneliai ir tarpai nebūtini). Patikrinkite ir įveskite dar kartą.`,
    (p) => `The recovery key was not entered correctly: it is ${p.groups} groups of ${p.digits} digits (dashes and spaces are optional). Check it and enter it again.`,
  ),
  /** `group`: the first group (1…8) whose check failed. */
  RECOVERY_KEY_MISTYPED: entry<{ group: number }>(
    (p) => `Atkūrimo rakto ${p.group}-oje grupėje yra klaida (grupės kontrolė nesutampa). Palyginkite ją su užrašytu raktu ir pataisykite.`,
    (p) => `Group ${p.group} of the recovery key has a typing error (its check does not match). Compare it with the written key and correct it.`,
  ),
  WRONG_RECOVERY_KEY: entry(
    () => 'Šis atkūrimo raktas netinka šiam duomenų katalogui (galbūt jis pakeistas naujesniu arba priklauso kitam katalogui). Niekas nepakeista.',
    () => 'This recovery key does not fit this data directory (it may have been replaced by a newer one, or belong to another directory). Nothing was changed.',
  ),
  RECOVERY_KEY_NOT_FOR_NEW_DIRECTORY: entry(
    () => 'Atkūrimo raktu atidaromas tik jau esamas duomenų katalogas; naujam katalogui sukurti reikia slaptafrazės. Niekas nepakeista.',
    () => 'A recovery key only opens an existing data directory; creating a new one needs a passphrase. Nothing was changed.',
  ),
  KEY_FILE_REPLACED: entry(
    () => 'Raktų failas keys.json pakeistas, kol programa veikė: jame nebėra šio katalogo duomenų rakto. Raktai nekeisti; uždarykite programą ir kreipkitės į administratorių.',
    () => 'The key file keys.json was replaced while the app was running: it no longer holds this directory\'s data key. The keys were not changed; close the app and contact the administrator.',
  ),
  /** `id`: the slot asked for. */
  KEY_SLOT_UNKNOWN: entry<{ id: string }>(
    (p) => `Rakto vietos „${p.id}“ nėra (galbūt ji jau pašalinta). Atnaujinkite sąrašą.`,
    (p) => `There is no key slot “${p.id}” (it may have been removed already). Refresh the list.`,
  ),
  KEY_SLOT_LAST: entry(
    () => 'Paskutinės rakto vietos pašalinti negalima: be jos duomenų katalogo nebeatidarytų niekas. Pirmiausia pridėkite kitą (slaptafrazę arba atkūrimo raktą).',
    () => 'The last key slot cannot be removed: without it nobody could open the data directory again. Add another one first (a passphrase or a recovery key).',
  ),
  /** `id`: the slot that opened the directory in this run. */
  KEY_SLOT_OPENED_THIS_RUN: entry<{ id: string }>(
    (p) => `Rakto vieta „${p.id}“ atidarė duomenų katalogą šį kartą. Ją pašalinus, kitą kartą katalogą atidarys tik kitos vietos: patvirtinkite, kad tikrai to norite.`,
    (p) => `Key slot “${p.id}” opened the data directory this time. Once it is removed, only the other slots will open it next time: confirm that this is what you want.`,
  ),
  KEY_PROOF_NOT_THIS_WORKSTATION: entry(
    () => 'Šio kompiuterio slaptų duomenų saugykla neatidaro duomenų katalogo (kompiuteris neįtrauktas). Įveskite dabartinę slaptafrazę arba atkūrimo raktą.',
    () => "This computer's secret store does not open the data directory (the computer is not enrolled). Enter the current passphrase or the recovery key.",
  ),
  KEY_WORKSTATION_UNAVAILABLE: entry(
    () => 'Kompiuterį įtraukti galima tik darbalaukio programoje (naršyklės režimas ir komandinė eilutė kompiuterio slaptų duomenų saugyklos nenaudoja).',
    () => 'A computer can be enrolled only in the desktop app (the browser host and the command line do not use the computer\'s secret store).',
  ),
  KEY_WORKSTATION_ENROLLED: entry(
    () => 'Šis kompiuteris jau įtrauktas: jo slaptų duomenų saugykla atidaro duomenų katalogą. Niekas nepakeista.',
    () => "This computer is already enrolled: its secret store opens the data directory. Nothing was changed.",
  ),
  KEY_ENROL_NOT_OFFERED: entry(
    () => 'Kompiuterį įtraukti be slaptafrazės galima tik iškart po atrakinimo. Įtraukite jį nustatymuose, įvedę dabartinę slaptafrazę arba atkūrimo raktą.',
    () => 'A computer can be enrolled without the passphrase only right after unlocking. Enrol it in the settings, entering the current passphrase or the recovery key.',
  ),
  /** The desktop app's refusal of every call until the directory is unlocked (the unlock page shows instead). */
  DATA_KEY_LOCKED: entry<{ why: KeyLockedReason }>(
    (p) =>
      p.why === 'noSecretStore'
        ? 'Šiame kompiuteryje nėra slaptų duomenų saugyklos, todėl duomenų katalogą atidaro tik slaptafrazė arba atkūrimo raktas. Įveskite vieną iš jų.'
        : 'Šis kompiuteris dar neįtrauktas į duomenų katalogo raktus (naujas kompiuteris ar naudotojo paskyra). Įveskite katalogo slaptafrazę arba atkūrimo raktą.',
    (p) =>
      p.why === 'noSecretStore'
        ? 'This computer has no secret store, so the data directory opens only with a passphrase or the recovery key. Enter one of them.'
        : 'This computer is not yet enrolled in the data directory\'s keys (a new computer or user account). Enter the directory\'s passphrase or the recovery key.',
  ),
  DATA_KEY_ALREADY_OPEN: entry(
    () => 'Duomenų katalogas jau atrakintas. Niekas nepakeista.',
    () => 'The data directory is already unlocked. Nothing was changed.',
  ),
};
