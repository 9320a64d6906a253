/**
 * The texts of the errors of backing up and restoring the whole data directory (issue 15): the
 * refusals of writeBackup / restoreBackup, and the problems verifyBackup reports when a package is
 * not a backup of ours (each a BagProblem code; its parameters are the problem's `path`,
 * `expected` and `found`).
 */
import { formatMegabytes } from './dossier';
import { entry, type ErrorEntry, type Lang } from './entry';
import { PACKAGE_ERROR_TEXTS } from './packages';

/** A BagProblem's fields, as the texts of a problem code take them. */
type Problem = { readonly path?: string; readonly expected?: string; readonly found?: string };

/** The problems verifyBackup adds to the package's check when the package is not a backup of ours. */
const BACKUP_PROBLEM_TEXTS = {
  BACKUP_NOT_LABELLED: entry<Problem>(
    () => 'Tai ne Pusiaukelės duomenų atsarginė kopija: bag-info.txt neturi žymos „Pusiaukele-Backup“.',
    () => 'This is not a backup of a Pusiaukelė data directory: bag-info.txt has no “Pusiaukele-Backup” label.',
  ),
  BACKUP_VERSION_UNKNOWN: entry<Problem>(
    (p) => `Atsarginės kopijos formato versija „${p.found ?? ''}“ šiai programai nežinoma (ji skaito ${p.expected ?? ''}): atnaujinkite programą.`,
    (p) => `The backup format version “${p.found ?? ''}” is unknown to this program (it reads ${p.expected ?? ''}): update the program.`,
  ),
  BACKUP_DESCRIPTOR_MISSING: entry<Problem>(
    (p) => `Tai ne Pusiaukelės duomenų atsarginė kopija: joje nėra duomenų katalogo aprašo ${p.path ?? ''} arba jis neatpažintas.`,
    (p) => `This is not a backup of a Pusiaukelė data directory: the data directory's descriptor ${p.path ?? ''} is missing or not recognised.`,
  ),
  BACKUP_SCHEMA_NEWER: entry<Problem>(
    (p) => `Atsarginę kopiją padarė naujesnė programos versija (duomenų schemos versija ${p.found ?? ''}, ši programa pažįsta iki ${p.expected ?? ''}): atnaujinkite programą.`,
    (p) => `The backup was made by a newer version of the program (data schema version ${p.found ?? ''}, this program knows up to ${p.expected ?? ''}): update the program.`,
  ),
  BACKUP_KEYS_MISSING: entry<Problem>(
    (p) => `Atsarginėje kopijoje nėra duomenų rakto failo ${p.path ?? ''}: be jo užšifruotų duomenų atverti neįmanoma.`,
    (p) => `The backup lacks the data key file ${p.path ?? ''}: without it the encrypted data cannot be opened.`,
  ),
  BACKUP_FOREIGN_FILE: entry<Problem>(
    (p) => `Atsarginėje kopijoje yra failas, kuris nepriklauso duomenų katalogui: ${p.path ?? ''}.`,
    (p) => `The backup holds a file that is not part of a data directory: ${p.path ?? ''}.`,
  ),
};

/** The first problem of a failed check, as BACKUP_INVALID carries it: its code and its fields. */
type FirstProblem = Problem & { readonly code: string };

/** A problem's text: the package check's (packages.ts) or a backup's own; its code where neither has one. */
function problemText({ code, ...params }: FirstProblem, lang: Lang): string {
  const known: Readonly<Record<string, ErrorEntry<Problem> | undefined>> = { ...(PACKAGE_ERROR_TEXTS as unknown as Record<string, ErrorEntry<Problem>>), ...BACKUP_PROBLEM_TEXTS };
  const texts = known[code];
  try {
    return texts?.[lang](params) ?? code;
  } catch {
    return code;
  }
}

export const BACKUP_ERROR_TEXTS = {
  // ---- writeBackup ----
  BACKUP_DIRECTORY_NOT_HELD: entry<{ root: string }>(
    (p) => `Atsarginės kopijos padaryti negalima: duomenų katalogas ${p.root} šiai programai nebepriklauso (jis uždarytas).`,
    (p) => `Cannot back up: this program no longer holds the data directory ${p.root} (it was closed).`,
  ),
  BACKUP_OUT_INSIDE_DATA: entry<{ out: string; root: string }>(
    (p) => `Atsarginės kopijos negalima įrašyti į patį duomenų katalogą (${p.out} yra ${p.root} viduje): pasirinkite kitą vietą.`,
    (p) => `The backup cannot be written into the data directory itself (${p.out} is inside ${p.root}): choose another place.`,
  ),
  BACKUP_SOURCE_CHANGED: entry<{ root: string; attempts: number }>(
    (p) =>
      `Atsarginė kopija nepadaryta: kol ji buvo rašoma, iš duomenų katalogo ${p.root} dingo dokumentų turinys (bandyta kartų: ${p.attempts}). Pabandykite dar kartą po kelių minučių.`,
    (p) => `The backup was not made: document contents disappeared from the data directory ${p.root} while it was being written (attempts: ${p.attempts}). Try again in a few minutes.`,
  ),
  // ---- restoreBackup ----
  BACKUP_TARGET_NOT_EMPTY: entry<{ target: string }>(
    (p) => `Atsarginė kopija atkuriama tik į naują arba tuščią katalogą, o ${p.target} nėra tuščias. Niekas neįrašyta.`,
    (p) => `A backup is restored only into a new or empty folder, and ${p.target} is not empty. Nothing was written.`,
  ),
  BACKUP_TARGET_NOT_FOLDER: entry<{ target: string }>(
    (p) => `${p.target} yra failas, o ne katalogas: atsarginė kopija atkuriama į naują arba tuščią katalogą. Niekas neįrašyta.`,
    (p) => `${p.target} is a file, not a folder: a backup is restored into a new or empty folder. Nothing was written.`,
  ),
  BACKUP_INVALID: entry<{ file: string; count: number } & FirstProblem>(
    (p) => `Atsarginė kopija ${p.file} nepraėjo patikros, niekas neįrašyta. ${problemText(p, 'lt')}${p.count > 1 ? ` Iš viso neatitikimų: ${p.count}.` : ''}`,
    (p) => `The backup ${p.file} failed its check; nothing was written. ${problemText(p, 'en')}${p.count > 1 ? ` Problems in all: ${p.count}.` : ''}`,
  ),
  BACKUP_NO_SPACE: entry<{ target: string; needed: number; available: number }>(
    (p) => `Diske per mažai vietos atkurti atsarginę kopiją į ${p.target}: reikia ${formatMegabytes(p.needed, 'lt')}, laisva ${formatMegabytes(p.available, 'lt')}. Niekas neįrašyta.`,
    (p) => `Not enough disk space to restore the backup into ${p.target}: ${formatMegabytes(p.needed, 'en')} needed, ${formatMegabytes(p.available, 'en')} free. Nothing was written.`,
  ),
  BACKUP_WRITE_FAILED: entry<{ target: string; code: string }>(
    (p) =>
      p.code === 'ENOSPC' || p.code === 'EDQUOT'
        ? `Atsarginės kopijos atkurti į ${p.target} nepavyko: diske nebeliko vietos. Niekas neįrašyta; atlaisvinkite vietos arba pasirinkite kitą diską.`
        : `Atsarginės kopijos atkurti į ${p.target} nepavyko (sistemos klaida ${p.code}). Niekas neįrašyta.`,
    (p) =>
      p.code === 'ENOSPC' || p.code === 'EDQUOT'
        ? `The backup could not be restored into ${p.target}: the disk is full. Nothing was written; free some space or choose another disk.`
        : `The backup could not be restored into ${p.target} (system error ${p.code}). Nothing was written.`,
  ),
  BACKUP_CHANGED_WHILE_RESTORING: entry<{ file: string; path: string }>(
    (p) => `Atsarginės kopijos failas ${p.file} pasikeitė jį atkuriant (${p.path} nebeatitinka patikrinto): atkūrimas nutrauktas, niekas neįrašyta.`,
    (p) => `The backup file ${p.file} changed while it was being restored (${p.path} no longer matches what was checked): the restore was stopped, nothing was written.`,
  ),
  ...BACKUP_PROBLEM_TEXTS,
};
