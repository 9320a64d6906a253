/**
 * The texts of rollback and truncation detection (issue 16): what the data directory's integrity
 * manifest (electron/services/store/manifest.ts) finds, and the refusals that follow from it.
 */
import { entry, type Lang } from './entry';

/**
 * One thing found wrong, with the file named (its path within the data directory):
 * - rolledBack: the file is an older version than the manifest records (`expected`, `found`: generations);
 * - missing: a file the manifest records is gone;
 * - auditCut / auditMissing / auditReplaced: the audit trail is shorter than the manifest's head, gone,
 *   or holds another entry at the head's number (`expected`, `found`: entry counts);
 * - manifestBehind: the audit trail is further than the manifest (the manifest was put back from an older copy);
 * - manifestMissing / manifestDamaged: the manifest itself is gone or cannot be read;
 * - behindWorkstation: the whole directory is older than this workstation last saw it (witness.ts):
 *   put back from an older copy, e.g. a backup restored by hand.
 */
export interface IntegrityProblem {
  readonly kind: 'rolledBack' | 'missing' | 'auditCut' | 'auditMissing' | 'auditReplaced' | 'manifestBehind' | 'manifestMissing' | 'manifestDamaged' | 'behindWorkstation';
  readonly path: string;
  readonly expected?: number;
  readonly found?: number;
}

/** What the administrator reads about one problem. */
export function integrityProblemText(p: IntegrityProblem, lang: Lang): string {
  const lt = lang === 'lt';
  switch (p.kind) {
    case 'rolledBack':
      return lt
        ? `${p.path}: grąžinta senesnė failo versija (${p.found ?? 0}, o turi būti ne senesnė nei ${p.expected ?? 0}). Įrašas laikomas sugadintu ir nekeičiamas.`
        : `${p.path}: an older version of the file was put back (${p.found ?? 0}; it must be at least ${p.expected ?? 0}). The record is treated as damaged and not written over.`;
    case 'missing':
      return lt ? `${p.path}: failo nėra, nors vientisumo sąraše jis užrašytas.` : `${p.path}: the file is gone although the integrity manifest lists it.`;
    case 'auditCut':
      return lt
        ? `${p.path}: veiksmų žurnalas sutrumpintas: jame ${p.found ?? 0} įrašai, o turi būti bent ${p.expected ?? 0}.`
        : `${p.path}: the audit trail was cut: it holds ${p.found ?? 0} entries, it must hold at least ${p.expected ?? 0}.`;
    case 'auditMissing':
      return lt ? `${p.path}: veiksmų žurnalo nėra, nors jame buvo ${p.expected ?? 0} įrašai.` : `${p.path}: the audit trail is gone although it held ${p.expected ?? 0} entries.`;
    case 'auditReplaced':
      return lt
        ? `${p.path}: veiksmų žurnalas pakeistas kitu: ${p.expected ?? 0}-asis įrašas ne tas, kuris buvo užrašytas.`
        : `${p.path}: the audit trail was replaced: entry ${p.expected ?? 0} is not the one recorded.`;
    case 'manifestBehind':
      return lt
        ? `${p.path}: vientisumo sąrašas senesnis už veiksmų žurnalą (${p.found ?? 0} iš ${p.expected ?? 0} įrašų): jis grąžintas iš senos kopijos.`
        : `${p.path}: the integrity manifest is older than the audit trail (${p.found ?? 0} of ${p.expected ?? 0} entries): it was put back from an old copy.`;
    case 'manifestMissing':
      return lt ? `${p.path}: vientisumo sąrašo nėra, nors kataloge yra duomenų.` : `${p.path}: the integrity manifest is gone although the directory holds data.`;
    case 'behindWorkstation':
      return lt
        ? `Visas duomenų katalogas senesnis, nei šis kompiuteris jį matė paskutinį kartą (veiksmų žurnale ${p.found ?? 0} įrašai, buvo ${p.expected ?? 0}): jis grąžintas iš senos kopijos. Jei tai daryta sąmoningai (atkurta atsarginė kopija), patvirtinkite dabartinę būklę.`
        : `The whole data directory is older than this computer last saw it (the audit trail holds ${p.found ?? 0} entries, it held ${p.expected ?? 0}): it was put back from an old copy. If that was done on purpose (a backup restored), confirm the present state.`;
    case 'manifestDamaged':
      return lt ? `${p.path}: vientisumo sąrašas neperskaitomas arba jo eilutės sukeistos.` : `${p.path}: the integrity manifest cannot be read or its lines were reordered.`;
  }
}

export const INTEGRITY_ERROR_TEXTS = {
  DATA_ROLLED_BACK: entry<{ path: string; expected: number; found: number }>(
    (p) => `Failas ${p.path} yra senesnė versija, nei užrašyta katalogo vientisumo sąraše (sena kopija grąžinta vietoj naujesnės). Jis laikomas sugadintu ir nekeičiamas; administratorius gali jį atkurti iš atsarginės kopijos.`,
    (p) => `The file ${p.path} is an older version than the directory's integrity manifest records (an old copy put back in place of a newer one). It is treated as damaged and not written over; the administrator can restore it from a backup.`,
  ),
  DATA_INTEGRITY_READ_ONLY: entry<{ problems: string[] }>(
    (p) => `Duomenų katalogas atidarytas tik skaityti: rasta, kad jis pakeistas ne per programą (${p.problems.join('; ')}). Niekas nepakeista. Administratorius turi peržiūrėti radinius ir atkurti duomenis iš atsarginės kopijos arba patvirtinti dabartinę būklę.`,
    (p) => `The data directory is open read-only: it was found changed outside the app (${p.problems.join('; ')}). Nothing was changed. The administrator must review the findings and restore the data from a backup or confirm the present state.`,
  ),
  USERS_ROLLED_BACK: entry<{ problems: string[] }>(
    (p) => `Naudotojų failo negalima patikrinti arba jis neatitinka katalogo vientisumo sąrašo (${p.problems.join('; ')}): sena jo kopija galėtų vėl įleisti išjungtą paskyrą, todėl programa neatidaroma. Administratorius: atkurkite duomenis komanda „npm run cli -- restore“ arba, jei būklė teisinga, patvirtinkite ją komanda „npm run cli -- integrity accept“.`,
    (p) => `The users file cannot be checked or does not match the directory's integrity manifest (${p.problems.join('; ')}): an old copy could let a deactivated account in again, so the app does not open. Administrator: restore the data with "npm run cli -- restore" or, if the state is right, confirm it with "npm run cli -- integrity accept".`,
  ),
};
