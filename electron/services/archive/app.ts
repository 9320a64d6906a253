import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { PackageInspection, PackageKind, WrittenPackage } from '../../../shared/contract/archiveSchemas';
import type { z } from 'zod';
import { exportClosedOutput, MAX_STAGED_PACKAGE_MEGABYTES } from '../../../shared/contract/archiveSchemas';
import type { Caller, MethodName } from '../../../shared/contract/methods';
import type { AppEvent } from '../../../shared/contract/result';
import { caseRouteOf, FINAL_STATES, nextStates } from '../../../shared/domain/caseStates';
import { DomainError, fieldError } from '../../../shared/domain/errors';
import { stepDateProblem } from '../../../shared/domain/stepRules';
import type { AuditEntry } from '../audit/auditLog';
import type { Call, ServiceContext, ServiceHandlers } from '../context';
import { caseStepTaker } from '../cases/app';
import { missingOf } from '../cases/readiness';
import { lastStepOn } from '../cases/views';
import { verifyOptionsOf } from '../documents/verification';
import { processAlive, type DataDirectory } from '../store/dataDirectory';
import { auditProofOf } from './auditProof';
import { writeBackup } from './backup';
import { writeBag } from './bagit';
import type { PackageLimits } from './bagTypes';
import { packageNameOf, planCasePackage } from './casePackage';
import { checkPackage, type PackageCheck } from './packageCheck';
import { importCheckedPackage, importDecision, type ImportResult } from './packageImport';

/**
 * The archivist's desk (issue 15): export a case as a package, every case closed in a year into a
 * folder, send the dossier to another institution (V-77 p. 7), check and import packages, back up
 * the data directory. The contract's methods write into the exports folder of this machine; the
 * command line names its own files through the desk (`ArchiveDesk`), checked against the same role
 * table and recorded in the same audit trail.
 */

export interface ArchivePorts {
  /** The data directory this process holds (for the backup). */
  dir: DataDirectory;
  /** The documents' contents, streamed both ways. */
  contents: {
    openStream(sha256: string): Readable;
    putStream(source: Readable, options?: { maxBytes?: number }): Promise<{ sha256: string; size: number; stored: boolean }>;
    remove(sha256: string): void;
  };
  /** Where the app's exports go on this machine (the UI shows the path). */
  exportDir: string;
  fontsDir: string;
  emit(event: AppEvent): void;
  /** The limits a package read must stay within (DEFAULT_PACKAGE_LIMITS otherwise). */
  limits?: PackageLimits;
}

type ArchiveMethod = Extract<MethodName, `archive.${string}`>;
type ExportClosedOutput = z.infer<typeof exportClosedOutput>;
type ArchiveHandlers = Pick<ServiceHandlers, ArchiveMethod>;

/** The command line's door to the desk: files it names itself; the session decides who may. */
export interface ArchiveDesk {
  exportCase(call: Call, input: { caseId: string; out: string; password?: string }): Promise<WrittenPackage>;
  exportClosed(call: Call, input: { year: number; folder: string; password?: string; signal?: AbortSignal; onProgress?(done: number, total: number): void }): Promise<ExportClosedOutput>;
  checkFile(call: Call, path: string, password?: string): Promise<PackageInspection>;
  importFile(call: Call, path: string, options: { asNewCase: boolean; password?: string }): Promise<ImportResult>;
  backup(call: Call, out: string, options?: { signal?: AbortSignal; onProgress?(done: number, total: number | undefined): void }): Promise<WrittenPackage & { files: number }>;
}

const STAGE_TTL_MS = 60 * 60 * 1000;

interface Staged {
  path: string;
  name: string;
  userId: string;
  at: number;
  /** The package's password, kept in memory only until it is imported or discarded. */
  password?: string;
}

export function archiveFeature(ctx: ServiceContext, ports: ArchivePorts): { handlers: ArchiveHandlers; desk: ArchiveDesk; close(): void } {
  const jobs = new Map<string, AbortController>();
  const staged = new Map<string, Staged>();
  const stageDir = join(tmpdir(), `pusiaukele-staged-${process.pid}-${randomBytes(4).toString('hex')}`);
  removeStaleStaging();
  removeStalePartials(ports.exportDir);
  const takeStep = caseStepTaker(ctx);

  const userName = (call: Caller) => ({ userId: call.user?.id ?? '', name: call.user?.displayName ?? call.user?.username ?? '' });

  /** A free file name in `folder` for `base` (never overwrites: an earlier export stays as it was). */
  const freePath = (folder: string, base: string): string => {
    mkdirSync(folder, { recursive: true });
    for (let n = 1; ; n++) {
      const path = join(folder, `${base}${n === 1 ? '' : `-${n}`}.zip`);
      if (!existsSync(path)) return path;
    }
  };

  /** Write one case's package to `out`, and record the export (who, which case, the digest). */
  const exportTo = async (
    call: Call,
    caseId: string,
    kind: PackageKind,
    out: string,
    options: { password?: string; signal?: AbortSignal; audited?: boolean; trail?: readonly AuditEntry[] } = {},
  ): Promise<WrittenPackage> => {
    const record = ctx.cases.get(caseId);
    const generated = kind === 'case' ? ctx.generated.list().filter((g) => g.caseIds.includes(caseId)) : [];
    const settings = ctx.settings.get();
    const subjects = new Set([caseId, ...generated.map((g) => g.id)]);
    const plan = planCasePackage({
      kind,
      record,
      generated,
      institution: { name: settings?.institution.name ?? '' },
      exportedBy: userName(call),
      exportedAt: ctx.now(),
      documents: ports.contents,
      ...(kind === 'case' ? { audit: auditProofOf(options.trail ?? ctx.audit.list({}), subjects) } : {}),
      fontsDir: ports.fontsDir,
    });
    const written = await writeBag(out, {
      bagName: plan.bagName,
      payload: plan.payload,
      info: plan.info,
      ...(options.password !== undefined ? { password: options.password } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const result: WrittenPackage = { path: out, name: out.split(/[\\/]/).pop() as string, sha256: written.sha256, bytes: written.bytes, payloadFiles: written.payloadFiles, caseId };
    if (options.audited !== false) recordExport(call, result, kind, options.password !== undefined);
    return result;
  };

  /** The export in the trail: who (the call's user), which case, the package's digest. */
  const recordExport = (call: Call, written: WrittenPackage, kind: PackageKind, protectedByPassword: boolean) =>
    call.record(
      { kind: 'package', id: written.sha256 },
      undefined,
      { caseId: written.caseId, kind, sha256: written.sha256 },
      `Eksportuotas ${kind === 'case' ? 'bylos' : 'medžiagos'} paketas: byla ${written.caseId ?? ''}, SHA-256 ${written.sha256}${protectedByPassword ? ', apsaugotas slaptažodžiu' : ''}`,
      () => undefined,
    );

  /** Closed: in a final state, with the step into it dated in `year`. */
  const closedIn = (year: number) =>
    ctx.cases.list().filter((c) => {
      if (c.damaged !== undefined || !c.summary || !FINAL_STATES.includes(c.summary.state)) return false;
      const record = ctx.cases.get(c.id);
      const closing = [...record.timeline].reverse().find((e) => e.to === record.state);
      const on = closing?.on ?? closing?.at.slice(0, 10) ?? record.updatedAt.slice(0, 10);
      return on.startsWith(`${year}-`);
    });

  const exportClosed: ArchiveDesk['exportClosed'] = async (call, { year, folder, password, signal, onProgress }) => {
    const cases = closedIn(year);
    mkdirSync(folder, { recursive: true });
    // The trail is read once for the run (each read decrypts all of it): every package proves its entries up to the head at the run's start.
    const trail = ctx.audit.list({});
    const out: ExportClosedOutput = { folder, packages: [], failed: [], cancelled: false };
    onProgress?.(0, cases.length);
    for (const [i, c] of cases.entries()) {
      if (signal?.aborted) {
        out.cancelled = true;
        break;
      }
      try {
        out.packages.push(await exportTo(call, c.id, 'case', freePath(folder, packageNameOf('case', c.id)), { ...(password !== undefined ? { password } : {}), ...(signal ? { signal } : {}), trail }));
      } catch (e) {
        if (signal?.aborted) {
          out.cancelled = true;
          break;
        }
        out.failed.push({ caseId: c.id, code: e instanceof DomainError ? e.code : 'INTERNAL' });
      }
      onProgress?.(i + 1, cases.length);
    }
    return out;
  };

  /** A package refused before its contents could be read: the refusal is recorded, nothing else changes. */
  const refused = (call: Call, e: unknown): never => {
    // The file's name is not written down: it may carry a convict's name (the trail names subjects by id only).
    if (e instanceof DomainError) call.record({ kind: 'package' }, undefined, { refused: e.code }, `Paketas atmestas (${e.code}): jis neatidarytas, niekas neįrašyta`, () => undefined);
    throw e;
  };

  const check = async (call: Call, path: string, name: string, password?: string): Promise<{ check: PackageCheck; inspection: PackageInspection }> => {
    let result: PackageCheck;
    try {
      result = await checkPackage(path, { verifyOptions: verifyOptionsOf(ctx), trail: () => ctx.audit.list({}), ...(ports.limits ? { limits: ports.limits } : {}), ...(password !== undefined ? { password } : {}) }, name);
    } catch (e) {
      return refused(call, e);
    }
    const decision = importDecision(ctx, result, call.user?.roles ?? []);
    const inspection: PackageInspection = { ...result.inspection, problems: [...result.inspection.problems, ...decision.blocking], exists: decision.exists, importable: decision.importable };
    return { check: result, inspection };
  };

  const importFrom = async (call: Call, path: string, name: string, options: { asNewCase: boolean; password?: string }): Promise<ImportResult> => {
    const { check: result, inspection } = await check(call, path, name, options.password);
    try {
      if (!inspection.importable || (inspection.exists && !options.asNewCase)) {
        const code = inspection.exists && !options.asNewCase ? 'ARCHIVE_CASE_EXISTS' : 'ARCHIVE_NOT_IMPORTABLE';
        call.record({ kind: 'package', id: inspection.sha256 }, undefined, { refused: code }, `Paketas neimportuotas (${code}): SHA-256 ${inspection.sha256}`, () => undefined);
        throw code === 'ARCHIVE_CASE_EXISTS' ? new DomainError('ARCHIVE_CASE_EXISTS', { caseId: inspection.caseId ?? '' }) : new DomainError('ARCHIVE_NOT_IMPORTABLE', { sha256: inspection.sha256 });
      }
      return await importCheckedPackage(ctx, call, result, { asNewCase: options.asNewCase, contents: ports.contents });
    } finally {
      await result.bag.close();
    }
  };

  const stagedOf = (call: Call, stageId: string): Staged => {
    const s = staged.get(stageId);
    if (!s || s.userId !== call.user?.id) throw new DomainError('ARCHIVE_STAGE_GONE');
    return s;
  };
  const unstage = (stageId: string) => {
    const s = staged.get(stageId);
    staged.delete(stageId);
    if (s) rmSync(s.path, { force: true });
  };
  const sweepStaged = () => {
    const now = Date.now();
    for (const [id, s] of staged) if (now - s.at > STAGE_TTL_MS) unstage(id);
  };

  const handlers: ArchiveHandlers = {
    'archive.exportCase': async ({ caseId, password }, call) => exportTo(call, caseId, 'case', freePath(ports.exportDir, packageNameOf('case', caseId)), password !== undefined ? { password } : {}),

    'archive.exportClosed': async ({ year, password, jobId }, call) => {
      const controller = new AbortController();
      jobs.set(jobId, controller);
      try {
        const folder = freeFolder(ports.exportDir, `bylos-${year}`);
        return await exportClosed(call, {
          year,
          folder,
          ...(password !== undefined ? { password } : {}),
          signal: controller.signal,
          onProgress: (done, total) => ports.emit({ type: 'archive.progress', payload: { jobId, done, total } }),
        });
      } finally {
        jobs.delete(jobId);
      }
    },

    'archive.cancel': async ({ jobId }) => {
      const job = jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },

    'archive.sendDossier': async ({ caseId, revision, on, password }, call) => {
      // V-77 p. 7: only a case whose dossier goes to another institution's director, only when it may be sent now, on a valid day.
      const record = ctx.cases.get(caseId);
      if (record.revision !== revision) throw new DomainError('CASE_CHANGED', { id: caseId, revision: record.revision });
      const route = caseRouteOf(record.request);
      if (route !== 'sends' || !nextStates(record.state, record.facts.decision, route).includes('dossier_sent')) {
        throw new DomainError('ARCHIVE_NOT_SENDABLE', { caseId, state: record.state, route });
      }
      const dateProblem = stepDateProblem(on, ctx.today(), lastStepOn(record));
      if (dateProblem) throw fieldError('on', dateProblem, { why: 'stepDate', notBefore: lastStepOn(record) });
      // V-77 p. 6–7: the material of p. 6 is what is sent; an incomplete dossier is completed first (or its term extended).
      const missing = missingOf(record, ctx.today());
      if (missing.length > 0) throw new DomainError('DOSSIER_INCOMPLETE', { missing: missing.map((m) => ({ item: m.item, reason: m.reason, lt: m.lt, en: m.en })) });
      // Written, then the step; the export is recorded only with the step: a package for a case not marked sent is removed and never in the trail.
      const pkg = await exportTo(call, caseId, 'dossier', freePath(ports.exportDir, packageNameOf('dossier', caseId)), { ...(password !== undefined ? { password } : {}), audited: false });
      let view;
      try {
        view = await takeStep({ id: caseId, revision, to: 'dossier_sent', on, sentPackage: { sha256: pkg.sha256, name: pkg.name } }, call);
      } catch (e) {
        rmSync(pkg.path, { force: true });
        throw e;
      }
      recordExport(call, pkg, 'dossier', password !== undefined);
      return { package: pkg, case: view };
    },

    'archive.stagePackage': async ({ name, bytes, password }, call) => {
      sweepStaged();
      // The largest upload the app takes (the command line reads larger ones from disk).
      if (bytes.length > MAX_STAGED_PACKAGE_MEGABYTES * 1024 * 1024) refused(call, new DomainError('PACKAGE_TOO_LARGE', { bytes: bytes.length, max: MAX_STAGED_PACKAGE_MEGABYTES * 1024 * 1024 }));
      mkdirSync(stageDir, { recursive: true, mode: 0o700 });
      const stageId = randomBytes(16).toString('hex');
      const path = join(stageDir, `${stageId}.zip`);
      writeFileSync(path, bytes, { mode: 0o600 });
      try {
        const { check: result, inspection } = await check(call, path, name, password);
        await result.bag.close();
        staged.set(stageId, { path, name, userId: call.user?.id ?? '', at: Date.now(), ...(password !== undefined ? { password } : {}) });
        return { ...inspection, stageId };
      } catch (e) {
        rmSync(path, { force: true });
        throw e;
      }
    },

    'archive.importPackage': async ({ stageId, asNewCase }, call) => {
      const s = stagedOf(call, stageId);
      try {
        return await importFrom(call, s.path, s.name, { asNewCase, ...(s.password !== undefined ? { password: s.password } : {}) });
      } finally {
        unstage(stageId);
      }
    },

    'archive.discardPackage': async ({ stageId }, call) => {
      stagedOf(call, stageId);
      unstage(stageId);
      return {};
    },

    'archive.backup': async (_input, call) => desk.backup(call, freePath(ports.exportDir, `atsargine-kopija-${ctx.today()}`)),
  };

  const desk: ArchiveDesk = {
    exportCase: (call, { caseId, out, password }) => exportTo(call, caseId, 'case', out, password !== undefined ? { password } : {}),
    exportClosed,
    checkFile: async (call, path, password) => {
      const { check: result, inspection } = await check(call, path, path.split(/[\\/]/).pop() as string, password);
      await result.bag.close();
      return inspection;
    },
    importFile: (call, path, options) => importFrom(call, path, path.split(/[\\/]/).pop() as string, options),
    backup: async (call, out, options = {}) => {
      const written = await writeBackup(ports.dir, out, { createdBy: userName(call).name, institution: ctx.settings.get()?.institution.name ?? '', ...options });
      call.record({ kind: 'package', id: written.sha256 }, undefined, { backup: written.sha256 }, `Padaryta duomenų katalogo atsarginė kopija: SHA-256 ${written.sha256}, failų ${written.files}`, () => undefined);
      return { path: out, name: out.split(/[\\/]/).pop() as string, sha256: written.sha256, bytes: written.bytes, payloadFiles: written.payloadFiles, files: written.files };
    },
  };

  return {
    handlers,
    desk,
    close: () => {
      for (const job of jobs.values()) job.abort();
      for (const id of [...staged.keys()]) unstage(id);
      rmSync(stageDir, { recursive: true, force: true });
    },
  };
}

/**
 * Packages uploaded for checking wait in a folder of the OS temp directory (they hold personal data
 * in clear, as the user's file did). A process that ended without closing (a crash) left its folder:
 * removed at the next start, whoever's it was, once its process is gone.
 */
function removeStaleStaging(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^pusiaukele-staged-(\d+)-[0-9a-f]{8}$/.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** A package cut short by a crash (`<name>.zip.<hex>.part`, writeBag's temporary name) holds personal data in clear: removed once surely abandoned. */
const PARTIAL_PACKAGE = /\.zip\.[0-9a-f]{12}\.part$/;
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

function removeStalePartials(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return; // no exports yet
  }
  const now = Date.now();
  for (const name of names) {
    if (!PARTIAL_PACKAGE.test(name)) continue;
    const path = join(folder, name);
    try {
      if (now - statSync(path).mtimeMs > ABANDONED_AFTER_MS) rmSync(path, { force: true });
    } catch {
      // gone meanwhile
    }
  }
}

/** A new folder in `parent` named `base` (or base-2, -3 …): a run never mixes its packages with another's. */
function freeFolder(parent: string, base: string): string {
  mkdirSync(parent, { recursive: true });
  for (let n = 1; ; n++) {
    const path = join(parent, n === 1 ? base : `${base}-${n}`);
    if (!existsSync(path)) {
      mkdirSync(path);
      return path;
    }
  }
}

