/**
 * The texts of the errors of issue 16 (card): the smart-card (PKCS#11) module runs in a process of
 * its own, may only be a file in a system location only the system's administrator can change, and
 * is changed only with the user's password given again.
 */
import { entry } from './entry';
import type { FieldIssue } from './fields';

/** Who else than the system's administrator (root) could change the module or a folder above it. */
export type WritableBy = 'owner' | 'group' | 'others';

export const CARD_ERROR_TEXTS = {
  PKCS11_MODULE_NOT_ABSOLUTE: entry<{ modulePath: string }>(
    (p) => `Kortelės tvarkyklės kelias „${p.modulePath}“ turi būti pilnas, nuo disko šaknies (pvz., /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so).`,
    (p) => `The card driver's path “${p.modulePath}” must be a full path, from the root of the disk (e.g. /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so).`,
  ),

  /** `resolved`: the file the path leads to, links followed; `allowed`: the system folders, joined. */
  PKCS11_MODULE_OUTSIDE_SYSTEM: entry<{ modulePath: string; resolved: string; allowed: string }>(
    (p) =>
      `Kortelės tvarkyklė turi būti sistemos bibliotekų aplanke (${p.allowed}), o „${p.modulePath}“${p.resolved !== p.modulePath ? ` veda į „${p.resolved}“, kuris` : ''} yra už jų ribų. Įdiekite tvarkyklę kaip įprastą programą (sistemos administratoriaus teisėmis) ir nurodykite jos kelią.`,
    (p) =>
      `The card driver must be in a system library folder (${p.allowed}); “${p.modulePath}”${p.resolved !== p.modulePath ? ` leads to “${p.resolved}”, which` : ''} is outside them. Install the driver as a regular program (with the system administrator's rights) and give its path.`,
  ),

  PKCS11_MODULE_NOT_FILE: entry<{ modulePath: string; resolved: string }>(
    (p) => `„${p.modulePath}“ nėra kortelės tvarkyklės failas${p.resolved !== p.modulePath ? ` (jis veda į „${p.resolved}“)` : ''}. Nurodykite tvarkyklės failo (.so, .dylib ar .dll) kelią.`,
    (p) => `“${p.modulePath}” is not a card driver file${p.resolved !== p.modulePath ? ` (it leads to “${p.resolved}”)` : ''}. Give the path of the driver file (.so, .dylib or .dll).`,
  ),

  /** `path`: the file or folder someone other than root could change; `by`: who. */
  PKCS11_MODULE_WRITABLE: entry<{ modulePath: string; path: string; by: WritableBy }>(
    (p) =>
      `Kortelės tvarkyklės „${p.modulePath}“ negalima naudoti: ${p.path === p.modulePath ? 'failą' : `„${p.path}“`} ${
        p.by === 'owner' ? 'valdo ne sistemos administratorius (root)' : p.by === 'group' ? 'gali keisti naudotojų grupė' : 'gali keisti bet kuris naudotojas'
      }, todėl tvarkyklę gali pakeisti ne tik jis. Sistemos administratorius turi įdiegti tvarkyklę taip, kad ją ir jos aplankus keisti galėtų tik jis.`,
    (p) =>
      `The card driver “${p.modulePath}” cannot be used: ${p.path === p.modulePath ? 'the file' : `“${p.path}”`} ${
        p.by === 'owner' ? 'is not owned by the system administrator (root)' : p.by === 'group' ? 'can be changed by a group of users' : 'can be changed by any user'
      }, so others than the system administrator could replace the driver. The system administrator must install the driver so that only they can change it and its folders.`,
  ),

  /** `fields`: the password field beside the module's path, where the form shows it. */
  MODULE_PASSWORD_REQUIRED: entry<{ fields: readonly FieldIssue[] }>(
    () => 'Kortelės tvarkyklė keičiama tik dar kartą įvedus savo slaptažodį. Įveskite jį lauke šalia tvarkyklės kelio ir išsaugokite dar kartą.',
    () => 'The card driver is changed only with your password given again. Type it in the field beside the driver path and save again.',
  ),

  /** `attemptsLeft`: wrong passwords left before the account is signed out and locked at the next sign-in. */
  MODULE_PASSWORD_WRONG: entry<{ attemptsLeft: number; fields: readonly FieldIssue[] }>(
    (p) =>
      p.attemptsLeft > 0
        ? `Neteisingas slaptažodis: kortelės tvarkyklė nepakeista. Liko bandymų: ${p.attemptsLeft}.`
        : 'Neteisingas slaptažodis: kortelės tvarkyklė nepakeista. Per daug neteisingų bandymų, todėl jūs atjungtas; paskyra laikinai užrakinta.',
    (p) =>
      p.attemptsLeft > 0
        ? `Wrong password: the card driver was not changed. Attempts left: ${p.attemptsLeft}.`
        : 'Wrong password: the card driver was not changed. Too many wrong attempts, so you are signed out; the account is locked for a while.',
  ),

  /** `seconds`: how long the card had to answer. */
  PKCS11_TIMEOUT: entry<{ seconds: number }>(
    (p) => `Kortelė ar jos tvarkyklė neatsakė per ${p.seconds} s, todėl darbas su ja nutrauktas. Patikrinkite, ar kortelė įdėta į skaitytuvą, ir bandykite dar kartą.`,
    (p) => `The card or its driver did not answer within ${p.seconds} s, so the work with it was stopped. Check that the card is in the reader and try again.`,
  ),

  /** `why`: the driver's process ended ('exited') or answered what it may not ('protocol'). */
  PKCS11_WORKER_FAILED: entry<{ why: 'exited' | 'protocol' | 'start' }>(
    (p) =>
      p.why === 'protocol'
        ? 'Kortelės tvarkyklė atsakė tai, ko neturėjo, todėl darbas su ja nutrauktas. Patikrinkite, ar nustatymuose nurodyta tinkama tvarkyklė.'
        : p.why === 'start'
          ? 'Nepavyko paleisti kortelės tvarkyklės. Bandykite dar kartą; kartojantis kreipkitės į administratorių.'
          : 'Kortelės tvarkyklė netikėtai nustojo veikti. Ištraukite ir vėl įdėkite kortelę, tada bandykite dar kartą; kartojantis kreipkitės į administratorių.',
    (p) =>
      p.why === 'protocol'
        ? 'The card driver answered what it should not, so the work with it was stopped. Check that the settings name the right driver.'
        : p.why === 'start'
          ? 'The card driver could not be started. Try again; if it happens again, ask the administrator.'
          : 'The card driver stopped unexpectedly. Take the card out and put it back, then try again; if it happens again, ask the administrator.',
  ),
};
