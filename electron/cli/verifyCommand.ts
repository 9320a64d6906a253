import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { VerificationReport } from '../../shared/contract/verificationSchemas';
import {
  CHANGE_TEXT,
  DOCUMENT_INDICATION_TEXT,
  INDICATION_TEXT,
  PADES_LEVEL_TEXT,
  PDF_LT_LEVEL_TEXT,
  PDF_LT_REMARK_TEXT,
  PDF_LT_REQUIREMENT_TEXT,
  PROBLEM_TEXT,
  QUALIFICATION_TEXT,
  qualificationReasonText,
  SUB_INDICATION_TEXT,
} from '../../shared/contract/verificationTexts';
import { DomainError } from '../../shared/domain/errors';
import { reportOf } from '../services/documents/verification';
import { checkPdfLt } from '../services/pdf/pdfLtCheck';
import { caQcServices, grantedAt } from '../services/trust/qualified';
import { operatorCertificateOf, readTrustedList } from '../services/trust/trustedList';
import { pemCertificates } from '../services/signing/pemCertificates';
import { verifyPdf } from '../services/signing/pdfVerify';
import { checkCrlForImport, type ParsedCrlWithSigner } from '../services/signing/revocation';

/**
 * `npm run cli -- verify FILE.pdf [--trust CA.pem]... [--trusted-list TL.xml --list-operator OPERATOR.pem]...
 *  [--crl LIST.crl]... [--require-revocation] [--json]`
 * (issue 12, 18): the same check as the app's verify page, for a file on disk and roots given on the
 * command line: each signature's verdict, PAdES level and kind, and the file's PDF-LT-V1.0 level
 * with every requirement it does not meet. Exit 0 only when every signature is TOTAL_PASSED and
 * nothing else changed the file (the PDF-LT level does not change it); 1 otherwise; 2 when the file
 * or an argument cannot be used.
 */
export const VERIFY_HELP = `  npm run cli -- verify FAILAS.pdf [--trust CA.pem]... [--trusted-list SĄRAŠAS.xml --list-operator TVARKYTOJAS.pem]...
                        [--crl SĄRAŠAS.crl]... [--require-revocation] [--json]
      Patikrina PDF dokumento elektroninius parašus (ETSI EN 319 102-1: TOTAL_PASSED / INDETERMINATE /
      FAILED; PAdES lygis) ir atitiktį elektroninio dokumento formatui PDF-LT-V1.0 (A, B lygis ar
      neatitinka, su kiekvienu neįvykdytu reikalavimu). --trust: patikimi šakniniai sertifikatai (PEM);
      --trusted-list su --list-operator: patikimų paslaugų sąrašas (ETSI TS 119 612) ir jo tvarkytojo
      sertifikatas, kuriuo tikrinamas sąrašo parašas; jo kvalifikuotos paslaugos tampa patikimomis, o
      parašas jose išduotu kvalifikuotu sertifikatu nurodomas kaip QES; --crl: atšauktų sertifikatų sąrašai; --require-revocation: be atšaukimo duomenų parašas
      nepatvirtinamas; --json: ataskaita JSON formatu.
      Išeities kodas 0, tik kai visi parašai galioja ir dokumentas po pasirašymo nepakeistas.
`;

export interface VerifyArguments {
  file: string;
  trust: string[];
  /** Issue 18: trusted lists (ETSI TS 119 612) and, in the same order, their operators' certificates. */
  trustedLists: string[];
  listOperators: string[];
  crls: string[];
  requireRevocation: boolean;
  json: boolean;
}

export function parseVerifyArguments(argv: readonly string[]): VerifyArguments {
  const out: VerifyArguments = { file: '', trust: [], trustedLists: [], listOperators: [], crls: [], requireRevocation: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new DomainError('CLI_ARGUMENT', { why: 'fileMissing', option: arg });
      return v;
    };
    if (arg === '--trust') out.trust.push(value());
    else if (arg === '--trusted-list') out.trustedLists.push(value());
    else if (arg === '--list-operator') out.listOperators.push(value());
    else if (arg === '--crl') out.crls.push(value());
    else if (arg === '--require-revocation') out.requireRevocation = true;
    else if (arg === '--json') out.json = true;
    else if (arg.startsWith('--')) throw new DomainError('CLI_ARGUMENT', { why: 'unknownOption', option: arg });
    else if (out.file === '') out.file = arg;
    else throw new DomainError('CLI_ARGUMENT', { why: 'oneFile' });
  }
  if (out.file === '') throw new DomainError('CLI_ARGUMENT', { why: 'noFile' });
  if (out.trustedLists.length !== out.listOperators.length) throw new DomainError('CLI_ARGUMENT', { why: 'listWithoutOperator' });
  return out;
}

function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new DomainError('FILE_UNREADABLE', { path, code });
  }
}

/** The check of one file as the command runs it. */
export function verifyFile(args: VerifyArguments, now = new Date()): VerificationReport {
  const roots = pemCertificates(args.trust.map((path) => readInput(path).toString('latin1')).join('\n'));
  if (args.trust.length > 0 && roots.length === 0) {
    throw new DomainError('CLI_ARGUMENT', { why: 'noTrustedCertificates' });
  }
  // Issue 18: each list is checked against its operator's certificate as the app's import checks it;
  // its CA/QC services granted now are trust anchors, and they say which signatures are QES.
  const services = args.trustedLists.flatMap((path, i) =>
    caQcServices(readTrustedList(readInput(path), operatorCertificateOf(readInput(args.listOperators[i] as string)), now), now),
  );
  const trusted = [...roots, ...services.filter((s) => grantedAt(s, now)).flatMap((s) => s.certificates)];
  const trustedPem = trusted.map((der) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64')}\n-----END CERTIFICATE-----`).join('\n');
  const crls: ParsedCrlWithSigner[] = args.crls.map((path) => checkCrlForImport(readInput(path), { trustedRootsPem: trustedPem, now }));
  const bytes = readInput(args.file);
  const check = verifyPdf(bytes, { trusted, now, crls, revocationRequired: args.requireRevocation });
  return reportOf(check, args.file, createHash('sha256').update(bytes).digest('hex'), null, { pdfLt: checkPdfLt(bytes), services });
}

/** 0 only when the document can be relied on. */
export function exitCodeOf(report: VerificationReport): number {
  return report.indication === 'TOTAL_PASSED' ? 0 : 1;
}

/** The report as a person reads it, in Lithuanian. */
export function formatReport(report: VerificationReport): string {
  const lines: string[] = [`Failas: ${report.name} (${report.size} B, SHA-256 ${report.sha256})`];
  if (!report.trustConfigured) lines.push('Patikimi šakniniai sertifikatai nenurodyti (--trust): parašų patikimumo nustatyti negalima.');
  if (report.signatures.length === 0) lines.push('Dokumente elektroninių parašų nėra.');
  report.signatures.forEach((s, i) => {
    const what = s.type === 'documentTimestamp' ? 'Dokumento laiko žyma' : 'Parašas';
    lines.push('', `${what} ${i + 1}: ${s.indication}${s.subIndication ? ` / ${s.subIndication}` : ''} – ${INDICATION_TEXT[s.indication].lt}`);
    if (s.subIndication) lines.push(`  ${SUB_INDICATION_TEXT[s.subIndication].lt}`);
    lines.push(`  Pasirašė: ${s.signer ? `${s.signer.commonName || s.signer.subject} (išdavė ${s.signer.issuer})` : 'nežinoma'}`);
    if (s.timestamp) lines.push(`  Laiko žyma: ${s.timestamp.time} (${s.timestamp.authority}; ${s.timestamp.trusted ? 'patikima' : 'nepatikima – jos laikas nieko neįrodo'})`);
    else if (s.claimedTime) lines.push(`  Nurodytas laikas: ${s.claimedTime} (nepatvirtintas laiko žyma)`);
    lines.push(`  Sertifikatas vertintas ${s.judgedAt.proven ? 'laiko žymos' : 'tikrinimo'} metu (${s.judgedAt.time}): ${s.certificateValid === 'valid' ? 'galiojo' : s.certificateValid === 'expired' ? 'nebegaliojo' : 'dar negaliojo'}`);
    lines.push(`  Atšaukimas: ${revocationLine(s.revocation)}`);
    if (s.level) lines.push(`  ${PADES_LEVEL_TEXT[s.level].lt}`);
    if (s.qualification) lines.push(...qualificationLines(s.qualification));
    if (s.changes.length > 0) lines.push(`  Po pasirašymo: ${[...new Set(s.changes.map((c) => CHANGE_TEXT[c.kind].lt))].join('; ')}`);
    if (s.overlaidPages.length > 0) lines.push(`  Po pasirašymo ant pasirašyto turinio kažkas nupiešta (puslapiai ${s.overlaidPages.map((p) => p + 1).join(', ')})`);
    for (const code of s.problems) {
      const text = (PROBLEM_TEXT as Readonly<Record<string, { lt: string }>>)[code];
      lines.push(`  ${code}${text ? `: ${text.lt}` : ''}`);
    }
  });
  lines.push('', `Dokumentas: ${report.indication} – ${DOCUMENT_INDICATION_TEXT[report.indication].lt}`);
  if (report.changedOtherwise) lines.push('Po pasirašymo dokumentas pakeistas ne vien parašais.');
  lines.push('', ...pdfLtLines(report.pdfLt));
  return `${lines.join('\n')}\n`;
}

/** The kind of signature (eIDAS art. 3, 25): a QES with its qualified service; anything less with why it is not more. */
function qualificationLines(q: NonNullable<VerificationReport['signatures'][number]['qualification']>): string[] {
  const service = q.service ? ` – sertifikatą išdavė kvalifikuota paslauga „${q.service}“${q.list ? ` (sąrašas ${q.list})` : ''}` : '';
  const lines = [`  Parašo rūšis: ${QUALIFICATION_TEXT[q.kind].lt}${service}`];
  if (q.reasons.length > 0) lines.push(`  Kodėl: ${q.reasons.map((code) => qualificationReasonText(code).lt).join('; ')}`);
  return lines;
}

/** The PDF-LT-V1.0 section (issue 18): the level, then each requirement not met, its level and what was found, then the remarks on the level. */
function pdfLtLines(pdfLt: VerificationReport['pdfLt']): string[] {
  const lines = [`PDF-LT: ${pdfLt.level} – ${PDF_LT_LEVEL_TEXT[pdfLt.level].lt}`];
  if (pdfLt.claimed && pdfLt.level !== 'A') lines.push('  Dokumentas nurodo, kad jis atitinka PDF-LT, tačiau ne visi reikalavimai įvykdyti.');
  if (pdfLt.unmet.length > 0) lines.push('  Neįvykdyti reikalavimai:');
  for (const u of pdfLt.unmet) lines.push(`  - ${u.code} (${[`${u.level} lygis`, u.detail].filter(Boolean).join('; ')}): ${PDF_LT_REQUIREMENT_TEXT[u.code].lt}`);
  if (pdfLt.remarks.length > 0) lines.push('  Pastabos:');
  for (const code of pdfLt.remarks) lines.push(`  - ${code}: ${PDF_LT_REMARK_TEXT[code].lt}`);
  return lines;
}

function revocationLine(r: VerificationReport['signatures'][number]['revocation']): string {
  switch (r.status) {
    case 'good':
      return `neatšauktas (sąrašas ${r.source})`;
    case 'revoked':
      return `ATŠAUKTAS ${r.revokedAt} (sąrašas ${r.source})`;
    case 'notChecked':
      return r.reason === 'stale' ? `netikrinta: sąrašas pasenęs (${r.source ?? ''})` : 'netikrinta: atšauktų sertifikatų sąrašo nėra';
  }
}

export function runVerify(argv: readonly string[], out: (s: string) => void): number {
  const args = parseVerifyArguments(argv);
  const report = verifyFile(args);
  out(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return exitCodeOf(report);
}
