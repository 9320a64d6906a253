import { z } from 'zod';
import {
  STEP_NOTE_MAX,
  caseListItem,
  decisionId,
  caseState,
  caseView,
  isoDate,
  requestFlag,
  requestInput,
  settings,
} from './schemas';

/**
 * Every method the back end offers, with its input and output schemas. The same table drives the
 * Electron IPC adapter, the browser host and the renderer's typed client.
 */
export const contract = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      today: isoDate,
      schemaVersion: z.number().int(),
    }),
  },
  'settings.get': {
    input: z.object({}),
    /** null until the institution has been set up (the app then opens the setup screen). */
    output: settings.nullable(),
  },
  'settings.save': {
    input: settings,
    output: settings,
  },
  'cases.list': {
    input: z.object({}),
    output: z.object({ today: isoDate, cases: z.array(caseListItem) }),
  },
  'cases.get': {
    input: z.object({ id: z.string().min(1) }),
    output: caseView,
  },
  'cases.checkRequest': {
    input: z.object({
      personalFileNo: z.string(),
      requestDate: isoDate,
      possibleTransferDate: isoDate,
      excludeCaseId: z.string().optional(),
    }),
    output: z.object({ flags: z.array(requestFlag) }),
  },
  'cases.register': {
    input: requestInput,
    output: caseView,
  },
  'cases.updateRequest': {
    input: z.object({ id: z.string().min(1), revision: z.number().int(), request: requestInput }),
    output: caseView,
  },
  'cases.transition': {
    input: z.object({
      id: z.string().min(1),
      revision: z.number().int(),
      to: caseState,
      /** The day the step happened; the p. 9 term runs from the day the dossier was received. */
      on: isoDate,
      note: z.string().trim().max(STEP_NOTE_MAX, { error: 'tooLong' }).optional(),
      /** Required for the step to "decided": which of the decisions 10.1–10.4 (V-77 p. 10). */
      decision: decisionId.optional(),
    }),
    output: caseView,
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** What a feature implements: a handler per method, given validated input. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
