import { useState } from 'react';
import type { MeetingView } from '../../shared/contract/meetingSchemas';
import { CASE_STATE_LABELS } from '../../shared/domain/caseStates';
import { DECISIONS } from '../../shared/domain/decisions';
import { ApiError, call, toApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useI18n } from '../i18n/I18nProvider';
import { translate } from '../i18n/translate';
import { useMeetingDesk } from './meetingDesk';
import { closePlan, type ClosePlan } from './meetingSummary';

/**
 * Closing the meeting, after a confirmation that says what happens to each case: the adopted
 * proposals become the cases' decisions (V-77 p. 10), postponed cases go back to the commission's
 * queue. What still keeps the meeting open is listed as the back end sees it.
 */
export function MeetingClose({ view }: { view: MeetingView }) {
  const { lang, t } = useI18n();
  const desk = useMeetingDesk();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const plan = closePlan(view);
  const nameOf = (caseId: string) => {
    const c = view.items.find((i) => i.item.caseId === caseId)?.candidate;
    return c ? `${c.lastName} ${c.firstName}` : caseId;
  };
  const planText = (p: ClosePlan) => {
    switch (p.kind) {
      case 'decide': {
        const d = DECISIONS.find((x) => x.id === p.decision)!;
        return t('meeting.close.decide', { decision: t('decision.option', { id: d.id, text: d[lang] }), state: CASE_STATE_LABELS.decided[lang] });
      }
      case 'postpone':
        return t('meeting.close.postpone', { reason: p.reason, state: CASE_STATE_LABELS.ready_for_commission[lang] });
      case 'left':
        return t('meeting.close.left');
      case 'blocked':
        return t('meeting.close.blocked');
    }
  };

  const close = () => {
    setBusy(true);
    setError(null);
    desk
      .run(async () => {
        // Runs after every typed text was tried again: a text the back end refused is not dropped by the close.
        if (desk.unsaved()) throw new ApiError({ code: 'UNSAVED_TEXT', message: t('meeting.close.unsaved'), messageEn: translate('en', 'meeting.close.unsaved') });
        return call('meetings.close', { id: desk.meetingId, revision: desk.latest().record.revision });
      })
      .then(
        () => setConfirming(false),
        (e: unknown) => setError(toApiError(e)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section className="panel meeting-close" aria-labelledby="close-title">
      <h2 id="close-title">{t('meeting.close.title')}</h2>
      {!confirming ? (
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
          {t('meeting.close.start')}
        </button>
      ) : (
        <>
          <p>{t('meeting.close.intro')}</p>
          <ul className="close-plan">
            {plan.map((p) => (
              <li key={p.caseId} data-plan={p.kind}>
                <strong>{nameOf(p.caseId)}</strong>: {planText(p)}
              </li>
            ))}
          </ul>
          {view.closeProblems.length > 0 ? (
            <div className="notice notice-warning close-problems" role="alert">
              <p className="notice-title">{t('meeting.close.problems')}</p>
              <ul>
                {view.closeProblems.map((p) => (
                  <li key={`${p.caseId ?? ''}-${p.code}`} data-code={p.code}>
                    {p[lang]}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {error ? <ErrorNotice error={error} /> : null}
          <div className="form-actions">
            <button type="button" className="button-primary" disabled={busy || view.closeProblems.length > 0} onClick={close}>
              {t('meeting.close.confirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
