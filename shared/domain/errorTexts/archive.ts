/**
 * The texts of the errors of the archivist's desk (issue 15): exporting a case, sending the dossier
 * (V-77 p. 7), checking and importing a package. The problems a package check finds are codes here
 * too (with the path they concern, and what was expected and found): the report shows each as a
 * line. The zip's and the bag's own problems are in ./packages.
 */
import type { CaseState } from '../caseStates';
import { CASE_STATE_LABELS } from '../stateLabels';
import { entry } from './entry';

/** Where a problem is: a file of the package. */
type At = { readonly path?: string; readonly expected?: string; readonly found?: string };
const at = (p: At, _lang: 'lt' | 'en') => (p.path ? ` (${p.path})` : '');

export const ARCHIVE_ERROR_TEXTS = {
  ARCHIVE_CASE_EXISTS: entry<{ caseId: string }>(
    (p) => `Byla ${p.caseId} jau yra šiame kataloge: esama byla niekada neperrašoma. Jei reikia, importuokite paketą kaip naują bylą.`,
    (p) => `Case ${p.caseId} is here already: an existing case is never overwritten. If needed, import the package as a new case.`,
  ),
  ARCHIVE_NOT_IMPORTABLE: entry<{ sha256: string }>(
    () => 'Paketo importuoti negalima: patikrinimas rado problemų (jos išvardytos ataskaitoje). Niekas neįrašyta.',
    () => 'The package cannot be imported: its check found problems (listed in the report). Nothing was written.',
  ),
  ARCHIVE_CASE_OPEN: entry<At>(
    () => 'Byla pakete neužbaigta: iš archyvo grąžinamos tik užbaigtos bylos. Neužbaigta byla kartu su visais duomenimis perkeliama atsargine kopija.',
    () => 'The case in the package is not closed: only closed cases come back from the archive. An open case moves with a backup of the whole data directory.',
  ),
  ARCHIVE_STAGE_GONE: entry(
    () => 'Patikrintas paketas nebelaukia sprendimo (praėjo per daug laiko arba jis atmestas). Įkelkite jį dar kartą.',
    () => 'The checked package is no longer waiting (too much time passed, or it was discarded). Load it again.',
  ),
  ARCHIVE_NOT_SENDABLE: entry<{ caseId: string; state: CaseState; route: 'own' | 'other' | 'sends' }>(
    (p) =>
      p.route !== 'sends'
        ? 'Medžiaga siunčiama tik tada, kai nuteistasis prašo kitos įstaigos pusiaukelės namų (V-77 7 p.); šią bylą sprendžia mūsų komisija.'
        : `Būsenoje „${CASE_STATE_LABELS[p.state].lt}“ medžiagos išsiųsti negalima (V-77 7 p.).`,
    (p) =>
      p.route !== 'sends'
        ? "The dossier is sent only when the convict asks for another institution's halfway house (V-77 p. 7); our commission decides this case."
        : `In the state “${CASE_STATE_LABELS[p.state].en}” the dossier cannot be sent (V-77 p. 7).`,
  ),
  ARCHIVE_CONTENT_CHANGED: entry<{ path: string }>(
    (p) => `Importuojant paketo failas ${p.path} nebesutapo su patikrintu: paketas pakeistas. Niekas neįrašyta.`,
    (p) => `While importing, the package's file ${p.path} no longer matched what was checked: the package changed. Nothing was written.`,
  ),
  ARCHIVE_AUDIT_PROOF: entry<At>(
    () => 'Audito įrašų įrodymas nesilaiko: įrašo maiša neatitinka turinio arba grandinė nutrūksta.',
    () => 'The proof of the audit entries does not hold: an entry’s hash does not match its content or the chain breaks.',
  ),
  ARCHIVE_AUDIT_DIFFERS: entry<At>(
    () => 'Paketo audito grandinė nesutampa su šios įstaigos audito žurnalu: įrašai pakeisti ar praleisti paketo arba žurnalo pusėje.',
    () => "The package's audit chain does not match this institution's audit trail: entries were changed or left out in the package or in the trail.",
  ),
  ARCHIVE_RECORD_FILE_MISSING: entry<At>(
    (p) => `Bylos įraše nurodyto failo pakete nėra${at(p, 'lt')}.`,
    (p) => `A file the case record names is not in the package${at(p, 'en')}.`,
  ),
  ARCHIVE_RECORD_INVALID: entry<At>(
    (p) => `Bylos įrašas netinkamas – ne toks, kokį aprašo jo JSON schema${at(p, 'lt')}${p.found ? `, laukas ${p.found}` : ''}.`,
    (p) => `The case record is not valid against its JSON Schema${at(p, 'en')}${p.found ? `, field ${p.found}` : ''}.`,
  ),
  ARCHIVE_NOT_CASE: entry<At>(
    () => 'Tai ne Pusiaukelės bylos paketas (data/case.json nėra arba jo formatas kitas).',
    () => 'This is not a Pusiaukelė case package (data/case.json is missing or of another format).',
  ),
  ARCHIVE_SCHEMA_VERSION: entry<At>(
    (p) => `Nežinoma paketo schemos versija ${p.found ?? ''} (ši programa skaito ${p.expected ?? ''}). Atnaujinkite programą.`,
    (p) => `Unknown package schema version ${p.found ?? ''} (this app reads ${p.expected ?? ''}). Update the app.`,
  ),
  ARCHIVE_RECORD_MISMATCH: entry<At>(
    (p) => `Failo kontrolinė suma nesutampa su nurodyta bylos įraše${at(p, 'lt')}.`,
    (p) => `The file's checksum differs from the one the case record gives${at(p, 'en')}.`,
  ),
  ARCHIVE_UNNAMED_FILE: entry<At>(
    (p) => `Pakete yra failas, kurio bylos įrašas nemini${at(p, 'lt')}.`,
    (p) => `The package holds a file the case record does not name${at(p, 'en')}.`,
  ),
  ARCHIVE_SIGNATURE_FAILED: entry<At>(
    (p) => `Pasirašyto dokumento parašas negalioja – dokumentas pakeistas arba parašas suklastotas${at(p, 'lt')}.`,
    (p) => `A signed document's signature fails: the document was changed or the signature forged${at(p, 'en')}.`,
  ),
  ARCHIVE_SIGNATURE_MISSING: entry<At>(
    (p) => `Bylos įrašas sako, kad ši dokumento versija pasirašyta (parašų: ${p.expected ?? '?'}), o faile jų ${p.found ?? '0'}: pasirašytas dokumentas pakeistas${at(p, 'lt')}.`,
    (p) => `The case record says this version of the document is signed (${p.expected ?? '?'} signatures), and the file carries ${p.found ?? '0'}: the signed document was replaced${at(p, 'en')}.`,
  ),
  ARCHIVE_KIND_NOT_YOURS: entry<At>(
    (p) =>
      p.found === 'case'
        ? 'Bylą iš archyvo importuoja archyvaras.'
        : 'Kitos įstaigos atsiųstą medžiagą (V-77 7 p.) importuoja komisijos sekretorius.',
    (p) => (p.found === 'case' ? 'A case from the archive is imported by the archivist.' : "A dossier another institution sent (V-77 p. 7) is imported by the commission's secretary."),
  ),
  ARCHIVE_CONVICT_HAS_CASE: entry<At>(
    (p) => `Šis nuteistasis jau turi neužbaigtą bylą (${p.found ?? ''}): antras prašymas nagrinėjamas, kai pirmasis baigtas.`,
    (p) => `This convict already has an open case (${p.found ?? ''}): a second request waits until the first ends.`,
  ),
  ARCHIVE_NO_HALFWAY_HOUSE: entry<At>(
    () => 'Ši įstaiga nustatymuose neturi pusiaukelės namų, todėl kitos įstaigos medžiagos gauti negali (V-77 7 p.).',
    () => 'This institution runs no halfway house in its settings, so it cannot receive another institution’s dossier (V-77 p. 7).',
  ),
  ARCHIVE_SENDER_UNKNOWN: entry<At>(
    (p) => `Siuntėjos įstaigos „${p.found ?? ''}“ nėra nustatymų kitų įstaigų sąraše: administratorius turi ją įtraukti.`,
    (p) => `The sending institution “${p.found ?? ''}” is not among the other institutions in the settings: the administrator must add it.`,
  ),

  ARCHIVE_CLI_OPTION: entry<{ option: string }>(
    (p) =>
      p.option === '--protect'
        ? 'Paketo slaptažodis turi būti ne trumpesnis kaip 8 ženklai.'
        : p.option === '--closed-in'
          ? '--closed-in reikia metų, pvz., 2026.'
          : p.option === '--user'
            ? 'Nurodykite naudotoją: --user VARDAS (arba PUSIAUKELE_USER).'
            : `Trūksta parametro ${p.option}.`,
    (p) =>
      p.option === '--protect'
        ? 'The package password must be at least 8 characters.'
        : p.option === '--closed-in'
          ? '--closed-in needs a year, e.g. 2026.'
          : p.option === '--user'
            ? 'Name the user: --user NAME (or PUSIAUKELE_USER).'
            : `The option ${p.option} is missing.`,
  ),
  ARCHIVE_CLI_SIGN_IN: entry<{ code: string }>(
    (p) => `Komanda atmesta (${p.code}): prisijungti nepavyko arba šiam naudotojui tai daryti neleidžiama.`,
    (p) => `The command was refused (${p.code}): signing in failed, or this user may not do this.`,
  ),
};
