/**
 * The texts of the errors of writing, reading and checking case packages (issue 15): a BagIt 1.0 bag
 * (RFC 8493) in a zip. Two kinds of codes live here:
 * - refusals, thrown as `new DomainError(code, params)` when a package cannot be written or is not
 *   opened at all (not a zip, cut short, a zip bomb, an unsafe name, a wrong password …);
 * - the problems a full check finds (`BagProblem`: a code with `path`, `expected`, `found`), which the
 *   report lists as data and the renderer shows with these same texts, made from the problem itself.
 * Each text says what is wrong and what the archivist can do about it.
 */
import { entry, type Lang } from './entry';

/** The parameters of a problem found by the check of a bag (BagProblem without its code). */
export interface BagProblemParams {
  readonly path?: string;
  readonly expected?: string;
  readonly found?: string;
  readonly [key: string]: string | undefined;
}

/** Why a package is taken for a zip bomb: its files would unpack to too much, one file is compressed beyond belief, or its table of contents alone is too large. */
export type BombReason = 'total' | 'ratio' | 'directory';

/** A size in bytes as a person reads it: "4 GB", "1,5 MB", "812 B" (binary units; a decimal comma in Lithuanian). */
export function bytesText(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? String(value) : String(Math.round(value * 10) / 10);
  return `${lang === 'lt' ? rounded.replace('.', ',') : rounded} ${units[unit]}`;
}

/** " (sistemos klaida ENOSPC)" when the system's error code is known. */
const systemCode = (code: string | undefined, lang: Lang): string =>
  code === undefined ? '' : lang === 'lt' ? ` (sistemos klaida ${code})` : ` (system error ${code})`;

const pathLt = (path: string | undefined): string => (path === undefined ? '' : ` ${path}`);

function writeFailedText(p: { path?: string; code?: string }, lang: Lang): string {
  const lt = lang === 'lt';
  const what = lt ? `Paketo${pathLt(p.path)} įrašyti nepavyko` : `The package${pathLt(p.path)} could not be written`;
  const cleaned = lt ? 'Nebaigtas failas pašalintas.' : 'The unfinished file was removed.';
  if (p.code === 'ENOSPC' || p.code === 'EDQUOT') {
    return lt
      ? `${what}: diske nebėra vietos. ${cleaned} Atlaisvinkite vietos arba pasirinkite kitą diską.`
      : `${what}: the disk is full. ${cleaned} Free some space or choose another disk.`;
  }
  if (p.code === 'EACCES' || p.code === 'EPERM' || p.code === 'EROFS') {
    return lt
      ? `${what}: nėra teisės rašyti į šį aplanką. ${cleaned} Pasirinkite kitą aplanką.`
      : `${what}: there is no permission to write to this folder. ${cleaned} Choose another folder.`;
  }
  return lt
    ? `${what}${systemCode(p.code, lang)}. ${cleaned} Bandykite dar kartą arba pasirinkite kitą aplanką.`
    : `${what}${systemCode(p.code, lang)}. ${cleaned} Try again or choose another folder.`;
}

function readFailedText(p: { code?: string }, lang: Lang): string {
  const lt = lang === 'lt';
  if (p.code === 'ENOENT') {
    return lt ? 'Paketo failas nerastas. Patikrinkite, ar jis nebuvo perkeltas ar ištrintas.' : 'The package file was not found. Check that it was not moved or deleted.';
  }
  if (p.code === 'EACCES' || p.code === 'EPERM') {
    return lt ? 'Nėra teisės skaityti paketo failo. Nukopijuokite jį į savo aplanką ir bandykite dar kartą.' : 'There is no permission to read the package file. Copy it to a folder of yours and try again.';
  }
  return lt
    ? `Paketo failo nepavyko perskaityti${systemCode(p.code, lang)}. Bandykite dar kartą arba nukopijuokite failą į kitą diską.`
    : `The package file could not be read${systemCode(p.code, lang)}. Try again or copy the file to another disk.`;
}

function bombText(p: { reason: BombReason; path?: string; max?: number }, lang: Lang): string {
  const lt = lang === 'lt';
  const tail = lt
    ? ' Paketas neatidarytas: tai gali būti vadinamoji ZIP bomba, skirta perpildyti diską ar atmintį. Paprašykite siuntėjo paketo, sukurto šia programa.'
    : ' The package was not opened: it may be a so-called zip bomb, made to fill the disk or the memory. Ask the sender for a package made by this app.';
  switch (p.reason) {
    case 'total':
      return lt
        ? `Išskleistas paketo turinys būtų per didelis (daugiau nei ${bytesText(p.max ?? 0, lang)}).${tail}`
        : `The package's content would unpack to too much (more than ${bytesText(p.max ?? 0, lang)}).${tail}`;
    case 'ratio':
      return lt
        ? `Paketo failas ${p.path ?? ''} suspaustas neįtikėtinai stipriai (daugiau nei ${p.max ?? 0} kartų).${tail}`
        : `The package's file ${p.path ?? ''} is compressed beyond belief (more than ${p.max ?? 0} times).${tail}`;
    case 'directory':
      return lt ? `Paketo turinio sąrašas (ZIP centrinis katalogas) per didelis.${tail}` : `The package's table of contents (the zip central directory) is too large.${tail}`;
  }
}

export const PACKAGE_ERROR_TEXTS = {
  // ── Writing a package ────────────────────────────────────────────────────────────────────────────
  PACKAGE_EXISTS: entry<{ path: string }>(
    (p) => `Failas ${p.path} jau yra. Paketas neįrašytas, kad nebūtų perrašytas esamas failas: pasirinkite kitą pavadinimą arba aplanką.`,
    (p) => `The file ${p.path} already exists. The package was not written so as not to overwrite it: choose another name or folder.`,
  ),
  PACKAGE_CANCELLED: entry(
    () => 'Veiksmas su paketu atšauktas. Nebaigtas paketo failas pašalintas, niekas nepakeista.',
    () => 'The package operation was cancelled. The unfinished package file was removed; nothing was changed.',
  ),
  PACKAGE_WRITE_FAILED: entry<{ path?: string; code?: string }>(
    (p) => writeFailedText(p, 'lt'),
    (p) => writeFailedText(p, 'en'),
  ),
  PACKAGE_SOURCE_FAILED: entry<{ path: string; code?: string }>(
    (p) => `Paketui skirto failo ${p.path} nepavyko perskaityti iš programos duomenų${systemCode(p.code, 'lt')}. Paketas neįrašytas; patikrinkite duomenų katalogą ir bandykite dar kartą.`,
    (p) => `The file ${p.path} meant for the package could not be read from the app's data${systemCode(p.code, 'en')}. The package was not written; check the data directory and try again.`,
  ),

  // ── Opening a package: refused before any content is read ─────────────────────────────────────
  PACKAGE_READ_FAILED: entry<{ code?: string }>(
    (p) => readFailedText(p, 'lt'),
    (p) => readFailedText(p, 'en'),
  ),
  PACKAGE_NOT_ZIP: entry(
    () => 'Failas nėra ZIP paketas. Pasirinkite paketą (.zip), eksportuotą šia programa.',
    () => 'The file is not a zip package. Choose a package (.zip) exported by this app.',
  ),
  PACKAGE_TRUNCATED: entry(
    () => 'Paketas nepilnas arba sugadintas: nepavyko perskaityti jo turinio sąrašo (ZIP centrinio katalogo). Tikriausiai failas nukopijuotas ar atsiųstas ne iki galo – paprašykite siuntėjo atsiųsti jį dar kartą.',
    () => 'The package is incomplete or damaged: its table of contents (the zip central directory) could not be read. The file was probably copied or sent only in part: ask the sender to send it again.',
  ),
  PACKAGE_TOO_LARGE: entry<{ bytes: number; max: number }>(
    (p) => `Paketas per didelis: ${bytesText(p.bytes, 'lt')}, o leidžiama ne daugiau kaip ${bytesText(p.max, 'lt')}. Toks paketas neatidaromas.`,
    (p) => `The package is too large: ${bytesText(p.bytes, 'en')}, and at most ${bytesText(p.max, 'en')} is accepted. It is not opened.`,
  ),
  PACKAGE_TOO_MANY_ENTRIES: entry<{ max: number }>(
    (p) => `Pakete per daug failų (leidžiama ne daugiau kaip ${p.max}). Toks paketas neatidaromas: programos paketuose tiek failų nebūna.`,
    (p) => `The package holds too many files (at most ${p.max} are accepted). It is not opened: the app's packages never hold that many.`,
  ),
  PACKAGE_BOMB: entry<{ reason: BombReason; path?: string; max?: number }>(
    (p) => bombText(p, 'lt'),
    (p) => bombText(p, 'en'),
  ),
  PACKAGE_UNSAFE_PATH: entry<{ path: string }>(
    (p) =>
      `Pakete yra failas pavojingu vardu „${p.path}“ (nuoroda į aukštesnį aplanką „..“, absoliutus kelias, disko raidė, atvirkštinis brūkšnys ar valdymo simboliai). Paketas atmestas: išskleidžiant toks failas galėtų atsidurti už paketo aplanko ribų.`,
    (p) =>
      `The package holds a file with a dangerous name "${p.path}" (a ".." parent folder, an absolute path, a drive letter, a backslash or control characters). The package is refused: unpacked, such a file could land outside the package's folder.`,
  ),
  PACKAGE_SYMLINK: entry<{ path: string }>(
    (p) => `Pakete yra ne paprastas failas, o simbolinė nuoroda ar kitas specialus įrašas: „${p.path}“. Paketas atmestas: tokia nuoroda galėtų nukreipti į kitus kompiuterio failus.`,
    (p) => `The package holds not a plain file but a symbolic link or another special entry: "${p.path}". The package is refused: such a link could point to other files of the computer.`,
  ),
  PACKAGE_DUPLICATE_NAME: entry<{ path: string; found?: string }>(
    (p) =>
      `Pakete du failai tuo pačiu vardu arba vardais, kurie skiriasi tik raidžių dydžiu ar Unicode forma: „${p.path}“${p.found === undefined ? '' : ` ir „${p.found}“`}. Paketas atmestas: išskleidžiant vienas failas perrašytų kitą.`,
    (p) =>
      `The package holds two files with the same name, or names that differ only in letter case or Unicode form: "${p.path}"${p.found === undefined ? '' : ` and "${p.found}"`}. The package is refused: unpacked, one file would overwrite the other.`,
  ),
  PACKAGE_NOT_A_BAG: entry<{ found?: string }>(
    (p) =>
      `Paketo sandara netinkama: visi jo failai turi būti viename aplanke (BagIt maiše, RFC 8493)${p.found === undefined ? '' : `, o rasta „${p.found}“`}. Pasirinkite paketą, eksportuotą šia programa.`,
    (p) =>
      `The package is not laid out as expected: all its files must be in one folder (a BagIt bag, RFC 8493)${p.found === undefined ? '' : `, and "${p.found}" was found`}. Choose a package exported by this app.`,
  ),
  PACKAGE_PASSWORD: entry<{ given: boolean }>(
    (p) =>
      p.given
        ? 'Neteisingas paketo slaptažodis. Patikrinkite jį (didžiąsias ir mažąsias raides) ir bandykite dar kartą.'
        : 'Paketas apsaugotas slaptažodžiu. Įveskite slaptažodį, kurį gavote atskirai nuo paketo.',
    (p) =>
      p.given
        ? 'Wrong package password. Check it (upper and lower case) and try again.'
        : 'The package is protected by a password. Enter the password you received separately from the package.',
  ),
  /** Thrown by `read` (with `max`), and a problem of the check when a tag file is too large to parse. */
  PACKAGE_FILE_TOO_LARGE: entry<{ path?: string; max?: number }>(
    (p) => `Paketo failas ${p.path ?? ''} per didelis${p.max === undefined ? '' : ` (daugiau nei ${bytesText(p.max, 'lt')})`}, kad būtų perskaitytas visas.`,
    (p) => `The package's file ${p.path ?? ''} is too large${p.max === undefined ? '' : ` (more than ${bytesText(p.max, 'en')})`} to be read whole.`,
  ),

  // ── What the full check finds (BagProblem: path, expected, found) ────────────────────────────
  PACKAGE_CORRUPT: entry<BagProblemParams>(
    (p) =>
      p.path === undefined
        ? 'Paketas sugadintas: jo ZIP sandara prieštaringa (skirtingos programos jį perskaitytų skirtingai). Paprašykite siuntėjo atsiųsti paketą dar kartą.'
        : `Paketas sugadintas: failo ${p.path} nepavyko perskaityti (jo duomenys sugadinti arba pakeisti). Paprašykite siuntėjo atsiųsti paketą dar kartą.`,
    (p) =>
      p.path === undefined
        ? 'The package is damaged: its zip structure is contradictory (different programs would read it differently). Ask the sender to send the package again.'
        : `The package is damaged: the file ${p.path} could not be read (its data is damaged or altered). Ask the sender to send the package again.`,
  ),
  PACKAGE_SIZE_MISMATCH: entry<BagProblemParams>(
    (p) =>
      `Failo ${p.path ?? ''} dydis nesutampa su nurodytu pakete (nurodyta ${p.expected ?? '?'} B, rasta ${p.found ?? '?'} B). Skaitymas sustabdytas: paketas sugadintas arba sukurtas sąmoningai klaidinti.`,
    (p) =>
      `The size of the file ${p.path ?? ''} differs from what the package says (${p.expected ?? '?'} B stated, ${p.found ?? '?'} B found). Reading stopped: the package is damaged or made to deceive.`,
  ),
  PACKAGE_NO_BAGIT_TXT: entry<BagProblemParams>(
    () => 'Pakete nėra bagit.txt: tai ne BagIt maišas (RFC 8493 2.1.1 p.). Pasirinkite paketą, eksportuotą šia programa.',
    () => 'The package has no bagit.txt: it is not a BagIt bag (RFC 8493 §2.1.1). Choose a package exported by this app.',
  ),
  PACKAGE_BAD_BAGIT_TXT: entry<BagProblemParams>(
    (p) =>
      `Paketo bagit.txt netinkamas${p.found === undefined ? '' : ` („${p.found}“)`}: jame turi būti „BagIt-Version: 1.0“ (arba 0.97) ir „Tag-File-Character-Encoding: UTF-8“.`,
    (p) => `The package's bagit.txt is not valid${p.found === undefined ? '' : ` ("${p.found}")`}: it must hold "BagIt-Version: 1.0" (or 0.97) and "Tag-File-Character-Encoding: UTF-8".`,
  ),
  PACKAGE_BAD_BAG_INFO: entry<BagProblemParams>(
    (p) => `Paketo bag-info.txt eilutė netinkama: „${p.found ?? ''}“ (turi būti „Žymė: reikšmė“).`,
    (p) => `A line of the package's bag-info.txt is not valid: "${p.found ?? ''}" (it must be "Label: value").`,
  ),
  PACKAGE_NO_PAYLOAD: entry<BagProblemParams>(
    () => 'Pakete nėra duomenų aplanko data/ (RFC 8493 2.1.2 p.).',
    () => 'The package has no data/ payload folder (RFC 8493 §2.1.2).',
  ),
  PACKAGE_NO_MANIFEST: entry<BagProblemParams>(
    () => 'Pakete nėra manifest-sha256.txt – failų kontrolinių sumų sąrašo, todėl turinio vientisumo patikrinti neįmanoma. Paprašykite siuntėjo paketo, eksportuoto šia programa.',
    () => "The package has no manifest-sha256.txt, the list of its files' checksums, so its content cannot be checked. Ask the sender for a package exported by this app.",
  ),
  PACKAGE_NO_TAG_MANIFEST: entry<BagProblemParams>(
    () => 'Pakete nėra tagmanifest-sha256.txt – bag-info.txt ir manifesto kontrolinių sumų sąrašo, todėl jų vientisumo patikrinti neįmanoma. Paprašykite siuntėjo paketo, eksportuoto šia programa.',
    () => "The package has no tagmanifest-sha256.txt, the checksums of bag-info.txt and the manifest, so they cannot be checked. Ask the sender for a package exported by this app.",
  ),
  PACKAGE_BAD_MANIFEST: entry<BagProblemParams>(
    (p) => `Manifesto ${p.path ?? ''} eilutė netinkama: „${p.found ?? ''}“ (turi būti kontrolinė suma ir failo kelias; duomenų manifeste – tik data/ failai, kiekvienas po kartą).`,
    (p) => `A line of the manifest ${p.path ?? ''} is not valid: "${p.found ?? ''}" (it must be a checksum and a file path; the payload manifest lists data/ files only, each once).`,
  ),
  PACKAGE_UNSUPPORTED_MANIFEST: entry<BagProblemParams>(
    (p) => `Manifestas ${p.path ?? ''} naudoja nežinomą kontrolinės sumos algoritmą, todėl jo patikrinti neįmanoma.`,
    (p) => `The manifest ${p.path ?? ''} uses an unknown checksum algorithm, so it cannot be checked.`,
  ),
  PACKAGE_MISSING_FILE: entry<BagProblemParams>(
    (p) => `Paketas nepilnas: manifeste nurodyto failo ${p.path ?? ''} pakete nėra. Paprašykite siuntėjo atsiųsti paketą dar kartą.`,
    (p) => `The package is incomplete: the file ${p.path ?? ''} named in the manifest is not in it. Ask the sender to send the package again.`,
  ),
  PACKAGE_EXTRA_FILE: entry<BagProblemParams>(
    (p) => `Pakete yra failas ${p.path ?? ''}, kurio nėra manifeste: jo vientisumo patikrinti neįmanoma, paketas galėjo būti papildytas po sukūrimo.`,
    (p) => `The package holds the file ${p.path ?? ''}, which is not in the manifest: it cannot be checked, and the package may have been added to after it was made.`,
  ),
  PACKAGE_HASH_MISMATCH: entry<BagProblemParams>(
    (p) =>
      `Paketas pažeistas: failo ${p.path ?? ''} kontrolinė suma nesutampa (manifeste ${p.expected ?? '?'}, rasta ${p.found ?? '?'}). Failas pakeistas ar sugadintas po paketo sukūrimo – paprašykite siuntėjo atsiųsti paketą dar kartą.`,
    (p) =>
      `The package is damaged: the checksum of the file ${p.path ?? ''} does not match (the manifest says ${p.expected ?? '?'}, found ${p.found ?? '?'}). The file was changed or damaged after the package was made: ask the sender to send it again.`,
  ),
  PACKAGE_OXUM_MISMATCH: entry<BagProblemParams>(
    (p) =>
      `bag-info.txt nurodytas turinio dydis (Payload-Oxum ${p.expected ?? '?'}: baitai.failai) nesutampa su rastu (${p.found ?? '?'}): pakete trūksta failų arba jų per daug.`,
    (p) => `The payload size bag-info.txt states (Payload-Oxum ${p.expected ?? '?'}: octets.files) differs from what was found (${p.found ?? '?'}): files are missing or added.`,
  ),
};
