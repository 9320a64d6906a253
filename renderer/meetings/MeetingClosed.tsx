import { useState, type FormEvent } from 'react';
import { MEETING_TEXT_MAX, type AgendaItemView, type Amendment, type FrozenResult, type MeetingView } from '../../shared/contract/meetingSchemas';
import { CASE_STATE_LABELS, type CaseState } from '../../shared/domain/caseStates';
import { CRITERIA, type CriterionId } from '../../shared/domain/criteria';
import { DECISIONS } from '../../shared/domain/decisions';
import { ASSESSMENTS, type Assessment, type Evaluation } from '../../shared/domain/evaluation';
import type { Ballot } from '../../shared/domain/voting';
import { call, toApiError, type ApiError } from '../api/client';
import { RadioGroupField, SelectField, TextAreaField } from '../components/fields';
import { formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { useMeetingDesk } from './meetingDesk';
import { redFlagOf } from './meetingSummary';
import { assessmentText, ballotText } from './meetingWording';
import { ballotsSummary, VoteTally } from './VotePanel';
import { FormFooter } from '../components/FormFooter';
import { meetingKindsDue } from '../documents/documentsModel';
import { DocumentsPanel } from '../documents/DocumentsPanel';

type AmendField = Amendment['field'];

/** The full evaluation of V-77 p. 11 as recorded: each criterion's assessment and findings. */
function EvaluationTable({ evaluation, caption, kind }: { evaluation: Evaluation; caption: string; kind: 'frozen' | 'amended' }) {
  const { lang, t } = useI18n();
  return (
    <>
      {redFlagOf(evaluation) ? (
        <p className="red-flag" data-red-flag="11.8">
          <strong>{t('meeting.redFlag')}</strong>
        </p>
      ) : null}
      <table className="data-table evaluation-table" data-kind={kind}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meeting.summary.criterion')}</th>
            <th scope="col">{t('meeting.summary.assessment')}</th>
            <th scope="col">{t('meeting.summary.findings')}</th>
          </tr>
        </thead>
        <tbody>
          {CRITERIA.map((c) => {
            const e = evaluation[c.id];
            return (
              <tr key={c.id} data-criterion={c.id} data-assessment={e?.assessment ?? 'none'}>
                <th scope="row">
                  {c.id}. {c[lang]}
                </th>
                <td>
                  {assessmentText(e?.assessment, lang)}
                  {c.id === '11.8' && e?.onRegister !== undefined ? (
                    <span className={e.onRegister ? 'red-flag-mark' : 'field-hint'}> · {e.onRegister ? t('meeting.register.flagShort') : t('meeting.register.notOn')}</span>
                  ) : null}
                </td>
                <td className="meeting-text">{e?.findings ? e.findings : t('common.none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** Who took part and how each member voted on this case (the minutes record it). */
function VotesTable({ view, frozen }: { view: MeetingView; frozen: FrozenResult }) {
  const { lang, t } = useI18n();
  const present = new Set(frozen.present);
  return (
    <table className="data-table votes-table">
      <caption>{t('meeting.closed.votes')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meeting.member.name')}</th>
          <th scope="col">{t('meeting.member.role')}</th>
          <th scope="col">{t('meeting.closed.ballot')}</th>
        </tr>
      </thead>
      <tbody>
        {view.members.map((m) => {
          const recusal = frozen.recusals.find((r) => r.memberId === m.id);
          const ballot = frozen.ballots[m.id] as Ballot | undefined;
          const cell = !present.has(m.id)
            ? t('meeting.vote.absent')
            : recusal
              ? t('meeting.closed.recused', { reason: recusal.reason || t('common.none') })
              : !m.votes
                ? t('meeting.vote.notVoting')
                : ballot
                  ? ballotText(ballot, lang)
                  : t('meeting.closed.noBallot');
          return (
            <tr key={m.id} data-member={m.id} data-ballot={ballot ?? (recusal ? 'recused' : 'none')}>
              <th scope="row">{m.name}</th>
              <td>{t(`meeting.role.${m.role}`)}</td>
              <td>{cell}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function AmendmentsTable({ amendments }: { amendments: readonly Amendment[] }) {
  const { lang, t } = useI18n();
  const shown = (a: Amendment, value: string) => (a.field === 'assessment' ? assessmentText(value === '' ? undefined : (value as Assessment), lang) : value || t('common.none'));
  return (
    <table className="data-table amendments-table">
      <caption>{t('meeting.amend.list')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meeting.amend.when')}</th>
          <th scope="col">{t('meeting.amend.who')}</th>
          <th scope="col">{t('meeting.amend.what')}</th>
          <th scope="col">{t('meeting.amend.why')}</th>
          <th scope="col">{t('meeting.amend.before')}</th>
          <th scope="col">{t('meeting.amend.after')}</th>
        </tr>
      </thead>
      <tbody>
        {amendments.map((a, i) => (
          <tr key={`${a.at}-${i}`}>
            <td>{formatMoment(a.at, lang)}</td>
            <td>{a.by.name}</td>
            <td>{t(`meeting.amend.field.${a.field}`, { criterion: a.criterion ?? '' })}</td>
            <td className="meeting-text">{a.reason}</td>
            <td className="meeting-text">{shown(a, a.before)}</td>
            <td className="meeting-text">{shown(a, a.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A correction after the meeting closed: the field, the new text and why; the frozen result stays as it was. */
function AmendForm({ item }: { item: AgendaItemView }) {
  const { lang, t } = useI18n();
  const desk = useMeetingDesk();
  const current = item.amended ?? { evaluation: item.item.frozen?.evaluation ?? {}, rationale: item.item.frozen?.rationale ?? '' };
  const caseId = item.item.caseId;
  const [open, setOpen] = useState(false);
  const [field, setField] = useState<AmendField>('findings');
  const [criterion, setCriterion] = useState<CriterionId>('11.1');
  const valueOf = (f: AmendField, c: CriterionId) =>
    f === 'rationale' ? current.rationale : f === 'findings' ? (current.evaluation[c]?.findings ?? '') : (current.evaluation[c]?.assessment ?? '');
  const [value, setValue] = useState(() => valueOf('findings', '11.1'));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const pick = (f: AmendField, c: CriterionId) => {
    setField(f);
    setCriterion(c);
    setValue(valueOf(f, c));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    desk
      .run(() => call('meetings.amend', { id: desk.meetingId, caseId, field, ...(field !== 'rationale' ? { criterion } : {}), value, reason: reason.trim() }))
      .then(
        () => {
          setDone(true);
          setOpen(false);
          setReason('');
        },
        (err: unknown) => setError(toApiError(err)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="amend">
      {done ? (
        <p className="notice notice-ok" role="status">
          {t('meeting.amend.saved')}
        </p>
      ) : null}
      <button
        type="button"
        className={open ? 'button-secondary is-open' : 'button-secondary'}
        aria-expanded={open}
        onClick={() => {
          setOpen((o) => !o);
          setDone(false);
          pick(field, criterion);
        }}
      >
        {t('meeting.amend.open')}
      </button>
      {open ? (
        <form className="panel amend-form" onSubmit={submit}>
          <p className="field-hint">{t('meeting.amend.intro')}</p>
          <SelectField
            id={`amend-field-${caseId}`}
            label={t('meeting.amend.field')}
            value={field}
            options={(['findings', 'assessment', 'rationale'] as const).map((f) => ({ value: f, label: t(`meeting.amend.fieldOption.${f}`) }))}
            onChange={(v) => pick(v as AmendField, criterion)}
          />
          {field !== 'rationale' ? (
            <SelectField
              id={`amend-criterion-${caseId}`}
              label={t('meeting.amend.criterion')}
              value={criterion}
              options={CRITERIA.map((c) => ({ value: c.id, label: `${c.id}. ${c[lang]}` }))}
              onChange={(v) => pick(field, v as CriterionId)}
            />
          ) : null}
          {field === 'assessment' ? (
            <RadioGroupField
              id={`amend-value-${caseId}`}
              legend={t('meeting.amend.newAssessment')}
              required
              value={value}
              options={ASSESSMENTS.map((a) => ({ value: a, label: t(`meeting.assessment.${a}`) }))}
              onChange={setValue}
            />
          ) : (
            <TextAreaField id={`amend-value-${caseId}`} label={t('meeting.amend.newText')} required value={value} onChange={setValue} rows={5} />
          )}
          <TextAreaField id={`amend-reason-${caseId}`} label={t('meeting.amend.reason')} hint={t('meeting.amend.reasonHint')} required value={reason} onChange={setReason} rows={2} />
          <FormFooter
            form={{ error, busy }}
            label={t('meeting.amend.submit')}
            disabled={reason.trim() === '' || value.length > MEETING_TEXT_MAX || value === valueOf(field, criterion)}
            onCancel={() => setOpen(false)}
          />
        </form>
      ) : null}
    </div>
  );
}

/** One case's result as frozen when the meeting closed, and the corrections recorded since. */
function FrozenCase({ view, item }: { view: MeetingView; item: AgendaItemView }) {
  const { lang, t } = useI18n();
  const desk = useMeetingDesk();
  const frozen = item.item.frozen!;
  const { candidate } = item;
  const name = `${candidate.lastName} ${candidate.firstName}`;
  const decision = DECISIONS.find((d) => d.id === frozen.decision);
  const nameOf = (id: string) => view.members.find((m) => m.id === id)?.name ?? id;
  const amended = item.item.amendments.length > 0 ? item.amended : undefined;
  const leftState = frozen.outcome === 'left' ? (CASE_STATE_LABELS[frozen.note as CaseState]?.[lang] ?? frozen.note ?? '') : '';

  return (
    <article className="panel frozen-result" data-case={item.item.caseId} data-outcome={frozen.outcome} aria-labelledby={`frozen-${item.item.caseId}`}>
      <h2 id={`frozen-${item.item.caseId}`}>{name}</h2>
      <p className="meeting-case-meta">
        <span>{t('case.fileNo', { no: candidate.personalFileNo })}</span>
        <span>
          <a href={`#/cases/${encodeURIComponent(item.item.caseId)}`}>{t('meeting.case.open')}</a>
        </span>
      </p>
      {frozen.outcome === 'decided' && decision ? (
        <p className="frozen-decision" data-decision={decision.id}>
          {t('meeting.closed.decision')}: <strong>{t('decision.option', { id: decision.id, text: decision[lang] })}</strong>
        </p>
      ) : frozen.outcome === 'postponed' ? (
        <p className="frozen-decision">{t('meeting.postpone.done', { reason: frozen.note ?? '' })}</p>
      ) : (
        <p className="frozen-decision">{t('meeting.case.left', { state: leftState })}</p>
      )}
      {frozen.outcome === 'decided' ? (
        <>
          <h3>{t('meeting.rationale')}</h3>
          <p className="meeting-text frozen-rationale">{frozen.rationale === '' ? t('common.none') : frozen.rationale}</p>
          {frozen.tally ? <VoteTally tally={frozen.tally} label={t('meeting.tally.title')} chairDecidesTie={view.rules.chairDecidesTie} /> : null}
          <VotesTable view={view} frozen={frozen} />
          {frozen.rejected.length > 0 ? (
            <>
              <h3>{t('meeting.vote.rejectedTitle')}</h3>
              <ul className="rejected-votes">
                {frozen.rejected.map((r) => (
                  <li key={r.at}>{t('meeting.vote.rejectedEntry', { decision: r.decision, at: formatMoment(r.at, lang), counts: ballotsSummary(r.ballots, nameOf, lang) })}</li>
                ))}
              </ul>
            </>
          ) : null}
          <EvaluationTable evaluation={frozen.evaluation} caption={t('meeting.closed.evaluation')} kind="frozen" />
          {amended ? (
            <section className="amended" aria-labelledby={`amended-${item.item.caseId}`}>
              <h3 id={`amended-${item.item.caseId}`}>{t('meeting.amend.current')}</h3>
              <p className="field-hint">{t('meeting.amend.currentHint')}</p>
              <h4>{t('meeting.rationale')}</h4>
              <p className="meeting-text amended-rationale">{amended.rationale === '' ? t('common.none') : amended.rationale}</p>
              <EvaluationTable evaluation={amended.evaluation} caption={t('meeting.amend.currentEvaluation')} kind="amended" />
              <AmendmentsTable amendments={item.item.amendments} />
            </section>
          ) : null}
          {desk.canWrite ? <AmendForm item={item} /> : null}
        </>
      ) : null}
    </article>
  );
}

/** A closed meeting: every case's frozen result, read-only; corrections are recorded as amendments. */
export function MeetingClosed({ view }: { view: MeetingView }) {
  const { t } = useI18n();
  return (
    <div className="meeting-closed">
      <p className="notice notice-ok">{t('meeting.closed.intro')}</p>
      <DocumentsPanel target={{ kind: 'meeting', meetingId: view.record.id }} due={meetingKindsDue(view.record.state)} />
      {view.items.map((item) => (item.item.frozen ? <FrozenCase key={item.item.caseId} view={view} item={item} /> : null))}
    </div>
  );
}
