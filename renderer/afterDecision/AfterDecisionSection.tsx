import { type FormEvent } from 'react';
import type { CaseView } from '../../shared/contract/schemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { CASE_STATE_LABELS } from '../../shared/domain/caseStates';
import { DOSSIER_ITEMS } from '../../shared/domain/dossierItems';
import { call } from '../api/client';
import { NoticeSpot } from '../components/ErrorNotice';
import { FormFooter } from '../components/FormFooter';
import { DateField } from '../components/DateField';
import type { ChangeCase } from '../dossier/DossierSection';
import { useCheckedForm } from '../forms/useCheckedForm';
import { daysLeftText, formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { routeHref } from '../router/routes';
import { ActsTable } from './ActsTable';
import { actKindLabel } from './actNames';
import {
  AFTER_SPOT,
  afterActions,
  APPEAL_FILED_SPOT,
  APPEAL_OUTCOME_SPOT,
  appealOutcomeNotice,
  checkPlaceReport,
  otherOutcomeOf,
  showsAfterDecision,
  type AfterAction,
  type PlaceReportFields,
  type PlaceReportValues,
  type ReceivedActFields,
} from './afterDecisionModel';
import { AppealsPanel, type AppealForm } from './AppealsPanel';
import { ArrivalDetails, ArrivalForm } from './ArrivalForm';
import { DepartureForm } from './DepartureForm';
import { TransferOutForm } from './TransferOutForm';
import { LifeForm, LifeTable } from './LifePanel';
import { ReceivedActForm } from './ReceivedActForm';
import './afterDecision.css';

/** The form open in the section: one of the records the state calls for, or an appeal's. */
export type AfterForm = { kind: 'action'; action: AfterAction } | AppealForm;

interface AfterDecisionSectionProps {
  view: CaseView;
  today: IsoDate;
  canWrite: boolean;
  open: AfterForm | null;
  onOpen(form: AfterForm | null): void;
  onChange: ChangeCase;
}

/** The button that opens each record's form (distinct from the form's own submit button). */
const OPEN_LABELS: Readonly<Record<AfterAction, MessageKey>> = {
  otherOutcome: 'after.open.otherOutcome',
  departmentAct: 'after.open.departmentAct',
  p47Notice: 'after.open.p47Notice',
  transferOut: 'after.open.transferOut',
  arrival: 'after.open.arrival',
  life: 'after.open.life',
  departure: 'after.open.departure',
  placeReport: 'after.open.placeReport',
};

/** The Prison Department as the issuer of its director's acts (p. 17–18), prefilled. */
const DEPARTMENT = { lt: 'Kalėjimų departamentas prie Lietuvos Respublikos teisingumo ministerijos', en: 'Prison Department under the Ministry of Justice of the Republic of Lithuania' };

/** V-77 p. 5–8: our convict asks for another institution's halfway house: that institution's commission decides. */
export function RouteNotice({ view }: { view: CaseView }) {
  const { t } = useI18n();
  if (view.route !== 'sends') return null;
  return (
    <div className="notice notice-warning route-notice" role="note" data-route="sends">
      <p className="notice-title">{t('after.sends.title')}</p>
      <p>{t('after.sends.text', { house: view.record.request.halfwayHouse.name })}</p>
    </div>
  );
}

function PlaceReportForm({ freedOn, today, onSubmit, onCancel }: { freedOn: IsoDate; today: IsoDate; onSubmit(input: PlaceReportFields): Promise<void>; onCancel(): void }) {
  const { t } = useI18n();
  const form = useCheckedForm<PlaceReportValues, PlaceReportFields>({ on: today }, (v) => checkPlaceReport(v, { today, freedOn }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(onSubmit);
  };
  return (
    <form className="panel after-form" data-form="placeReport" onSubmit={submit} noValidate aria-labelledby="report-form-title">
      <h4 id="report-form-title">{t('after.report.title')}</h4>
      <DateField id="report-on" label={t('after.report.on')} hint={t('after.dateHint')} required {...form.field('on')} />
      <FormFooter form={form} label={t('after.report.submit')} onCancel={onCancel} />
    </form>
  );
}

/** What the documents (under "Dokumentai") do next, for the states whose next step a signed act takes. */
function nextByDocument(view: CaseView): MessageKey | null {
  const { state, facts } = view.record;
  if (state === 'listed' && facts.decision === '10.1') return 'after.hint.listedOwn';
  if (state === 'listed' && facts.decision === '10.3') return 'after.hint.listedOther';
  if (state === 'decided' && (facts.decision === '10.2' || facts.decision === '10.4')) return 'after.hint.letter';
  if (state === 'transferred') return 'after.hint.return';
  return null;
}

/**
 * "Po sprendimo": what follows the commission's decision (V-77 p. 4, 8, 12–25, 44–51): the dossier
 * sent to another institution and its outcome; the Prison Department's act; another institution's
 * p. 47 notice; the arrival with the p. 25 checks; the departure and the freed place's p. 20 term;
 * the appeals; the documents received. Each record is a small form, for the secretary.
 */
export function AfterDecisionSection({ view, today, canWrite, open, onOpen, onChange }: AfterDecisionSectionProps) {
  const { lang, t } = useI18n();
  const { record } = view;
  if (!showsAfterDecision(view)) return null;
  const { facts } = record;
  const actions = canWrite ? afterActions(view) : [];
  const openAction = open?.kind === 'action' ? open.action : null;
  const p20 = view.deadlines.find((d) => d.rule === 'p20');
  const documentHint = nextByDocument(view);
  const id = record.id;
  const stateName = (next: CaseView) => CASE_STATE_LABELS[next.record.state][lang];
  /** V-77 p. 8, 49: the other institution's outcome, once recorded (recorded once: its action is then gone). */
  const otherOutcome = otherOutcomeOf(record.acts);

  const recordAct = (input: ReceivedActFields) =>
    onChange(
      (v) => call('cases.recordAct', { id, revision: v.record.revision, ...input }),
      (next) => (next.record.state !== record.state ? t('after.done.actMoved', { state: stateName(next) }) : t('after.done.act')),
      AFTER_SPOT,
    );

  const issuerFor = (action: AfterAction): string => {
    if (action === 'departmentAct') return DEPARTMENT[lang];
    if (action === 'otherOutcome') return facts.dossierSent?.to ?? record.request.halfwayHouse.name;
    return record.request.servingInstitution.name;
  };

  return (
    <section className="panel after-decision" aria-labelledby="after-title" data-state={record.state} data-route={view.route}>
      <h2 id="after-title">{t('after.title')}</h2>

      {facts.dossierSent ? (
        <section className="after-block" aria-labelledby="sent-title">
          <h3 id="sent-title">{t('after.sent.title')}</h3>
          <dl className="data-list dossier-sent">
            <div>
              <dt>{t('after.sent.on')}</dt>
              <dd>{formatDate(facts.dossierSent.on, lang)}</dd>
            </div>
            <div>
              <dt>{t('after.sent.to')}</dt>
              <dd>{facts.dossierSent.to}</dd>
            </div>
            <div>
              <dt>{t('after.sent.items')}</dt>
              <dd>
                {facts.dossierSent.items.length === 0 ? (
                  t('common.none')
                ) : (
                  <ul className="sent-items">
                    {facts.dossierSent.items.map((item) => {
                      const known = DOSSIER_ITEMS.find((i) => i.id === item);
                      return <li key={item}>{known ? `${known.id}. ${known[lang]}` : item}</li>;
                    })}
                  </ul>
                )}
              </dd>
            </div>
            {otherOutcome ? (
              <div data-other-outcome={otherOutcome.granted === undefined ? '' : otherOutcome.granted ? 'granted' : 'refused'}>
                <dt>{t('after.sent.outcome')}</dt>
                <dd>
                  {t('after.sent.outcomeLine', {
                    granted: otherOutcome.granted === undefined ? actKindLabel(otherOutcome.kind, t, lang) : t(otherOutcome.granted ? 'after.act.granted.yes' : 'after.act.granted.no'),
                    number: otherOutcome.number,
                    date: formatDate(otherOutcome.date, lang),
                    received: formatDate(otherOutcome.receivedOn, lang),
                  })}
                </dd>
              </div>
            ) : null}
            {facts.transferOut ? (
              <div data-transfer-out={facts.transferOut.departedOn}>
                <dt>{t('after.transferOut.recorded')}</dt>
                <dd>
                  {t('after.transferOut.line', { departed: formatDate(facts.transferOut.departedOn, lang), file: formatDate(facts.transferOut.personalFileSentOn, lang) })}
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}

      {documentHint ? (
        <p className="field-hint after-hint">
          {t(documentHint)}
          {record.state === 'listed' ? (
            <>
              {' '}
              <a href={routeHref({ name: 'places' })}>{t('after.hint.placesLink')}</a>
            </>
          ) : null}
        </p>
      ) : null}

      {facts.arrival ? (
        <section className="after-block" aria-labelledby="arrival-title">
          <h3 id="arrival-title">{t('after.arrival.recorded')}</h3>
          <ArrivalDetails arrival={facts.arrival} />
          <LifeTable life={record.life} />
          {facts.departure ? (
            <p className="departure-line" data-how={facts.departure.how}>
              {t('after.departure.line', { date: formatDate(facts.departure.on, lang), how: t(`after.departure.how.${facts.departure.how}`) })}
            </p>
          ) : null}
        </section>
      ) : null}

      {(record.state === 'left' || record.state === 'returned') && facts.departure ? (
        <section className="after-block freed-place" aria-labelledby="freed-title">
          <h3 id="freed-title">{t('after.freed.title')}</h3>
          {facts.placeReportedOn ? (
            <p data-reported={facts.placeReportedOn}>{t('after.freed.reported', { date: formatDate(facts.placeReportedOn, lang) })}</p>
          ) : p20 ? (
            <p className={p20.overdue ? 'freed-term overdue' : 'freed-term'} data-due={p20.date}>
              {t('after.freed.term', { freed: formatDate(facts.departure.on, lang), date: formatDate(p20.date, lang) })} <strong>({daysLeftText(p20, lang)})</strong>
            </p>
          ) : null}
        </section>
      ) : null}

      {actions.length > 0 ? (
        <div className="step-buttons after-buttons">
          {actions.map((action) => {
            const isOpen = openAction === action;
            return (
              <button
                key={action}
                type="button"
                className={isOpen ? 'button-secondary is-open' : 'button-secondary'}
                aria-expanded={isOpen}
                onClick={() => onOpen(isOpen ? null : { kind: 'action', action })}
              >
                {t(OPEN_LABELS[action])}
              </button>
            );
          })}
        </div>
      ) : null}
      <NoticeSpot at={AFTER_SPOT} />

      {openAction === 'otherOutcome' || openAction === 'departmentAct' || openAction === 'p47Notice' ? (
        <ReceivedActForm
          key={openAction}
          purpose={openAction}
          caseId={id}
          maxBytes={view.dossier.maxDocumentBytes}
          today={today}
          notBefore={view.lastStepOn}
          issuer={issuerFor(openAction)}
          onSubmit={recordAct}
          onCancel={() => onOpen(null)}
        />
      ) : null}
      {openAction === 'transferOut' ? (
        <TransferOutForm
          today={today}
          notBefore={otherOutcome && otherOutcome.date > view.lastStepOn ? otherOutcome.date : view.lastStepOn}
          onSubmit={(input) => onChange((v) => call('cases.recordTransferOut', { id, revision: v.record.revision, ...input }), t('after.done.transferOut'), AFTER_SPOT)}
          onCancel={() => onOpen(null)}
        />
      ) : null}
      {openAction === 'arrival' ? (
        <ArrivalForm
          today={today}
          notBefore={view.lastStepOn}
          onSubmit={(input) => onChange((v) => call('cases.recordArrival', { id, revision: v.record.revision, ...input }), t('after.done.arrival'), AFTER_SPOT)}
          onCancel={() => onOpen(null)}
        />
      ) : null}
      {openAction === 'life' && facts.arrival ? (
        <LifeForm
          today={today}
          arrivedOn={facts.arrival.on}
          onSubmit={(input) => onChange((v) => call('cases.recordLife', { id, revision: v.record.revision, ...input }), t('after.done.life'), AFTER_SPOT)}
          onCancel={() => onOpen(null)}
        />
      ) : null}
      {openAction === 'departure' ? (
        <DepartureForm
          today={today}
          notBefore={view.lastStepOn}
          onSubmit={(input) => onChange((v) => call('cases.recordDeparture', { id, revision: v.record.revision, ...input }), t('after.done.departure'), AFTER_SPOT)}
          onCancel={() => onOpen(null)}
        />
      ) : null}
      {openAction === 'placeReport' && facts.departure ? (
        <PlaceReportForm
          freedOn={facts.departure.on}
          today={today}
          onSubmit={(input) =>
            onChange(async (v) => {
              await call('places.reportFreed', { id, revision: v.record.revision, ...input });
              return call('cases.get', { id });
            }, t('after.done.reported'), AFTER_SPOT)
          }
          onCancel={() => onOpen(null)}
        />
      ) : null}

      <AppealsPanel
        view={view}
        today={today}
        canWrite={canWrite}
        open={open?.kind === 'file' || open?.kind === 'outcome' ? open : null}
        onOpen={onOpen}
        onFile={(input) => onChange((v) => call('cases.fileAppeal', { id, revision: v.record.revision, ...input }), t('after.done.appeal'), APPEAL_FILED_SPOT)}
        onOutcome={(input) =>
          onChange(
            (v) => call('cases.decideAppeal', { id, revision: v.record.revision, ...input }),
            // Said as it happened: reopened (and where to), upheld without reopening (the act no longer stands), or dismissed.
            (next) => {
              const said = appealOutcomeNotice(next.record, input.appealId, record.state);
              return said.key === 'after.done.reopened' ? t(said.key, { state: stateName(next) }) : t(said.key);
            },
            APPEAL_OUTCOME_SPOT,
          )
        }
      />

      <ActsTable caseId={id} acts={record.acts} />

      {!canWrite && afterActions(view).length > 0 ? <p className="field-hint">{t('after.readOnly')}</p> : null}
    </section>
  );
}
