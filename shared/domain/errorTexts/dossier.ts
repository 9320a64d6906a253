/** The texts of the dossier's errors: its documents, their versions and terms, and the check of an attached file. */
import type { CaseState } from '../caseStates';
import { CASE_STATE_LABELS } from '../stateLabels';
import { entry, type Lang } from './entry';

const MIB = 1024 * 1024;

/** Bytes as megabytes (MiB) for a message: „52,4 MB“ in Lithuanian, "52.4 MB" in English, „50 MB“ when whole. */
export function formatMegabytes(bytes: number, lang: Lang = 'lt', decimals = 1): string {
  // Trailing zeros only after a decimal point: 500 MB stays 500 (issue 16's review found "5 MB").
  const text = (bytes / MIB).toFixed(decimals).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return `${lang === 'lt' ? text.replace('.', ',') : text} MB`;
}

/**
 * A file's size and the limit, written so that the size visibly exceeds the limit (52,4 MB vs 50 MB,
 * but 50,01 MB rather than 50 MB vs 50 MB); small sizes (tests, tiny limits) in kB or bytes.
 */
export function formatSizeAndLimit(size: number, limit: number, lang: Lang): { size: string; limit: string } {
  const format = (n: number, decimals: number): string => {
    if (limit < 1024) return `${n} B`;
    if (limit < MIB) {
      const text = (n / 1024).toFixed(decimals).replace(/\.?0+$/, '');
      return `${lang === 'lt' ? text.replace('.', ',') : text} kB`;
    }
    return formatMegabytes(n, lang, decimals);
  };
  for (let decimals = 1; decimals <= 3; decimals++) {
    const s = format(size, decimals);
    const l = format(limit, decimals);
    if (s !== l) return { size: s, limit: l };
  }
  return { size: `${size} B`, limit: `${limit} B` };
}

/** What a refused file was recognised as (FILE_NOT_DOCUMENT's `detected`). */
export type DetectedContent = 'exe' | 'elf' | 'zip' | 'gif' | 'tiff' | 'bmp' | 'heic' | 'rar' | '7z' | 'text' | 'unknown';

const CONTENT_NAMES: Record<Exclude<DetectedContent, 'unknown'>, { lt: string; en: string }> = {
  exe: { lt: 'Windows programa (.exe)', en: 'a Windows program (.exe)' },
  elf: { lt: 'Linux programa', en: 'a Linux program' },
  zip: { lt: 'ZIP archyvas arba „Office“ dokumentas (pvz., „Word“ .docx ar „Excel“ .xlsx)', en: 'a ZIP archive or an Office document (e.g. Word .docx or Excel .xlsx)' },
  gif: { lt: 'GIF paveikslėlis', en: 'a GIF image' },
  tiff: { lt: 'TIFF paveikslėlis', en: 'a TIFF image' },
  bmp: { lt: 'BMP paveikslėlis', en: 'a BMP image' },
  heic: { lt: 'HEIC nuotrauka (pvz., iš „iPhone“) ar kitas ISO medijos failas', en: 'a HEIC photo (e.g. from an iPhone) or another ISO media file' },
  rar: { lt: 'RAR archyvas', en: 'a RAR archive' },
  '7z': { lt: '7z archyvas', en: 'a 7z archive' },
  text: { lt: 'paprastas tekstas', en: 'plain text' },
};

function adviceFor(detected: DetectedContent): { lt: string; en: string } {
  switch (detected) {
    case 'exe':
    case 'elf':
      return {
        lt: 'Tai ne dokumentas: neatidarykite jo ir paprašykite siuntėjo atsiųsti patį dokumentą PDF formatu.',
        en: 'This is not a document: do not open it, and ask the sender for the document itself as a PDF.',
      };
    case 'zip':
      return {
        lt: 'Jei tai „Word“ ar „Excel“ dokumentas, atidarykite jį ir išsaugokite kaip PDF (Failas → Išsaugoti kaip → PDF); jei tai archyvas, išskleiskite jį ir pridėkite dokumentus po vieną.',
        en: 'If it is a Word or Excel document, open it and save it as a PDF (File → Save As → PDF); if it is an archive, extract it and attach the documents one by one.',
      };
    case 'rar':
    case '7z':
      return {
        lt: 'Išskleiskite archyvą ir pridėkite jame esančius dokumentus po vieną.',
        en: 'Extract the archive and attach the documents in it one by one.',
      };
    case 'gif':
    case 'tiff':
    case 'bmp':
    case 'heic':
      return {
        lt: 'Išsaugokite paveikslėlį kaip JPEG ar PNG arba nuskenuokite dokumentą į PDF ir pridėkite iš naujo.',
        en: 'Save the image as JPEG or PNG, or scan the document to PDF, and attach it again.',
      };
    case 'text':
      return {
        lt: 'Išsaugokite tekstą kaip PDF (pvz., spausdindami į PDF) ir pridėkite iš naujo.',
        en: 'Save the text as a PDF (e.g. by printing to PDF) and attach it again.',
      };
    case 'unknown':
      return {
        lt: 'Išsaugokite dokumentą kaip PDF arba nuskenuokite jį ir pridėkite iš naujo.',
        en: 'Save the document as a PDF or scan it, and attach it again.',
      };
  }
}

function notDocumentText(p: { file: string; detected: DetectedContent }, lang: Lang): string {
  const what = p.detected === 'unknown' ? null : CONTENT_NAMES[p.detected];
  const advice = adviceFor(p.detected)[lang];
  if (lang === 'lt') {
    const lt = what
      ? `Failas „${p.file}“ nėra PDF, JPEG ar PNG dokumentas: pagal turinį tai ${what.lt}.`
      : `Failas „${p.file}“ nėra PDF, JPEG ar PNG dokumentas (jo turinio atpažinti nepavyko).`;
    return `${lt} Priimami tik PDF, JPEG ir PNG failai; failo pavadinimo plėtinys (pvz., „.pdf“) nieko nekeičia, nes tikrinamas pats turinys. ${advice}`;
  }
  const en = what
    ? `The file “${p.file}” is not a PDF, JPEG or PNG document: by its content it is ${what.en}.`
    : `The file “${p.file}” is not a PDF, JPEG or PNG document (its content could not be recognised).`;
  return `${en} Only PDF, JPEG and PNG files are accepted; the extension in the file name (e.g. “.pdf”) does not matter, because the content itself is checked. ${advice}`;
}

const imageLabel = (kind: 'jpeg' | 'png') => (kind === 'jpeg' ? 'JPEG' : 'PNG');

/** A refused file: its name as the user named it and its size; `reason`: what the check found (for the log, not shown). */
type RefusedFile = { file: string; size: number };

const state = (s: CaseState) => CASE_STATE_LABELS[s];

export const DOSSIER_ERROR_TEXTS = {
  DOSSIER_LOCKED: entry<{ state: CaseState }>(
    (p) => `Komisijai priėmus sprendimą, bylos medžiaga nebekeičiama (būsena „${state(p.state).lt}“).`,
    (p) => `Once the commission has decided, the dossier is no longer changed (state “${state(p.state).en}”).`,
  ),

  DOSSIER_WOULD_BE_INCOMPLETE: entry<{ state: CaseState }>(
    (p) => `Byla jau „${state(p.state).lt}“, todėl jos medžiaga turi likti pilna: šis pakeitimas paliktų trūkumų. Pakeitimas neišsaugotas.`,
    (p) => `The case is already “${state(p.state).en}”, so its dossier must stay complete: this change would leave gaps. Nothing was saved.`,
  ),

  /**
   * A document of a case's dossier, or (`generated`) one the app generated, which is in no dossier;
   * `replacingIn`: the item in which a new version was to replace the document.
   */
  DOCUMENT_NOT_FOUND: entry<{ documentId: string; version?: number; replacingIn?: string; generated?: true }>(
    (p) =>
      p.generated ? 'Tokio dokumento nėra.' : p.replacingIn !== undefined ? `Keičiamo dokumento punkte ${p.replacingIn} nėra.` : 'Tokio dokumento šioje byloje nėra.',
    (p) =>
      p.generated
        ? 'There is no such document.'
        : p.replacingIn !== undefined
          ? `The document to replace is not in item ${p.replacingIn}.`
          : 'There is no such document in this case.',
  ),

  DOCUMENT_SAME_CONTENT: entry<{ file: string }>(
    (p) => `Failas „${p.file}“ sutampa su dabartine dokumento versija: keisti nėra ką.`,
    (p) => `The file “${p.file}” is the same as the current version: nothing to replace.`,
  ),

  /** `attachedAs`: the name of the document already holding the same content. */
  DOCUMENT_ALREADY_ATTACHED: entry<{ file: string; item: string; attachedAs: string }>(
    (p) => `Failas „${p.file}“ jau pridėtas prie ${p.item} punkto (kaip „${p.attachedAs}“). Niekas neišsaugota.`,
    (p) => `The file “${p.file}” is already attached to item ${p.item} (as “${p.attachedAs}”). Nothing was saved.`,
  ),

  EXTENSION_CLOSED: entry<{ state: CaseState }>(
    (p) => `Medžiagos pateikimo terminas pratęsiamas, kol medžiaga dar negauta (V-77 7 p.); dabar byla „${state(p.state).lt}“.`,
    (p) => `The dossier term can be extended only while the dossier has not arrived (V-77 p. 7); the case is now “${state(p.state).en}”.`,
  ),

  STAGING_FULL: entry<{ file: string }>(
    (p) => `Failo „${p.file}“ nepavyko paruošti: per daug neišsaugotų failų laukia peržiūros. Užbaikite ar atšaukite ankstesnį įkėlimą ir bandykite dar kartą.`,
    (p) => `The file “${p.file}” could not be prepared: too many unsaved files await review. Finish or cancel the earlier load and try again.`,
  ),

  STAGED_FILE_GONE: entry<{ stagedId: string }>(
    () => 'Peržiūrai paruoštų failų nebėra (praėjo daugiau kaip valanda arba programa buvo paleista iš naujo). Nieko neišsaugota: įkelkite failus dar kartą.',
    () => 'The files prepared for review are gone (more than an hour passed or the app restarted). Nothing was saved: load the files again.',
  ),

  // The check of an attached file: each names the file and says plainly what to do.

  FILE_EMPTY: entry<RefusedFile>(
    (p) =>
      `Failas „${p.file}“ tuščias (0 baitų). Jis tikriausiai nebuvo iki galo išsaugotas ar nukopijuotas: atidarykite originalą, išsaugokite jį dar kartą ir pridėkite iš naujo.`,
    (p) => `The file “${p.file}” is empty (0 bytes). It was probably not saved or copied completely: open the original, save it again and attach it again.`,
  ),

  FILE_TOO_LARGE: entry<RefusedFile & { limit: number }>(
    (p) => {
      const f = formatSizeAndLimit(p.size, p.limit, 'lt');
      return `Failas „${p.file}“ per didelis: ${f.size}, o leidžiama ne daugiau kaip ${f.limit}. Nuskenuokite dokumentą mažesne raiška (pvz., 200–300 dpi) arba suspauskite PDF failą ir pridėkite iš naujo.`;
    },
    (p) => {
      const f = formatSizeAndLimit(p.size, p.limit, 'en');
      return `The file “${p.file}” is too large: ${f.size}, while at most ${f.limit} is allowed. Scan the document at a lower resolution (e.g. 200–300 dpi) or compress the PDF and attach it again.`;
    },
  ),

  FILE_NOT_DOCUMENT: entry<RefusedFile & { detected: DetectedContent }>(
    (p) => notDocumentText(p, 'lt'),
    (p) => notDocumentText(p, 'en'),
  ),

  /**
   * A PDF with /Encrypt: attached to a dossier (`file` given), or checked for its signatures (no
   * file: the verification page names the file itself).
   */
  PDF_ENCRYPTED: entry<Partial<RefusedFile & { kind: 'pdf' }>>(
    (p) =>
      p.file !== undefined
        ? `Failas „${p.file}“ yra užšifruotas arba apsaugotas slaptažodžiu, todėl komisija negalėtų jo patikimai atidaryti, peržiūrėti ir įtraukti į bylą. Paprašykite dokumento rengėjo kopijos be slaptažodžio ir pridėkite ją.`
        : 'Dokumentas užšifruotas: programa tokių dokumentų parašų netikrina.',
    (p) =>
      p.file !== undefined
        ? `The file “${p.file}” is encrypted or password-protected, so the commission could not reliably open it, view it and include it in the dossier. Ask whoever prepared the document for a copy without a password and attach that.`
        : 'The document is encrypted: the app does not check the signatures of such documents.',
  ),

  PDF_TRUNCATED: entry<RefusedFile & { kind: 'pdf'; reason: string }>(
    (p) =>
      `Failas „${p.file}“ nepilnas: PDF failo pabaigos trūksta, jis tikriausiai nutrūko kopijuojant, siunčiant ar skenuojant. Gaukite dokumentą dar kartą (nukopijuokite, atsisiųskite ar nuskenuokite iš naujo) ir pridėkite jį.`,
    (p) =>
      `The file “${p.file}” is incomplete: the end of the PDF is missing; it was probably cut off while copying, sending or scanning. Get the document again (copy, download or scan it again) and attach it.`,
  ),

  PDF_DAMAGED: entry<RefusedFile & { kind: 'pdf'; reason: string }>(
    (p) =>
      `Failas „${p.file}“ sugadintas: jis panašus į PDF, bet jo sandara netaisyklinga, todėl jo nepavyktų patikimai atidaryti. Atidarykite originalą ir išsaugokite jį kaip PDF iš naujo arba nuskenuokite dokumentą dar kartą.`,
    (p) =>
      `The file “${p.file}” is damaged: it looks like a PDF but its structure is broken, so it could not be opened reliably. Open the original and save it as a PDF again, or scan the document again.`,
  ),

  IMAGE_TRUNCATED: entry<RefusedFile & { kind: 'jpeg' | 'png'; reason: string }>(
    (p) =>
      `Failas „${p.file}“ nepilnas: ${imageLabel(p.kind)} paveikslėlio pabaigos trūksta, jis tikriausiai nutrūko kopijuojant ar skenuojant. Nuskenuokite ar nukopijuokite dokumentą dar kartą ir pridėkite iš naujo.`,
    (p) =>
      `The file “${p.file}” is incomplete: the end of the ${imageLabel(p.kind)} image is missing; it was probably cut off while copying or scanning. Scan or copy the document again and attach it again.`,
  ),

  IMAGE_DAMAGED: entry<RefusedFile & { kind: 'jpeg' | 'png'; reason: string }>(
    (p) =>
      `Failas „${p.file}“ sugadintas: tai ${imageLabel(p.kind)} paveikslėlis, bet jo antraštė netaisyklinga, todėl jo nepavyktų parodyti. Nuskenuokite ar nufotografuokite dokumentą dar kartą ir pridėkite iš naujo.`,
    (p) =>
      `The file “${p.file}” is damaged: it is a ${imageLabel(p.kind)} image but its header is broken, so it could not be shown. Scan or photograph the document again and attach it again.`,
  ),
};
