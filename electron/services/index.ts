import { createDispatcher, type Guard } from '../../shared/contract/dispatch';
import type { Caller, Handlers, MethodName } from '../../shared/contract/methods';
import type { AppEvent, InvokeResult } from '../../shared/contract/result';
import { isIsoDate, todayIso, type IsoDate } from '../../shared/domain/calendar';
import { DomainError } from '../../shared/domain/errors';
import { casesHandlers } from './cases/app';
import { afterDecisionHandlers } from './cases/afterDecision';
import { placesHandlers } from './cases/placesApp';
import { lifeHandlers } from './cases/lifeApp';
import { eventOf, type Call, type ServiceContext, type ServiceHandlers, type Stores } from './context';
import { settingsHandlers } from './settings/app';
import { CaseStore } from './store/caseStore';
import { openDataDirectory } from './store/dataDirectory';
import { environmentKey, openEncryption, type KeyProvider, type SealingCodec } from './store/encryption';
import { keyRingOf, type OsKeyProvider } from './store/keySlots';
import { keysHandlers } from './keys/app';
import { SettingsStore } from './store/settingsStore';
import { putSignInAttempts, UsersStore } from './store/usersStore';
import { closeFailure, refuseWhenDiskFull } from './store/storageErrors';
import { usersHandlers } from './users/app';
import { Sessions } from './users/sessions';
import { DEFAULT_IDLE_MINUTES } from '../../shared/contract/schemas';
import { systemHandlers } from './system/app';
import { auditHandlers } from './audit/app';
import { homeHandlers } from './home/app';
import { statisticsHandlers } from './statistics/app';
import { AuditLog, digest } from './audit/auditLog';
import { Manifest } from './store/manifest';
import { readWitness, witnessPath, writeWitness } from './store/witness';
import { defaultWitnessDir } from './dataDir';
import { integrityProblemText } from '../../shared/domain/errorTexts/integrity';
import { dossierHandlers } from './dossier/app';
import { Staging } from './dossier/staging';
import { DocumentStore, referencedDocuments } from './store/documentStore';
import { DEFAULT_MAX_DOCUMENT_MEGABYTES } from '../../shared/contract/dossierSchemas';
import { CommissionStore } from './store/commissionStore';
import { MeetingStore } from './store/meetingStore';
import { meetingsHandlers } from './meetings/app';
import { commissionHandlers } from './commission/app';
import { documentsHandlers } from './documents/app';
import { trustHandlers } from './trust/app';
import { GeneratedStore, RegisterStore } from './store/generatedStore';
import { RevocationStore } from './store/revocationStore';
import { TrustedListStore } from './store/trustedListStore';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { archiveFeature, type ArchiveDesk } from './archive/app';
import type { PackageLimits } from './archive/bagTypes';
import type { IntegrityReport } from '../../shared/contract/audit';

/** Issue 16: the desktop shell starts the smart-card process as Electron's utility process (electron/main/cardWorker.ts). */
export { usePkcs11Spawner, type Pkcs11Spawner, type Worker as Pkcs11Worker } from './signing/pkcs11';

export interface Services {
  readonly dataDir: string;
  /** Issue 15: where the app writes the packages and backups it exports. */
  readonly exportDir: string;
  /** `session`: the signed-in user's session from auth.login, absent before signing in. */
  dispatch(method: string, input: unknown, session?: string): Promise<InvokeResult>;
  /**
   * Issue 16: who calls and whether they may call `method`, as dispatch decides it (throws the same
   * refusal): the browser host asks it from a request's headers before reading any byte of its body.
   */
  guard: Guard;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /**
   * Issue 15: the archivist's desk for the command line, which names its own files. `callFor` is
   * the call of a signed-in session for a method of the desk, checked against the role table as
   * dispatch checks it; the desk records its changes through it in the audit trail.
   */
  archive: { desk: ArchiveDesk; callFor(method: Extract<MethodName, `archive.${string}`>, session: string): Call };
  /** Issue 16: what the integrity manifest found, for the command line; `folders`: check every record in the folders first (reads each file's first bytes). */
  integrity(options?: { folders?: boolean }): IntegrityReport;
  close(): Promise<void>;
}

export interface ServicesOptions {
  dataDir: string;
  /** Fix "today" (YYYY-MM-DD); defaults to PUSIAUKELE_TODAY, then the machine's date. */
  today?: IsoDate;
  /** The clock (tests move it to reach the idle lock and the end of an account lockout). */
  now?: () => Date;
  /** Check every case file in the background after opening (default true)… */
  verifyOnOpen?: boolean;
  /** …starting this many milliseconds after opening (default 500). */
  verifyDelayMs?: number;
  /** What unlocks the data key (issue 3); defaults to the passphrase in PUSIAUKELE_PASSPHRASE. */
  key?: KeyProvider;
  /** Issue 16: this computer's OS secret store (the desktop app only), to enrol it as a key slot. */
  workstation?: OsKeyProvider;
  /** The fonts generated documents embed (default build/fonts under the working directory). */
  fontsDir?: string;
  /** Issue 15: where the app writes the packages and backups it exports (default ~/Pusiaukele-paketai). */
  exportDir?: string;
  /** Issue 16: how often the lock's sign of life is renewed (and checked still ours), in ms (default a minute; tests shorten it). */
  heartbeatMs?: number;
  /** Issue 16: take the directory as it is as current, when something was found (the command line's `integrity accept`; audited). */
  acceptIntegrity?: boolean;
  /** Issue 16: where this workstation keeps its integrity witnesses (default PUSIAUKELE_WITNESS_DIR, then …/Pusiaukele/witness). */
  witnessDir?: string;
  /** Issue 15: the limits a package read must stay within (default DEFAULT_PACKAGE_LIMITS: 4 GiB, 100,000 entries …). */
  packageLimits?: PackageLimits;
}

/**
 * The dispatcher's handlers from the features': each call gets the change context bound to its
 * caller and its method, so no handler retypes the method or records a change for someone else.
 */
function bindCalls(features: ServiceHandlers, bind: (caller: Caller, method: MethodName) => Call): Handlers {
  const bound: Partial<Record<MethodName, (input: unknown, caller: Caller) => Promise<unknown>>> = {};
  for (const method of Object.keys(features) as MethodName[]) {
    const handler = features[method] as (input: unknown, call: Call) => Promise<unknown>;
    bound[method] = (input, caller) => handler(input, bind(caller, method));
  }
  return bound as Handlers;
}

function fixedToday(value: string | undefined): IsoDate | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isIsoDate(value)) {
    throw new DomainError('INVALID_TODAY', { value });
  }
  return value;
}

/**
 * Open the back end on a data directory: take its lock, load the index, and return the one
 * `dispatch` every host (Electron IPC, browser host, command line) calls.
 */
export async function openServices(options: ServicesOptions): Promise<Services> {
  const today = fixedToday(options.today ?? process.env.PUSIAUKELE_TODAY);
  const key = options.key ?? environmentKey();
  const dir = openDataDirectory(options.dataDir, options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {});
  const listeners = new Set<(event: AppEvent) => void>();
  let codec: SealingCodec;
  let cases: CaseStore;
  let audit: AuditLog;
  let manifest!: Manifest;
  let witness = '';
  let witnessCodec!: SealingCodec;
  /** Move this workstation's witness on to where the directory is now, unless what was found is still undecided. */
  const witnessNow = () => {
    if (!manifest.readOnly()) writeWitness(witness, witnessCodec, manifest.state(), new Date());
  };
  try {
    const keyCodec = await openEncryption(dir, key);
    // Issue 16: the audit trail first, then the manifest that checks its head and every record's
    // version; the stores get the codec bound to the manifest.
    audit = AuditLog.open(dir, keyCodec, { now: options.now ?? (() => new Date()) });
    try {
      manifest = Manifest.open(dir, keyCodec, audit, dir.schemaVersion >= 3);
      if (dir.schemaVersion < 3 && dir.readOnly === undefined) dir.setLayout({ ...dir.layout, schemaVersion: 3 });
      audit.afterAppend = (head) => manifest.noteAudit(head);
      // The audit head's second place: this workstation's witness, outside the directory.
      witness = witnessPath(options.witnessDir ?? defaultWitnessDir(), dir.root, keyCodec);
      const seen = readWitness(witness, keyCodec);
      if (seen !== undefined && seen !== 'unreadable') manifest.checkWitness(seen, audit);
      witnessCodec = keyCodec;
      if (options.acceptIntegrity && manifest.problems().length > 0) {
        // The holder of the data key decides from the command line (`integrity accept`): needed when
        // the users file itself is in doubt and nobody can sign in to decide in the app.
        const found = manifest.problems().map((p) => integrityProblemText(p, 'lt')).join('; ');
        audit.append({ actor: null, method: 'integrity.acceptAtOpen', subject: { kind: 'directory' }, summary: `Dabartinė duomenų katalogo būklė patvirtinta komandine eilute (su duomenų raktu). Rasta: ${found}` });
        manifest.accept(audit.head());
      }
      const usersProblems = manifest.problems().filter((p) => p.path === 'users.json' || p.kind === 'manifestMissing' || p.kind === 'manifestDamaged');
      if (usersProblems.length > 0) {
        // Never open on users that cannot be trusted: an old copy (or one the manifest cannot vouch
        // for, being gone or damaged) would let a deactivated account, a reset password in again.
        throw new DomainError('USERS_ROLLED_BACK', { problems: usersProblems.map((p) => integrityProblemText(p, 'lt')) });
      }
      codec = manifest.bound;
      cases = CaseStore.open(dir, codec);
      witnessNow();
    } catch (e) {
      (manifest as Manifest | undefined)?.abandon();
      audit.close();
      throw e;
    }
  } catch (e) {
    dir.release();
    throw e;
  }
  let users: UsersStore;
  let meetings: MeetingStore;
  let generated: GeneratedStore;
  try {
    users = new UsersStore(dir, codec);
    meetings = new MeetingStore(dir, codec);
    generated = new GeneratedStore(dir, codec);
  } catch (e) {
    cases.close();
    manifest.close();
    audit.close();
    dir.release();
    throw e;
  }
  const settings = new SettingsStore(dir, codec, () => new Date());
  const idleMinutes = () => {
    try {
      return settings.get()?.security?.idleMinutes ?? DEFAULT_IDLE_MINUTES;
    } catch {
      return DEFAULT_IDLE_MINUTES; // a damaged settings file must not keep anyone signed in longer
    }
  };
  const now = options.now ?? (() => new Date());
  const sessions = new Sessions(users, idleMinutes, () => now().getTime());
  const maxDocumentBytes = () => {
    try {
      return (settings.get()?.documents?.maxMegabytes ?? DEFAULT_MAX_DOCUMENT_MEGABYTES) * 1024 * 1024;
    } catch {
      return DEFAULT_MAX_DOCUMENT_MEGABYTES * 1024 * 1024;
    }
  };
  const stores: Stores = {
    cases,
    settings,
    users,
    documents: new DocumentStore(dir, codec.blobs),
    commission: new CommissionStore(dir, codec),
    meetings,
    generated,
    register: new RegisterStore(dir, codec),
    revocation: new RevocationStore(dir, codec),
    trustedLists: new TrustedListStore(dir, codec),
  };
  // A change is on disk before its event: a listener that fails must not turn it into an error, nor keep the event from the others.
  const emit = (event: AppEvent) =>
    listeners.forEach((l) => {
      try {
        l(event);
      } catch (e) {
        console.error('An event listener failed:', e);
      }
    });
  let foldersCheckedAt: string | undefined;
  const ctx: ServiceContext = {
    dir,
    integrity: {
      report: () => ({
        readOnly: manifest.readOnly(),
        problems: manifest.problems().map((p) => ({ ...p, text: { lt: integrityProblemText(p, 'lt'), en: integrityProblemText(p, 'en') } })),
        ...(foldersCheckedAt !== undefined ? { foldersCheckedAt } : {}),
      }),
      accept: () => {
        manifest.accept(audit.head());
        witnessNow();
      },
    },
    cases,
    settings,
    users,
    signInAttempts: { put: (user) => putSignInAttempts(users, user) },
    sessions,
    documents: stores.documents,
    staging: new Staging(() => now().getTime()),
    commission: stores.commission,
    meetings,
    generated,
    revocation: stores.revocation,
    trustedLists: stores.trustedLists,
    maxDocumentBytes,
    idleMinutes,
    today: () => today ?? todayIso(),
    now,
    audit,
  };
  const record = (caller: Caller, method: MethodName): Call['record'] => (subject, before, after, summary, write) => {
    // Issue 16: with the audit trail or the manifest found cut, replaced or put back, nothing is
    // written until the administrator has decided (audit.acceptIntegrity records that decision).
    if (dir.lockLost) throw new DomainError('DATA_DIR_LOCK_LOST', { root: dir.root });
    if (manifest.readOnly() && method !== 'audit.acceptIntegrity') {
      throw new DomainError('DATA_INTEGRITY_READ_ONLY', { problems: manifest.problems().map((p) => integrityProblemText(p, 'lt')) });
    }
    // Issue 16: on a full disk (or a directory opened read-only for it) a change is refused before its audit entry.
    refuseWhenDiskFull(dir, subject.kind);
    const actor = caller.user ? { userId: caller.user.id, username: caller.user.username } : null;
    const audited = { kind: subject.kind, ...(subject.id !== undefined ? { id: subject.id } : {}) };
    audit.append({ actor, method, subject: audited, ...(before !== undefined ? { before: digest(before) } : {}), after: digest(after), summary });
    let result;
    try {
      result = write(stores);
    } catch (e) {
      const code = e instanceof DomainError ? e.code : 'INTERNAL';
      try {
        audit.append({ actor, method, subject: audited, summary: `Pakeitimas neįrašytas (${code}): ankstesnis įrašas negalioja` });
      } catch (again) {
        console.error('Audit trail: the failed write could not be recorded', again);
      }
      throw e;
    }
    const event = subject.quiet ? null : eventOf(subject);
    if (event) emit(event);
    return result;
  };
  const fontsDir = options.fontsDir ?? join(process.cwd(), 'build', 'fonts');
  const exportDir = options.exportDir ?? join(homedir(), 'Pusiaukele-paketai');
  const archive = archiveFeature(ctx, {
    dir,
    contents: stores.documents,
    exportDir,
    fontsDir,
    emit,
    ...(options.packageLimits ? { limits: options.packageLimits } : {}),
  });
  const bind = (caller: Caller, method: MethodName): Call => ({ ...caller, method, record: record(caller, method) });
  const handlers = bindCalls(
    {
      ...archive.handlers,
      ...keysHandlers(ctx, keyRingOf(dir), options.workstation),
      ...systemHandlers(ctx),
      ...settingsHandlers(ctx),
      ...casesHandlers(ctx),
      ...afterDecisionHandlers(ctx),
      ...placesHandlers(ctx),
      ...lifeHandlers(ctx),
      ...dossierHandlers(ctx),
      ...commissionHandlers(ctx),
      ...meetingsHandlers(ctx),
      ...documentsHandlers(ctx, fontsDir),
      ...trustHandlers(ctx),
      ...usersHandlers(ctx),
      ...auditHandlers(ctx),
      ...homeHandlers(ctx),
      ...statisticsHandlers(ctx),
    },
    bind,
  );
  // The check of every case file waits a moment, so that the first screen is not slowed by it.
  let verifying: Promise<void> = Promise.resolve();
  const stop = { requested: false };
  const timer =
    options.verifyOnOpen === false
      ? undefined
      : setTimeout(() => {
          // The same pass collects the documents the cases refer to; with every case file read, the
          // contents nobody refers to any more are removed (removed documents, a crash's leftovers).
          // Only when every case of the index was read, none damaged (documents of a case that could
          // not be read must stay for its restoration); contents used meanwhile are kept as well.
          const referenced = new Set<string>();
          const read = new Set<string>();
          const startedAt = Date.now();
          stores.documents.beginCheck();
          verifying = cases
            .verifyAll(stop, (record) => {
              read.add(record.id);
              referencedDocuments(record, referenced);
            })
            .then(
            (changed) => {
              // Issue 16: every record the manifest keeps in the folders, present and not older.
              if (!stop.requested) {
                manifest.checkFolders();
                foldersCheckedAt = now().toISOString();
              }
              if (changed) emit({ type: 'cases.changed', payload: {} });
              const everyCase = cases.list().every((c) => c.damaged === undefined && read.has(c.id));
              // Generated documents keep their versions in the same contents folder.
              if (generated.damagedIds().length > 0) return;
              for (const d of generated.list()) for (const v of d.versions) referenced.add(v.sha256);
              if (stop.requested || !everyCase) return;
              try {
                stores.documents.sweep(referenced, startedAt);
              } catch (e) {
                console.error('Removing unused document contents failed (they stay until the next start):', e);
              }
            },
            (e: unknown) => console.error('Background check of case files failed:', e),
          );
        }, options.verifyDelayMs ?? 500);
  let closed = false;
  return {
    dataDir: dir.root,
    exportDir,
    dispatch: createDispatcher(handlers, sessions.guard),
    guard: sessions.guard,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    archive: { desk: archive.desk, callFor: (method, session) => bind(sessions.guard(method, session), method) },
    integrity: (check = {}) => {
      if (check.folders) {
        manifest.checkFolders();
        foldersCheckedAt = now().toISOString();
      }
      return ctx.integrity.report();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      // Issue 16: closing never throws (a full disk, EIO, a removed directory): every step is tried,
      // a failure is logged in one line (no stack, no personal data), and the lock is released last.
      const step = (what: string, run: () => void) => {
        try {
          run();
        } catch (e) {
          console.error(`Closing the data directory: ${what} failed (${closeFailure(e)})`);
        }
      };
      step('the archive desk', () => archive.close());
      clearTimeout(timer);
      stop.requested = true;
      await verifying.catch((e: unknown) => console.error(`Closing the data directory: the background check failed (${closeFailure(e)})`));
      // A directory whose lock was taken by someone else meanwhile gets nothing more written.
      const ours = !dir.lockLost;
      step('the case index', () => cases.close(ours));
      step('the manifest', () => (ours ? manifest.close() : manifest.abandon())); // after the cases: their index snapshot is one of its writes
      if (ours) step('the witness', witnessNow); // this workstation's record of how far the directory came
      step('the audit trail', () => audit.close());
      step('the lock', () => dir.release());
    },
  };
}
