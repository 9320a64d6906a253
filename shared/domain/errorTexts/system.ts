/** The texts of the app's own errors: the contract's dispatcher, the services' start, the hosts (desktop, browser) and the command line. */
import { entry, type Lang } from './entry';

/** What is wrong with the command line's arguments. */
export type CliArgumentProblem =
  | { readonly why: 'fileMissing'; readonly option: string }
  | { readonly why: 'unknownOption'; readonly option: string }
  | { readonly why: 'oneFile' }
  | { readonly why: 'noFile' }
  | { readonly why: 'noTrustedCertificates' }
  | { readonly why: 'listWithoutOperator' };

function cliArgumentText(p: CliArgumentProblem, lang: Lang): string {
  const lt = lang === 'lt';
  switch (p.why) {
    case 'fileMissing':
      return lt ? `Po ${p.option} trūksta failo.` : `A file is missing after ${p.option}.`;
    case 'unknownOption':
      return lt ? `Nežinomas parametras ${p.option}.` : `Unknown option ${p.option}.`;
    case 'oneFile':
      return lt ? 'Nurodykite vieną PDF failą.' : 'Give one PDF file.';
    case 'listWithoutOperator':
      return lt
        ? 'Kiekvienam --trusted-list nurodykite jo tvarkytojo sertifikatą (--list-operator), tiek pat kartų ir ta pačia tvarka.'
        : 'Give each --trusted-list its operator’s certificate (--list-operator), as many times and in the same order.';
    case 'noFile':
      return lt ? 'Nurodykite tikrinamą PDF failą.' : 'Give the PDF file to check.';
    case 'noTrustedCertificates':
      return lt ? 'Nurodytuose --trust failuose nėra PEM sertifikatų.' : 'The --trust files hold no PEM certificates.';
  }
}

/** Why a passphrase is required but not there: the command line has no terminal to ask in, or none was given at all. */
export type KeyRequired = 'noTerminal' | 'notGiven';

/** Why the operating system's secret store is refused: no encryption at all, or (Linux) no password service behind it. */
export type SecretStoreProblem = 'encryption' | 'noPasswordService';

const SECRET_STORE_PROBLEMS: Readonly<Record<SecretStoreProblem, { lt: string; en: string }>> = {
  encryption: { lt: 'šifravimas neprieinamas', en: 'encryption is not available' },
  noPasswordService: { lt: 'nėra slaptažodžių tarnybos, pvz. GNOME Keyring ar KWallet', en: 'no password service such as GNOME Keyring or KWallet' },
};

export const SYSTEM_ERROR_TEXTS = {
  UNKNOWN_METHOD: entry<{ method: string }>(
    (p) => `Nežinomas veiksmas „${p.method}“.`,
    (p) => `Unknown method “${p.method}”.`,
  ),

  /** The one answer to a failure the user cannot act on: calm, with nothing internal. */
  INTERNAL: entry(
    () => 'Įvyko vidinė programos klaida. Pabandykite dar kartą; jei kartojasi, praneškite administratoriui.',
    () => 'An internal error occurred. Try again; if it persists, tell the administrator.',
  ),

  /** Why the operating system's secret store cannot protect the data key (the desktop app). */
  OS_SECRET_STORE_UNAVAILABLE: entry<{ reason: SecretStoreProblem }>(
    (p) =>
      `Kompiuterio slaptų duomenų saugykla nepasiekiama (${SECRET_STORE_PROBLEMS[p.reason].lt}), todėl duomenų rakto apsaugoti negalima ir programa neatidaroma. Niekas nepakeista. Naudokite naršyklės režimą su slaptafraze (npm run web) arba kreipkitės į administratorių.`,
    (p) =>
      `The computer's secret store is not available (${SECRET_STORE_PROBLEMS[p.reason].en}), so the data key cannot be protected and the app does not open. Nothing was changed. Use the browser host with a passphrase (npm run web) or contact the administrator.`,
  ),

  INVALID_TODAY: entry<{ value: string }>(
    (p) => `PUSIAUKELE_TODAY turi būti data MMMM-MM-DD, gauta „${p.value}“.`,
    (p) => `PUSIAUKELE_TODAY must be a date YYYY-MM-DD, got “${p.value}”.`,
  ),

  // The command line.

  /** `--data` without a directory after it. */
  DATA_DIR_MISSING: entry(
    () => 'Po --data nurodykite duomenų katalogą, pvz. --data ./demo-data.',
    () => 'Give the data directory after --data, e.g. --data ./demo-data.',
  ),

  /** `value`: what --port (or PUSIAUKELE_PORT) gave the browser host. */
  INVALID_PORT: entry<{ value: string }>(
    (p) => `Neteisingas prievadas „${p.value}“.`,
    (p) => `Invalid port “${p.value}”.`,
  ),

  CLI_ARGUMENT: entry<CliArgumentProblem>(
    (p) => cliArgumentText(p, 'lt'),
    (p) => cliArgumentText(p, 'en'),
  ),

  /** `code`: the system's error code (ENOENT, EACCES, …). */
  FILE_UNREADABLE: entry<{ path: string; code: string }>(
    (p) => `Failo ${p.path} perskaityti nepavyko (${p.code}).`,
    (p) => `The file ${p.path} could not be read (${p.code}).`,
  ),

  INVALID_COUNT: entry(
    () => '--count turi būti sveikasis skaičius nuo 1 iki 100000.',
    () => '--count must be a whole number from 1 to 100000.',
  ),

  PASSPHRASE_CANCELLED: entry(
    () => 'Slaptafrazės įvedimas nutrauktas; niekas nepakeista.',
    () => 'Passphrase entry cancelled; nothing was changed.',
  ),

  PASSPHRASE_MISMATCH: entry(
    () => 'Slaptafrazės nesutampa; niekas nepakeista. Paleiskite dar kartą.',
    () => 'The passphrases do not match; nothing was changed. Run again.',
  ),

  /**
   * The data is encrypted and no passphrase was given: `noTerminal`, the command line cannot ask for
   * it; `notGiven`, nothing asks (no host gave a key) and PUSIAUKELE_PASSPHRASE is not set.
   */
  KEY_REQUIRED: entry<{ why: KeyRequired }>(
    (p) =>
      p.why === 'noTerminal'
        ? 'Duomenys šifruojami, todėl reikia slaptafrazės, bet jos paklausti negalima (ne terminalas): nurodykite ją aplinkos kintamajame PUSIAUKELE_PASSPHRASE.'
        : 'Duomenys šifruojami, todėl reikia slaptafrazės: nurodykite ją aplinkos kintamajame PUSIAUKELE_PASSPHRASE.',
    (p) =>
      p.why === 'noTerminal'
        ? 'The data is encrypted, so a passphrase is needed, but there is no terminal to ask for it: give it in the PUSIAUKELE_PASSPHRASE environment variable.'
        : 'The data is encrypted, so a passphrase is needed: give it in the PUSIAUKELE_PASSPHRASE environment variable.',
  ),

  DEMO_NOT_EMPTY: entry(
    () => 'Šis duomenų katalogas jau naudojamas: demonstraciniai duomenys įrašomi tik į naują katalogą.',
    () => 'This data directory is already in use: demo data goes only into a new directory.',
  ),

  /** A demo meeting of `date` whose cases do not all say what was decided, or whose vote failed. */
  DEMO_MEETING: entry<{ date: string; problem: 'outcomes' | 'notAdopted' }>(
    (p) =>
      p.problem === 'outcomes'
        ? `Demonstracinis posėdis ${p.date}: ne visoms bylom nurodyta, kas nuspręsta.`
        : `Demonstracinis posėdis ${p.date}: sprendimas nepriimtas.`,
    (p) => (p.problem === 'outcomes' ? `Demo meeting ${p.date}: not every case says what was decided.` : `Demo meeting ${p.date}: the decision was not adopted.`),
  ),

  DEMO_STATE: entry<{ state: string; expected: string }>(
    (p) => `Demonstracinė byla liko būsenoje ${p.state}, o ne ${p.expected}.`,
    (p) => `The demo case ended in ${p.state}, not ${p.expected}.`,
  ),
};
