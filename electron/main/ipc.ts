import { ipcMain, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/channel';
import { internalError } from '../../shared/contract/dispatch';
import { parseEvent } from '../../shared/contract/events';
import type { InvokeResult } from '../../shared/contract/result';
import type { Services } from '../services/index';
import { isAppUrl } from './appOrigin';

const FORBIDDEN: InvokeResult = {
  ok: false,
  error: {
    code: 'IPC_FORBIDDEN',
    message: 'Užklausa atmesta: ji atsiųsta ne iš programos lango.',
    messageEn: 'Request refused: it was not sent by the application window.',
  },
};

const BAD_REQUEST: InvokeResult = {
  ok: false,
  error: {
    code: 'IPC_BAD_REQUEST',
    message: 'Netinkama užklausa: nenurodytas metodo pavadinimas.',
    messageEn: 'Bad request: the method name is missing.',
  },
};


/**
 * The one IPC entry point: renderer → invoke(method, input) → services.dispatch. Only frames on
 * app://pusiaukele may call it; the result is always data, never a thrown error.
 */
export function handleInvocations(services: Pick<Services, 'dispatch'>): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown, session: unknown): Promise<InvokeResult> => {
    const senderUrl = event.senderFrame?.url;
    if (senderUrl === undefined || !isAppUrl(senderUrl)) return FORBIDDEN;
    if (typeof method !== 'string' || method === '') return BAD_REQUEST;
    try {
      return await services.dispatch(method, input, typeof session === 'string' ? session : undefined);
    } catch (error) {
      console.error(`dispatch(${method}) threw`, error);
      return { ok: false, error: internalError() };
    }
  });
}

/**
 * Pushes back-end events to the app's windows (the main one and, issue 17, the meeting's projector
 * window) for as long as each lives; returns the unsubscribe. Only the
 * events the contract declares go (`parseEvent`), as the services emitted them; anything else is a
 * fault of the back end, reported here and not sent.
 */
export function forwardEvents(
  services: Pick<Services, 'onEvent'>,
  targets: () => readonly Pick<WebContents, 'isDestroyed' | 'send'>[],
): () => void {
  return services.onEvent((event: unknown) => {
    if (parseEvent(event) === null) {
      console.error('An event the contract does not declare was not sent to the window:', event);
      return;
    }
    for (const contents of targets()) if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
  });
}
