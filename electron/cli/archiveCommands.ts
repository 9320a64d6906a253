import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import type { PackageInspection } from '../../shared/contract/archiveSchemas';
import { errorText, isErrorCode, type ErrorCode, type ErrorParams } from '../../shared/domain/errorTexts';
import { DomainError } from '../../shared/domain/errors';
import { openServices, type Services } from '../services/index';
import { resolveDataDir } from '../services/dataDir';
import { restoreBackup } from '../services/archive/backup';
import { checkPackage } from '../services/archive/packageCheck';
import { askHidden, terminalKey } from './terminalKey';
import { runVerify } from './verifyCommand';
import { pemCertificates } from '../services/signing/pemCertificates';

/**
 * The archivist's and the administrator's commands (issue 15). Each that reads a data directory
 * takes --data DIR (or PUSIAUKELE_DATA), opens it with the passphrase (PUSIAUKELE_PASSPHRASE or
 * asked on the terminal), and signs in as a user of the app (--user NAME or PUSIAUKELE_USER; the
 * password from PUSIAUKELE_PASSWORD or asked): the role table decides as in the app, and the audit
 * trail records who exported, imported or backed up what. On a terminal a progress bar runs on
 * stderr; a failure ends with a one-line Lithuanian reason and a non-zero exit.
 */
export const ARCHIVE_HELP = `  npm run cli -- export --case ID --out FAILAS.zip [--protect] --data KATALOGAS --user VARDAS
  npm run cli -- export --closed-in METAI --out KATALOGAS [--protect] --data KATALOGAS --user VARDAS
      Bylos paketas (BagIt 1.0 ZIP): visa byla su dokumentais, sujungta medžiaga PDF, audito įrašai.
      Paketas saugo asmens duomenis atvirai; --protect apsaugo jį slaptažodžiu (AES-256, atveria 7-Zip;
      slaptažodis iš PUSIAUKELE_PACKAGE_PASSWORD arba paklausiamas). Eksportuoja archyvaras.
  npm run cli -- import FAILAS.zip [--as-new] [--password] --data KATALOGAS --user VARDAS
      Patikrina paketą ir, jei jis tvarkingas, įrašo bylą (esama byla neperrašoma; --as-new – kaip naują).
  npm run cli -- verify FAILAS.zip [--trust CA.pem]... [--password] [--data KATALOGAS --user VARDAS] [--json]
      Patikrina paketą neimportuodamas (struktūra, kontrolinės sumos, schema, parašai, audito įrodymas).
      --password: slaptažodžiu apsaugotam paketui (iš PUSIAUKELE_PACKAGE_PASSWORD arba paklausiama).
  npm run cli -- audit-verify --data KATALOGAS --user VARDAS
      Patikrina viso audito žurnalo grandinę.
  npm run cli -- backup --out FAILAS.zip --data KATALOGAS --user VARDAS
      Viso duomenų katalogo atsarginė kopija (lieka užšifruota tuo pačiu raktu). Daro administratorius.
  npm run cli -- restore FAILAS.zip --data TUŠČIAS_KATALOGAS
      Atkuria atsarginę kopiją į tuščią katalogą; prieš rašant patikrinama visa kopija.
`;

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  /** Whether stderr is a terminal (then a progress bar is drawn). */
  tty: boolean;
  env: NodeJS.ProcessEnv;
}

interface Options {
  flags: Set<string>;
  /** The last value of each option; `all` keeps every value of the options that repeat (--trust). */
  values: Map<string, string>;
  all: Map<string, string[]>;
  files: string[];
}

const VALUED = ['--case', '--out', '--closed-in', '--data', '--user', '--trust', '--crl'];
const FLAGS = ['--protect', '--password', '--as-new', '--json', '--require-revocation'];

function parse(argv: readonly string[]): Options {
  const o: Options = { flags: new Set(), values: new Map(), all: new Map(), files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (VALUED.includes(arg)) {
      const v = argv[++i];
      if (v === undefined) throw new DomainError('CLI_ARGUMENT', { why: 'fileMissing', option: arg });
      o.values.set(arg, v);
      o.all.set(arg, [...(o.all.get(arg) ?? []), v]);
    } else if (FLAGS.includes(arg)) o.flags.add(arg);
    else if (arg.startsWith('--')) throw new DomainError('CLI_ARGUMENT', { why: 'unknownOption', option: arg });
    else o.files.push(arg);
  }
  return o;
}

function required(o: Options, option: string): string {
  const v = o.values.get(option);
  if (v === undefined) throw new DomainError('ARCHIVE_CLI_OPTION', { option });
  return v;
}

/** A progress bar on a terminal: `[#####·····]  45 % text`. */
export function progressLine(done: number, total: number, text: string): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * 30);
  return `\r[${'#'.repeat(filled)}${'·'.repeat(30 - filled)}] ${String(Math.round(share * 100)).padStart(3)} % ${text}`;
}

function progress(io: CliIo, text: string) {
  let last = 0;
  return {
    step: (done: number, total: number | undefined) => {
      if (!io.tty || total === undefined) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      io.err(progressLine(done, total, text));
    },
    end: () => {
      if (io.tty) io.err('\n');
    },
  };
}

/** Open the data directory and sign in: the session the desk's calls are made with. */
async function signedIn(o: Options, io: CliIo): Promise<{ services: Services; session: string }> {
  const dataDir = resolveDataDir(['--data', required(o, '--data')]);
  const username = o.values.get('--user') ?? io.env.PUSIAUKELE_USER;
  if (!username) throw new DomainError('ARCHIVE_CLI_OPTION', { option: '--user' });
  const services = await openServices({ dataDir, verifyOnOpen: false, key: await terminalKey(dataDir, io.env) });
  try {
    const password = io.env.PUSIAUKELE_PASSWORD ?? (await askHidden(`Naudotojo ${username} slaptažodis: `, { input: process.stdin, output: process.stderr }));
    const login = await services.dispatch('auth.login', { username, password });
    if (!login.ok) throw new DomainError('ARCHIVE_CLI_SIGN_IN', { code: login.error.code });
    return { services, session: (login.value as { session: string }).session };
  } catch (e) {
    await services.close();
    throw e;
  }
}

/** The password of a protected package being read (--password: from PUSIAUKELE_PACKAGE_PASSWORD or asked). */
async function readPassword(o: Options, io: CliIo): Promise<string | undefined> {
  if (!o.flags.has('--password')) return undefined;
  return io.env.PUSIAUKELE_PACKAGE_PASSWORD ?? (await askHidden('Paketo slaptažodis: ', { input: process.stdin, output: process.stderr }));
}

async function packagePassword(o: Options, io: CliIo): Promise<string | undefined> {
  if (!o.flags.has('--protect')) return undefined;
  const given = io.env.PUSIAUKELE_PACKAGE_PASSWORD ?? (await askHidden('Paketo slaptažodis (ne trumpesnis kaip 8 ženklai): ', { input: process.stdin, output: process.stderr }));
  if (given.length < 8) throw new DomainError('ARCHIVE_CLI_OPTION', { option: '--protect' });
  return given;
}

const PERSONAL_DATA_WARNING = 'Dėmesio: pakete asmens duomenys saugomi atvirai (be šifravimo, nebent --protect). Laikykite jį saugiai.\n';

/** A package's report, as an archivist reads it. */
export function formatInspection(r: PackageInspection): string {
  const lines = [`Paketas: ${r.fileName} (${r.bytes} B, SHA-256 ${r.sha256})`];
  if (r.kind) lines.push(`Rūšis: ${r.kind === 'case' ? 'byla' : 'medžiaga (V-77 7 p.)'}; schemos versija ${r.schemaVersion ?? '?'}; įstaiga: ${r.institution ?? '?'}; eksportuota ${r.exportedAt ?? '?'} (${r.exportedBy ?? '?'})`);
  if (r.caseId) lines.push(`Byla: ${r.caseId}${r.convict ? ` – ${r.convict.firstName} ${r.convict.lastName}` : ''}${r.exists ? ' (tokia byla čia jau yra)' : ''}`);
  lines.push(`Failų: ${r.counts.payloadFiles} (${r.counts.payloadBytes} B); bylos dokumentų versijų ${r.counts.dossierDocuments}, parengtų dokumentų ${r.counts.generatedDocuments}, gautų ${r.counts.acts}`);
  for (const s of r.signatures) lines.push(`Parašai: ${s.title}: ${s.indication}${s.signatures.map((x) => ` [${x.indication}${x.subIndication ? `/${x.subIndication}` : ''} ${x.signer ?? ''}]`).join('')}`);
  const proof = {
    valid: r.auditTrail === 'confirmed' ? 'galioja' : 'savaime nuoseklus (įrodo tik kartu su įstaigos audito žurnalu: --data)',
    broken: 'NESILAIKO',
    absent: 'nėra (medžiagos pakete audito įrašų nėra)',
  }[r.auditProof];
  const trail = { confirmed: 'patvirtintas šios įstaigos žurnalu', differs: 'NESUTAMPA su šios įstaigos žurnalu', notChecked: 'su įstaigos žurnalu netikrintas' }[r.auditTrail];
  lines.push(`Audito įrodymas: ${proof}; ${trail}`);
  for (const p of r.problems) lines.push(`Problema ${p.code}: ${problemText(p)}`);
  lines.push(r.intact ? 'Paketas vientisas: struktūra, visos kontrolinės sumos, žymų manifestas ir Payload-Oxum tvarkingi.' : 'Paketas NEVIENTISAS.');
  return `${lines.join('\n')}\n`;
}

function problemText(p: PackageInspection['problems'][number]): string {
  if (!isErrorCode(p.code)) return p.path ?? '';
  try {
    return errorText(p.code as ErrorCode, p as unknown as ErrorParams<ErrorCode>, 'lt');
  } catch {
    return p.path ?? '';
  }
}

function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new DomainError('FILE_UNREADABLE', { path, code: (e as NodeJS.ErrnoException).code ?? 'EIO' });
  }
}

function isZip(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || head.equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  } catch (e) {
    throw new DomainError('FILE_UNREADABLE', { path, code: (e as NodeJS.ErrnoException).code ?? 'EIO' });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Run an archive command; returns the exit code (0 done; 1 a package that failed its check; 2 refused). */
export async function runArchiveCommand(command: string, argv: readonly string[], io: CliIo): Promise<number> {
  if (command === 'verify') {
    const o = parse(argv);
    const file = o.files[0];
    if (file === undefined) throw new DomainError('CLI_ARGUMENT', { why: 'noFile' });
    if (!isZip(file)) return runVerify(argv, io.out);
    let report: PackageInspection;
    const password = await readPassword(o, io);
    if (o.values.has('--data')) {
      const { services, session } = await signedIn(o, io);
      try {
        report = await services.archive.desk.checkFile(services.archive.callFor('archive.stagePackage', session), file, password);
      } finally {
        await services.close();
      }
    } else {
      const trusted = (o.all.get('--trust') ?? []).flatMap((path) => pemCertificates(readInput(path).toString('latin1')));
      const check = await checkPackage(file, { verifyOptions: { trusted }, ...(password !== undefined ? { password } : {}) });
      await check.bag.close();
      report = { ...check.inspection, exists: false, importable: false };
    }
    io.out(o.flags.has('--json') ? `${JSON.stringify(report, null, 2)}\n` : formatInspection(report));
    return report.intact && !report.signatures.some((s) => s.indication === 'FAILED') ? 0 : 1;
  }
  if (command === 'restore') {
    const o = parse(argv);
    const file = o.files[0];
    if (file === undefined) throw new DomainError('CLI_ARGUMENT', { why: 'noFile' });
    const target = resolveDataDir(['--data', required(o, '--data')]);
    const bar = progress(io, 'atkuriama');
    const restored = await restoreBackup(file, target, { onProgress: (_phase, done, total) => bar.step(done, total) });
    bar.end();
    io.out(`Atkurta į ${target}: ${restored.files} failų (${restored.bytes} B). Katalogas atveriamas ta pačia slaptafraze.\n`);
    // Issue 16: a restored state is older than what the workstations that held the newer one saw.
    io.out('Jei atkurtą katalogą perkelsite į ankstesnio vietą, kompiuteriai, kurie matė naujesnius duomenis, jį atvėrę praneš, kad katalogas senesnis, ir leis tik skaityti, kol administratorius patvirtins dabartinę būklę (Audito žurnalas → Duomenų katalogo vientisumas, arba „npm run cli -- integrity accept“).\n');
    return 0;
  }

  const o = parse(argv);
  const { services, session } = await signedIn(o, io);
  try {
    const { desk, callFor } = services.archive;
    switch (command) {
      case 'export': {
        const password = await packagePassword(o, io);
        io.err(PERSONAL_DATA_WARNING);
        if (o.values.has('--closed-in')) {
          const year = Number(o.values.get('--closed-in'));
          if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('ARCHIVE_CLI_OPTION', { option: '--closed-in' });
          const bar = progress(io, `bylos, uždarytos ${year} m.`);
          const controller = new AbortController();
          const stop = () => controller.abort();
          process.once('SIGINT', stop);
          try {
            const result = await desk.exportClosed(callFor('archive.exportClosed', session), { year, folder: required(o, '--out'), ...(password ? { password } : {}), signal: controller.signal, onProgress: bar.step });
            bar.end();
            for (const p of result.packages) io.out(`${p.path}  ${p.sha256}\n`);
            for (const f of result.failed) io.err(`Neeksportuota byla ${f.caseId}: ${f.code}\n`);
            if (result.cancelled) io.err('Nutraukta: jau įrašyti paketai lieka, pusiau įrašytų nėra.\n');
            return result.failed.length > 0 || result.cancelled ? 1 : 0;
          } finally {
            process.off('SIGINT', stop);
          }
        }
        const written = await desk.exportCase(callFor('archive.exportCase', session), { caseId: required(o, '--case'), out: required(o, '--out'), ...(password ? { password } : {}) });
        io.out(`${written.path}  ${written.sha256}  (${written.bytes} B, ${written.payloadFiles} failų)\n`);
        return 0;
      }
      case 'import': {
        const file = o.files[0];
        if (file === undefined) throw new DomainError('CLI_ARGUMENT', { why: 'noFile' });
        const password = await readPassword(o, io);
        const done = await desk.importFile(callFor('archive.importPackage', session), file, { asNewCase: o.flags.has('--as-new'), ...(password !== undefined ? { password } : {}) });
        io.out(`Importuota byla ${done.caseId} (${done.documents} dokumentų turinių)${done.asNewCase ? ', nauja byla' : ''}.\n`);
        return 0;
      }
      case 'audit-verify': {
        const result = await services.dispatch('audit.verify', {}, session);
        if (!result.ok) throw new DomainError('ARCHIVE_CLI_SIGN_IN', { code: result.error.code });
        const v = result.value as { ok: boolean; count: number; firstBadSeq?: number; problem?: string };
        io.out(v.ok ? `Audito žurnalas vientisas: ${v.count} įrašų.\n` : `Audito žurnalas PAŽEISTAS: įrašas ${v.firstBadSeq} (${v.problem}); patikrinta ${v.count}.\n`);
        return v.ok ? 0 : 1;
      }
      case 'backup': {
        const bar = progress(io, 'atsarginė kopija');
        const written = await desk.backup(callFor('archive.backup', session), required(o, '--out'), { onProgress: bar.step });
        bar.end();
        io.out(`${written.path}  ${written.sha256}  (${written.bytes} B, ${written.files} failų)\n`);
        return 0;
      }
      default:
        throw new DomainError('CLI_ARGUMENT', { why: 'unknownOption', option: command });
    }
  } finally {
    await services.close();
  }
}

