/**
 * The texts of the stores' errors: a write the disk refused, a record missing or damaged, the data
 * directory (its lock, its descriptor, its schema) and its encryption (the key file, the
 * passphrase, a sealed file that cannot be read).
 */
import { entry, type Lang } from './entry';

/** What a failed write names ("… was not saved"): the record a store was writing, as the error's text says it. */
const STORAGE_SUBJECTS = {
  newRequest: { lt: 'naujas prašymas', en: 'the new request' },
  requestChanges: { lt: 'prašymo pakeitimai', en: 'the changes to the request' },
  caseStep: { lt: 'bylos žingsnis', en: 'the step of the case' },
  dossier: { lt: 'bylos medžiaga', en: 'the dossier' },
  extension: { lt: 'termino pratęsimas', en: 'the extension' },
  document: { lt: 'dokumentas', en: 'the document' },
  documentRecord: { lt: 'dokumento įrašas', en: 'the document record' },
  register: { lt: 'registracijos žurnalas', en: 'the register' },
  meeting: { lt: 'posėdžio duomenys', en: 'the meeting' },
  commission: { lt: 'komisijos sudėtis', en: 'the commission' },
  settings: { lt: 'įstaigos nustatymai', en: 'the institution settings' },
  revocationLists: { lt: 'atšauktų sertifikatų sąrašai', en: 'the revocation lists' },
  trustedLists: { lt: 'patikimų sąrašai', en: 'the trusted lists' },
  userData: { lt: 'naudotojo duomenys', en: 'the user data' },
  auditEntry: { lt: 'audito žurnalo įrašas', en: 'the audit log entry' },
  importedCase: { lt: 'importuota byla', en: 'the imported case' },
} as const;

/** What a store was writing when the write failed (DISK_FULL, STORAGE_NO_ACCESS, STORAGE_WRITE_FAILED). */
export type StorageSubject = keyof typeof STORAGE_SUBJECTS;

const subject = (s: StorageSubject) => STORAGE_SUBJECTS[s];

/** Why a sealed file cannot be read: it is not sealed at all, or its content failed the integrity check. */
/**
 * notEncrypted / notAuthentic: the seal itself (since issue 16 it names the file's path: a genuine
 * file put where another belongs is not authentic there); rolledBack: a genuine file older than the
 * version the directory's manifest records for it (an older copy put back).
 */
export type SealProblem = 'notEncrypted' | 'notAuthentic' | 'rolledBack';

const SEAL_PROBLEMS: Readonly<Record<SealProblem, { lt: string; en: string }>> = {
  notEncrypted: {
    lt: 'jis nešifruotas, nors visi šio katalogo failai šifruojami (įrašytas ne šios programos arba pakeistas)',
    en: 'it is not encrypted although every file of this directory is (not written by this app, or replaced)',
  },
  rolledBack: {
    lt: 'tai senesnė šio failo versija, nei katalogo vientisumo sąraše užrašyta (sena kopija grąžinta vietoj naujesnės); failas nekeičiamas, kol administratorius jį atkurs',
    en: 'it is an older version of this file than the directory\'s integrity manifest records (an old copy put back in place of a newer one); the file is left untouched until the administrator restores it',
  },
  notAuthentic: {
    lt: 'šifruotas turinys pakeistas arba sugadintas, arba failas atkeltas iš kitos vietos (nepraėjo vientisumo patikros)',
    en: 'the encrypted content was altered or damaged, or the file was moved here from another place (it failed the integrity check)',
  },
};

function sealText(problem: SealProblem, lang: Lang): string {
  return lang === 'lt' ? `Failas neperskaitomas: ${SEAL_PROBLEMS[problem].lt}.` : `The file cannot be read: ${SEAL_PROBLEMS[problem].en}.`;
}

/**
 * Why a case file cannot be read: its sealing (`problem`), corrupt JSON, a system error (`code`:
 * ENOENT, EACCES, …), not the structure of a case (`where`: the first field that is not), its name
 * not its id; `unreadable`: any other failure, as it said itself.
 */
export type CaseDamage =
  | { readonly why: 'sealed'; readonly problem: SealProblem }
  | { readonly why: 'json' }
  | { readonly why: 'io'; readonly code: string }
  | { readonly why: 'structure'; readonly where: string }
  | { readonly why: 'idMismatch' }
  | { readonly why: 'unreadable'; readonly detail: string };

/** A damaged case's reason, as the case list shows it and CASE_DAMAGED's text says it. */
export function caseDamageText(reason: CaseDamage, lang: Lang): string {
  const lt = lang === 'lt';
  switch (reason.why) {
    case 'sealed':
      return lt ? `failas neperskaitomas: ${SEAL_PROBLEMS[reason.problem].lt}` : `the file cannot be read: ${SEAL_PROBLEMS[reason.problem].en}`;
    case 'json':
      return lt ? 'failas neperskaitomas (sugadintas JSON)' : 'the file cannot be read (corrupt JSON)';
    case 'io':
      return lt ? `failas neperskaitomas (${reason.code})` : `the file cannot be read (${reason.code})`;
    case 'structure':
      return lt ? `neatitinka bylos struktūros (${reason.where})` : `does not match the structure of a case (${reason.where})`;
    case 'idMismatch':
      return lt ? 'failo vardas nesutampa su bylos numeriu' : 'the file name does not match the case id';
    case 'unreadable':
      return lt ? `neperskaitomas (${reason.detail})` : `unreadable (${reason.detail})`;
  }
}

/**
 * The data directory's lock file, and its owner (computer, process, since when) when the file could be
 * read. Since issue 16 also the OS user, the owner's last sign of life (`heartbeatAt`, refreshed about
 * every minute) and whether it is another computer (`otherComputer`: never taken over automatically).
 */
export type DirectoryLock =
  | { readonly lockPath: string }
  | {
      readonly lockPath: string;
      readonly host: string;
      readonly pid: number;
      readonly since: string;
      readonly user?: string;
      readonly heartbeatAt?: string;
      readonly otherComputer?: boolean;
    };

/** Whose secret protects the data key, when the one given cannot unlock it. */
export type KeyUnavailable =
  /** A passphrase was given, but the key is kept by the computer's secret store. */
  | 'keptBySecretStore'
  /** The desktop app's secret store was asked, but the key is protected by a passphrase. */
  | 'keptByPassphrase'
  /** The secret store was asked, but another computer's or user's store wrapped the key. */
  | 'otherSecretStore';

const KEY_UNAVAILABLE: Readonly<Record<KeyUnavailable, { lt: string; en: string }>> = {
  keptBySecretStore: {
    lt: 'Šio duomenų katalogo raktą saugo tik kompiuterių slaptų duomenų saugyklos (ir atkūrimo raktas), ne slaptafrazė. Atidarykite katalogą darbalaukio programa įtrauktame kompiuteryje arba įveskite atkūrimo raktą; administratorius gali pridėti slaptafrazę (Nustatymai → Duomenų rakto vietos). Niekas nepakeista.',
    en: "This data directory's key is kept only by computers' secret stores (and the recovery key), not by a passphrase. Open it with the desktop app on an enrolled computer or enter the recovery key; an administrator can add a passphrase (Settings → Data key slots). Nothing was changed.",
  },
  keptByPassphrase: {
    lt: 'Šis kompiuteris dar neįtrauktas į šio duomenų katalogo rakto vietas: atrakinkite katalogą slaptafraze arba atkūrimo raktu, tada programa pasiūlys įtraukti kompiuterį. Niekas nepakeista.',
    en: 'This computer is not yet enrolled among the slots of this data directory\'s key: unlock the directory with the passphrase or the recovery key, and the app will then offer to enrol the computer. Nothing was changed.',
  },
  otherSecretStore: {
    lt: 'Kompiuterio slaptų duomenų saugykla negali atrakinti šio duomenų katalogo rakto: katalogas greičiausiai sukurtas kitame kompiuteryje arba kito naudotojo paskyroje. Niekas nepakeista.',
    en: "The computer's secret store cannot unlock this data directory's key: the directory was most likely created on another computer or under another user account. Nothing was changed.",
  },
};

export const STORAGE_ERROR_TEXTS = {
  // A write the disk refused: nothing half-written remains.

  /** `subject`: what was not saved. */
  DISK_FULL: entry<{ subject: StorageSubject }>(
    (p) => `Diske nebėra vietos, todėl neįrašyta: ${subject(p.subject).lt}. Ankstesni duomenys nepakeisti. Atlaisvinkite vietos ir pakartokite.`,
    (p) => `The disk is full: ${subject(p.subject).en} was not saved. Earlier data is unchanged. Free some space and try again.`,
  ),

  STORAGE_NO_ACCESS: entry<{ subject: StorageSubject }>(
    (p) => `Nėra teisės rašyti į duomenų katalogą, todėl neįrašyta: ${subject(p.subject).lt}. Ankstesni duomenys nepakeisti.`,
    (p) => `No permission to write to the data directory: ${subject(p.subject).en} was not saved. Earlier data is unchanged.`,
  ),

  /** `code`: the system's error code (EIO, …), when it gave one. */
  STORAGE_WRITE_FAILED: entry<{ subject: StorageSubject; code?: string }>(
    (p) => `Nepavyko įrašyti (${p.code ?? 'nežinoma priežastis'}): ${subject(p.subject).lt}. Ankstesni duomenys nepakeisti.`,
    (p) => `Could not save (${p.code ?? 'unknown reason'}): ${subject(p.subject).en} was not saved. Earlier data is unchanged.`,
  ),

  // Records missing or damaged: a damaged file is left as it is.

  CASE_NOT_FOUND: entry<{ id: string }>(
    (p) => `Byla ${p.id} nerasta.`,
    (p) => `Case ${p.id} not found.`,
  ),

  CASE_DAMAGED: entry<{ id: string; reason: CaseDamage }>(
    (p) =>
      `Bylos failas sugadintas: ${caseDamageText(p.reason, 'lt')}. Byla neatidaroma ir nekeičiama, kad nebūtų prarasta tai, kas joje liko; kitos bylos veikia. Kreipkitės į administratorių (failas cases/${p.id}.json).`,
    (p) =>
      `The case file is damaged: ${caseDamageText(p.reason, 'en')}. The case is not opened or changed so that nothing left in it is lost; other cases work. Contact the administrator (file cases/${p.id}.json).`,
  ),

  MEETING_NOT_FOUND: entry<{ id: string }>(
    () => 'Tokio posėdžio nėra.',
    () => 'There is no such meeting.',
  ),

  MEETING_DAMAGED: entry<{ id: string }>(
    () => 'Posėdžio failas sugadintas ir neperskaitomas. Jis paliktas nepakeistas; atkurkite jį iš atsarginės kopijos.',
    () => 'The meeting file is damaged and cannot be read. It was left as it is; restore it from a backup.',
  ),

  DOCUMENT_RECORD_DAMAGED: entry<{ id: string }>(
    () => 'Dokumento įrašas sugadintas ir neperskaitomas. Jis paliktas nepakeistas; atkurkite jį iš atsarginės kopijos.',
    () => 'The document record is damaged and cannot be read. It was left as it is; restore it from a backup.',
  ),

  /** `sha256`: the content the case refers to. */
  DOCUMENT_MISSING: entry<{ sha256: string }>(
    () =>
      'Dokumento failo duomenų kataloge nėra (ištrintas ar perkeltas ne per programą). Bylos įrašas nepakeistas; atkurkite katalogą iš atsarginės kopijos arba pridėkite dokumentą iš naujo.',
    () =>
      'The document file is missing from the data directory (deleted or moved outside the app). The case is unchanged; restore the directory from a backup or attach the document again.',
  ),

  DOCUMENT_NOT_AUTHENTIC: entry<{ sha256: string }>(
    () => 'Dokumento failas pakeistas ar sugadintas: jo turinys nebeatitinka įrašyto kontrolinio kodo (SHA-256).',
    () => 'The document file was altered or damaged: its content no longer matches the recorded SHA-256.',
  ),

  REGISTER_DAMAGED: entry(
    () => 'Dokumentų registracijos žurnalas (register.json) sugadintas. Nauji dokumentai neregistruojami, kol jis neatkurtas iš atsarginės kopijos.',
    () => 'The document register (register.json) is damaged. No new documents are registered until it is restored from a backup.',
  ),

  COMMISSION_DAMAGED: entry(
    () => 'Komisijos sudėties failas (commission.json) sugadintas. Posėdžiai ir bylos nepaliesti; atkurkite failą iš atsarginės kopijos.',
    () => 'The commission file (commission.json) is damaged. Meetings and cases are untouched; restore the file from a backup.',
  ),

  SETTINGS_DAMAGED: entry(
    () => 'Įstaigos nustatymų failas (settings.json) sugadintas. Bylos nepaliestos; įveskite nustatymus iš naujo – senas failas bus išsaugotas šalia.',
    () => 'The institution settings file (settings.json) is damaged. Cases are untouched; enter the settings again – the old file will be kept beside it.',
  ),

  REVOCATION_DAMAGED: entry(
    () =>
      'Atšauktų sertifikatų sąrašų failas (revocation.json) sugadintas. Bylos ir dokumentai nepaliesti; atkurkite failą iš atsarginės kopijos arba importuokite sąrašus iš naujo.',
    () => 'The revocation lists file (revocation.json) is damaged. Cases and documents are untouched; restore the file from a backup or import the lists again.',
  ),

  /** Nobody signs in over an unreadable users file: that would let anyone create an administrator. */
  USERS_DAMAGED: entry(
    () => 'Naudotojų failas (users.json) sugadintas arba neperskaitomas, todėl prisijungti negalima. Atkurkite jį iš atsarginės kopijos; niekas nepakeista.',
    () => 'The users file (users.json) is damaged or unreadable, so nobody can sign in. Restore it from a backup; nothing was changed.',
  ),

  // The data directory.

  /** `code`: the system's error code (EACCES, ENOTDIR, …). */
  DATA_DIR_UNAVAILABLE: entry<{ root: string; code: string }>(
    (p) => `Nepavyko sukurti ar atidaryti duomenų katalogo ${p.root} (${p.code}).`,
    (p) => `Could not create or open the data directory ${p.root} (${p.code}).`,
  ),

  DATA_DIR_LOCKED: entry<DirectoryLock>(
    (p) => {
      if (!('host' in p)) {
        return `Šį duomenų katalogą jau naudoja kita atidaryta programa (kita programa). Uždarykite ją arba pasirinkite kitą katalogą. Jei tikrai jokia kita programa jo nenaudoja (pvz., kompiuteris buvo pervadintas ar katalogas perkeltas iš kito kompiuterio), ištrinkite failą ${p.lockPath}.`;
      }
      const user = p.user ? `, naudotojas ${p.user}` : '';
      const life = p.heartbeatAt ? `, paskutinis gyvybės ženklas ${p.heartbeatAt}` : '';
      if (p.otherComputer) {
        return `Šį duomenų katalogą dabar naudoja kitas kompiuteris: ${p.host}${user}, atidarė ${p.since}${life}. Vienu metu katalogą gali naudoti tik vienas kompiuteris: uždarykite programą tame kompiuteryje ir bandykite dar kartą. Jei tas kompiuteris išjungtas ar sugedęs ir paskutinis gyvybės ženklas senesnis nei kelios minutės, įsitikinkite, kad programa jame neveikia, ir ištrinkite failą ${p.lockPath} (tai daro administratorius).`;
      }
      return `Šį duomenų katalogą jau naudoja kita atidaryta programa (${p.host}, procesas ${p.pid}, nuo ${p.since}${user}${life}). Uždarykite ją arba pasirinkite kitą katalogą. Jei tikrai jokia kita programa jo nenaudoja (pvz., kompiuteris buvo pervadintas ar katalogas perkeltas iš kito kompiuterio), ištrinkite failą ${p.lockPath}.`;
    },
    (p) => {
      if (!('host' in p)) {
        return `This data directory is already in use by another running instance (another program). Close it or choose another directory. If you are sure nothing else uses it (e.g. the computer was renamed or the directory came from another computer), delete the file ${p.lockPath}.`;
      }
      const user = p.user ? `, user ${p.user}` : '';
      const life = p.heartbeatAt ? `, last sign of life ${p.heartbeatAt}` : '';
      if (p.otherComputer) {
        return `This data directory is in use by another computer: ${p.host}${user}, opened ${p.since}${life}. Only one computer at a time can use it: close the app on that computer and try again. If that computer is off or broken and its last sign of life is more than a few minutes old, make sure the app is not running there and delete the file ${p.lockPath} (an administrator's task).`;
      }
      return `This data directory is already in use by another running instance (${p.host}, process ${p.pid}, since ${p.since}${user}${life}). Close it or choose another directory. If you are sure nothing else uses it (e.g. the computer was renamed or the directory came from another computer), delete the file ${p.lockPath}.`;
    },
  ),

  /** `schemaVersion`: the directory's; `supported`: the newest this version understands. */
  DATA_DIR_NEWER: entry<{ schemaVersion: number; supported: number }>(
    (p) =>
      `Duomenų katalogą sukūrė naujesnė programos versija (schema ${p.schemaVersion}, ši versija supranta ${p.supported}). Atnaujinkite programą; duomenys nepakeisti.`,
    (p) =>
      `The data directory was written by a newer version of the app (schema ${p.schemaVersion}, this version understands ${p.supported}). Update the app; nothing was changed.`,
  ),

  DATA_DIR_FOREIGN: entry<{ root: string }>(
    (p) => `Katalogas ${p.root} nėra Pusiaukelės duomenų katalogas arba jo aprašas sugadintas (pusiaukele.json). Niekas nepakeista.`,
    (p) => `${p.root} is not a Pusiaukelė data directory or its descriptor is damaged (pusiaukele.json). Nothing was changed.`,
  ),

  // Encryption at rest.

  DATA_NOT_ENCRYPTED: entry(
    () => sealText('notEncrypted', 'lt'),
    () => sealText('notEncrypted', 'en'),
  ),

  DATA_NOT_AUTHENTIC: entry(
    () => sealText('notAuthentic', 'lt'),
    () => sealText('notAuthentic', 'en'),
  ),

  /** `path`: the key file. */
  KEY_FILE_DAMAGED: entry<{ path: string }>(
    (p) => `Duomenų katalogo raktų failas ${p.path} sugadintas, todėl duomenų atrakinti negalima. Atkurkite jį iš atsarginės kopijos. Niekas nepakeista.`,
    (p) => `The data directory's key file ${p.path} is damaged, so the data cannot be unlocked. Restore it from a backup. Nothing was changed.`,
  ),

  KEY_FILE_MISSING: entry<{ path: string }>(
    (p) =>
      `Duomenų katalogas užšifruotas, bet jame nėra raktų failo ${p.path}. Be jo duomenų atrakinti neįmanoma: atkurkite jį iš atsarginės kopijos. Niekas nepakeista.`,
    (p) => `The data directory is encrypted but its key file ${p.path} is missing. The data cannot be unlocked without it: restore it from a backup. Nothing was changed.`,
  ),

  KEY_NOT_AVAILABLE: entry<{ why: KeyUnavailable }>(
    (p) => KEY_UNAVAILABLE[p.why].lt,
    (p) => KEY_UNAVAILABLE[p.why].en,
  ),

  WRONG_PASSPHRASE: entry(
    () => 'Neteisinga slaptafrazė: duomenų katalogas neatrakintas. Niekas nepakeista.',
    () => 'Wrong passphrase: the data directory was not unlocked. Nothing was changed.',
  ),

  /** `min`: the fewest characters a passphrase may have. */
  PASSPHRASE_TOO_SHORT: entry<{ min: number }>(
    (p) => `Slaptafrazė per trumpa: ji saugo nuteistųjų asmens duomenis, todėl turi būti ne trumpesnė kaip ${p.min} ženklų.`,
    (p) => `The passphrase is too short: it protects convicts' personal data, so it must be at least ${p.min} characters long.`,
  ),
};
