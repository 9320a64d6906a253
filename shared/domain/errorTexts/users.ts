/**
 * The texts of the users' errors: signing in, the session and its lock, the accounts an
 * administrator manages; and a change refused because someone else saved first (STALE_REVISION:
 * the settings, a user, a meeting's records).
 */
import { entry, type JsonValue } from './entry';
import type { FieldIssue } from './fields';

/**
 * What a stale change was based on, and so which wording it gets: `changed` names the fields
 * someone else changed since (the settings' and a user's as paths of their values; a meeting's
 * records as the fields of its item, `current` what they hold now).
 */
export type StaleRevision =
  | { readonly kind: 'settings'; readonly revision: number; readonly changed: readonly string[] }
  | { readonly kind: 'user'; readonly id: string; readonly revision: number; readonly changed: readonly string[] }
  | {
      readonly kind: 'meeting';
      readonly id: string;
      readonly caseId: string;
      readonly changed: readonly string[];
      readonly current: { readonly [key: string]: JsonValue };
    };

const STALE_TEXTS: Readonly<Record<StaleRevision['kind'], { lt: string; en: string }>> = {
  settings: {
    lt: 'Nustatymus ką tik pakeitė kitas naudotojas arba kitas langas. Peržiūrėkite pakeitimus ir išsaugokite dar kartą.',
    en: 'The settings were just changed by another user or in another window. Review the changes and save again.',
  },
  user: {
    lt: 'Šią naudotojo paskyrą ką tik pakeitė kitas naudotojas arba kitas langas. Peržiūrėkite pakeitimus ir išsaugokite dar kartą.',
    en: 'This user account was just changed by another user or in another window. Review the changes and save again.',
  },
  meeting: {
    lt: 'Šiuos posėdžio įrašus ką tik pakeitė kitas naudotojas arba kitas langas. Jūsų pakeitimas neišsaugotas: peržiūrėkite naują įrašą ir, jei reikia, pakeiskite jį dar kartą.',
    en: 'These meeting records were just changed by another user or in another window. Your change was not saved: look at the new record and change it again if needed.',
  },
};

export const USER_ERROR_TEXTS = {
  STALE_REVISION: entry<StaleRevision>(
    (p) => STALE_TEXTS[p.kind].lt,
    (p) => STALE_TEXTS[p.kind].en,
  ),

  // Signing in and the session.

  /** `attemptsLeft`: told only to a user already signed in (unlocking, changing the password), never at sign-in. */
  WRONG_CREDENTIALS: entry<{ attemptsLeft?: number }>(
    (p) => `Neteisingas naudotojo vardas arba slaptažodis.${p.attemptsLeft === undefined ? '' : ` Liko bandymų: ${p.attemptsLeft}.`}`,
    (p) => `Wrong user name or password.${p.attemptsLeft === undefined ? '' : ` Attempts left: ${p.attemptsLeft}.`}`,
  ),

  /** `after`: the wrong passwords in a row that lock an account; `time`: when it opens again (HH:MM, the computer's local time). */
  ACCOUNT_LOCKED: entry<{ lockedUntil: string; time: string; after: number }>(
    (p) => `Paskyra laikinai užrakinta po ${p.after} neteisingų slaptažodžių. Bandykite vėl po ${p.time} arba kreipkitės į administratorių.`,
    (p) => `The account is locked for a while after ${p.after} wrong passwords. Try again after ${p.time} or ask the administrator.`,
  ),

  UNAUTHENTICATED: entry(
    () => 'Prisijunkite: sesija baigėsi arba dar neprisijungta.',
    () => 'Please sign in: the session has ended or you have not signed in yet.',
  ),

  SESSION_LOCKED: entry(
    () => 'Programa užrakinta dėl neveiklumo. Įveskite slaptažodį – niekas ekrane neprarastas.',
    () => 'The app locked itself after being idle. Enter your password – nothing on screen is lost.',
  ),

  PASSWORD_CHANGE_REQUIRED: entry(
    () => 'Prieš tęsdami pasikeiskite slaptažodį (administratorius jį nustatė iš naujo).',
    () => 'Change your password before going on (the administrator has reset it).',
  ),

  /** `method`: the contract method the caller's roles do not allow. */
  FORBIDDEN: entry<{ method: string }>(
    () => 'Jūsų vaidmuo šio veiksmo neleidžia.',
    () => 'Your role does not allow this action.',
  ),

  /** `fields`: the form's field the refusal is shown under. */
  PASSWORD_UNCHANGED: entry<{ fields: readonly FieldIssue[] }>(
    () => 'Naujas slaptažodis turi skirtis nuo dabartinio.',
    () => 'The new password must differ from the current one.',
  ),

  // The first administrator.

  ALREADY_SET_UP: entry(
    () => 'Administratorius jau sukurtas. Prisijunkite.',
    () => 'The administrator has already been created. Please sign in.',
  ),

  USERS_MISSING: entry(
    () => 'Šiame duomenų kataloge yra duomenų, bet nėra naudotojų failo (users.json). Atkurkite jį iš atsarginės kopijos; naujas administratorius nekuriamas.',
    () => 'This data directory holds data but no users file (users.json). Restore it from a backup; no new administrator is created.',
  ),

  // The accounts.

  USER_NOT_FOUND: entry<{ id: string }>(
    () => 'Naudotojas nerastas.',
    () => 'User not found.',
  ),

  /** `fields`: the form's field the refusal is shown under. */
  USERNAME_TAKEN: entry<{ username: string; fields: readonly FieldIssue[] }>(
    (p) => `Naudotojo vardas „${p.username}“ jau užimtas.`,
    (p) => `The user name “${p.username}” is taken.`,
  ),

  LAST_ADMINISTRATOR: entry(
    () => 'Tai paskutinis aktyvus administratorius: jo vaidmens ar paskyros atimti negalima, kitaip niekas nebegalėtų tvarkyti naudotojų.',
    () => 'This is the last active administrator: removing the role or the account would leave nobody to manage users.',
  ),

  SELF_DEACTIVATION: entry(
    () => 'Savo paskyros išjungti negalima.',
    () => 'You cannot deactivate your own account.',
  ),
};
