import { createDispatcher } from '../../shared/contract/dispatch';
import type { Handlers } from '../../shared/contract/methods';
import type { AppEvent, InvokeResult } from '../../shared/contract/result';
import { isIsoDate, todayIso, type IsoDate } from '../../shared/domain/calendar';
import { DomainError } from '../../shared/domain/errors';
import { casesHandlers } from './cases/app';
import type { ServiceContext } from './context';
import { settingsHandlers } from './settings/app';
import { CaseStore } from './store/caseStore';
import { openDataDirectory } from './store/dataDirectory';
import { jsonCodec } from './store/jsonFile';
import { SettingsStore } from './store/settingsStore';
import { systemHandlers } from './system/app';

export interface Services {
  readonly dataDir: string;
  dispatch(method: string, input: unknown): Promise<InvokeResult>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  close(): Promise<void>;
}

export interface ServicesOptions {
  dataDir: string;
  /** Fix "today" (YYYY-MM-DD); defaults to PUSIAUKELE_TODAY, then the machine's date. */
  today?: IsoDate;
  /** Check every case file in the background after opening (default true)… */
  verifyOnOpen?: boolean;
  /** …starting this many milliseconds after opening (default 500). */
  verifyDelayMs?: number;
}

function fixedToday(value: string | undefined): IsoDate | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isIsoDate(value)) {
    throw new DomainError(
      'INVALID_TODAY',
      `PUSIAUKELE_TODAY turi būti data MMMM-MM-DD, gauta „${value}“.`,
      `PUSIAUKELE_TODAY must be a date YYYY-MM-DD, got “${value}”.`,
    );
  }
  return value;
}

/**
 * Open the back end on a data directory: take its lock, load the index, and return the one
 * `dispatch` every host (Electron IPC, browser host, command line) calls.
 */
export async function openServices(options: ServicesOptions): Promise<Services> {
  const today = fixedToday(options.today ?? process.env.PUSIAUKELE_TODAY);
  const dir = openDataDirectory(options.dataDir);
  const listeners = new Set<(event: AppEvent) => void>();
  let cases: CaseStore;
  try {
    cases = CaseStore.open(dir, jsonCodec);
  } catch (e) {
    dir.release();
    throw e;
  }
  const ctx: ServiceContext = {
    dir,
    cases,
    settings: new SettingsStore(dir, jsonCodec, () => new Date()),
    today: () => today ?? todayIso(),
    now: () => new Date(),
    emit: (event) => listeners.forEach((l) => l(event)),
  };
  const handlers: Handlers = {
    ...systemHandlers(ctx),
    ...settingsHandlers(ctx),
    ...casesHandlers(ctx),
  };
  // The check of every case file waits a moment, so that the first screen is not slowed by it.
  let verifying: Promise<void> = Promise.resolve();
  const stop = { requested: false };
  const timer =
    options.verifyOnOpen === false
      ? undefined
      : setTimeout(() => {
          verifying = cases.verifyAll(stop).then(
            (changed) => {
              if (changed) ctx.emit({ type: 'cases.changed' });
            },
            (e: unknown) => console.error('Background check of case files failed:', e),
          );
        }, options.verifyDelayMs ?? 500);
  let closed = false;
  return {
    dataDir: dir.root,
    dispatch: createDispatcher(handlers),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      stop.requested = true;
      await verifying;
      try {
        cases.close();
      } finally {
        dir.release();
      }
    },
  };
}
