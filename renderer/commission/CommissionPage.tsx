import { useEffect, useRef, useState, type FormEvent } from 'react';
import { validationMessage } from '../../shared/contract/validationMessages';
import type { IsoDate } from '../../shared/domain/calendar';
import { DEFAULT_VOTING_RULES, MAJORITY_RULES, QUORUM_RULES, type MajorityRule, type QuorumRule, type VotingRules } from '../../shared/domain/voting';
import { ApiError, call, toApiError } from '../api/client';
import { useEvent } from '../api/useEvents';
import { ErrorNotice } from '../components/ErrorNotice';
import { RadioGroupField } from '../components/fields';
import { PageTitle } from '../components/PageTitle';
import { fieldErrorsFromServer } from '../forms/issues';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import {
  applyMember,
  checkCommission,
  commissionWarnings,
  draftOf,
  errorsByMember,
  isDirty,
  newMemberId,
  quorumToday,
  removeMember,
  saveInput,
  splitMembers,
  type CommissionDraft,
  type CommissionErrors,
  type MemberRow,
} from './commissionModel';
import { MemberForm } from './MemberForm';
import { MemberTable } from './MemberTable';
import './commission.css';

export interface CommissionPageProps {
  today: IsoDate;
  canEdit: boolean;
}

type Panel = { kind: 'add' | 'edit' | 'end'; id: string } | null;

const NO_ERRORS: CommissionErrors = { members: {}, other: {} };

const quorumText = (rule: QuorumRule): MessageKey => `commission.quorum.${rule}`;
const majorityText = (rule: MajorityRule): MessageKey => `commission.majority.${rule}`;

/**
 * The disciplinary commission (DESIGN §1): who sits on it today, who sat or will sit, and how it
 * decides. The secretary and the administrator edit it; the whole commission is saved at once.
 */
export function CommissionPage({ today, canEdit }: CommissionPageProps) {
  const { lang, t } = useI18n();
  const [loaded, setLoaded] = useState<CommissionDraft | null>(null);
  const [draft, setDraft] = useState<CommissionDraft | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [loads, setLoads] = useState(0);
  const [panel, setPanel] = useState<Panel>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [serverErrors, setServerErrors] = useState<CommissionErrors>(NO_ERRORS);
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(false);
  const [panelBlocks, setPanelBlocks] = useState(false);
  /** The button that opened the member form: the focus returns there when it closes. */
  const opener = useRef<HTMLElement | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    call('commission.get', {}).then(
      (record) => {
        if (!current) return;
        const d = draftOf(record);
        setLoaded(d);
        setDraft(d);
        setLoadError(null);
        setPanel(null);
        setSaveError(null);
        setServerErrors(NO_ERRORS);
        setSubmitted(false);
      },
      (e: unknown) => current && setLoadError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [loads]);

  const reload = () => setLoads((n) => n + 1);

  // Someone else saved the commission: shown at once, unless the user is changing it here (their
  // save is then refused as made on an older copy, and the page says so).
  useEvent('commission.changed', () => {
    if (draft && loaded && !isDirty(draft, loaded) && panel === null && !saving) reload();
  });

  if (!draft || !loaded) {
    return (
      <section className="page commission-page">
        <PageTitle title={t('commission.title')} />
        {loadError ? (
          <ErrorNotice error={loadError}>
            <button type="button" className="button-secondary" onClick={reload}>
              {t('common.retry')}
            </button>
          </ErrorNotice>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </section>
    );
  }

  const never = loaded.revision === 0;
  if (never && !canEdit) {
    return (
      <section className="page commission-page">
        <PageTitle title={t('commission.title')} />
        <p className="lead">{t('commission.intro')}</p>
        <p className="empty">{t('commission.none')}</p>
      </section>
    );
  }

  const local = checkCommission(draft);
  const memberErrors: Record<string, Readonly<Record<string, string>>> = {};
  for (const [id, errors] of Object.entries(submitted ? local.members : {})) memberErrors[id] = errors;
  for (const [id, errors] of Object.entries(serverErrors.members)) memberErrors[id] = { ...memberErrors[id], ...errors };

  const { current, other } = splitMembers(draft.members, today);
  const warnings = draft.members.length > 0 ? commissionWarnings(draft.members, today) : [];
  const dirty = isDirty(draft, loaded);
  const quorumNow = quorumToday(draft.rules, draft.members, today);

  const change = (next: Partial<CommissionDraft>) => {
    setDraft((d) => (d ? { ...d, ...next } : d));
    setSaved(false);
  };
  const setRules = (patch: Partial<VotingRules>) => change({ rules: { ...draft.rules, ...patch } });

  const closePanel = () => {
    setPanel(null);
    setPanelBlocks(false);
    const back = opener.current;
    opener.current = null;
    // The row may be gone (a removed member): the focus then goes to "Add a member".
    requestAnimationFrame(() => (back?.isConnected ? back : addButton.current)?.focus());
  };
  const openPanel = (next: Panel, button: HTMLElement) => {
    opener.current = button;
    setPanel(next);
    setSaved(false);
  };

  const actions = canEdit
    ? {
        open: panel && panel.kind !== 'add' ? { kind: panel.kind, id: panel.id } : null,
        onEdit: (m: MemberRow, button: HTMLButtonElement) => openPanel({ kind: 'edit', id: m.id }, button),
        onEnd: (m: MemberRow, button: HTMLButtonElement) => openPanel({ kind: 'end', id: m.id }, button),
        onRemove: (m: MemberRow) => {
          change({ members: removeMember(draft.members, m.id) });
          if (panel?.id === m.id) setPanel(null);
          setServerErrors(({ members: { [m.id]: _dropped, ...rest }, other: o }) => ({ members: rest, other: o }));
          addButton.current?.focus();
        },
      }
    : undefined;

  const panelMember = panel && panel.kind !== 'add' ? draft.members.find((m) => m.id === panel.id) : undefined;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setSaved(false);
    if (panel) {
      setPanelBlocks(true);
      return;
    }
    if (!local.valid) return;
    const input = saveInput(draft);
    setSaving(true);
    setSaveError(null);
    try {
      const record = await call('commission.save', input);
      const d = draftOf(record);
      setLoaded(d);
      setDraft(d);
      setServerErrors(NO_ERRORS);
      setSubmitted(false);
      setSaved(true);
    } catch (err) {
      const apiError = toApiError(err);
      setSaveError(apiError);
      setServerErrors(errorsByMember(fieldErrorsFromServer(apiError.fields), input.members));
    } finally {
      setSaving(false);
    }
  };

  const defaultMark = (text: string, isDefault: boolean) => (isDefault ? t('commission.rules.default', { rule: text }) : text);
  const otherErrors = { ...(submitted ? local.other : {}), ...serverErrors.other };
  const ruleError = (path: string) => (otherErrors[path] ? validationMessage(otherErrors[path], lang) : undefined);

  return (
    <section className="page commission-page">
      <PageTitle title={t('commission.title')} />
      <p className="lead">{t('commission.intro')}</p>
      {never ? <p className="notice notice-warning">{t('commission.noneEditable')}</p> : null}
      {warnings.length > 0 ? (
        <div className="notice notice-warning" role="status">
          {warnings.map((w) => (
            <p key={w}>{t(w === 'noMembers' ? 'commission.warn.noMembers' : 'commission.warn.noChair')}</p>
          ))}
        </div>
      ) : null}

      <section className="commission-section" aria-labelledby="commission-current-title">
        <h2 id="commission-current-title">
          {t('commission.current')} <span className="muted">({formatDate(today, lang)})</span>
        </h2>
        {current.length > 0 ? (
          <MemberTable
            id="commission-current"
            caption={t('commission.currentCaption', { date: formatDate(today, lang) })}
            members={current}
            today={today}
            errors={memberErrors}
            actions={actions}
          />
        ) : (
          <p className="empty">{t('commission.currentEmpty')}</p>
        )}
      </section>

      <section className="commission-section" aria-labelledby="commission-other-title">
        <h2 id="commission-other-title">{t('commission.other')}</h2>
        <p className="field-hint">{t('commission.otherHint')}</p>
        {other.length > 0 ? (
          <MemberTable id="commission-other" caption={t('commission.otherCaption')} members={other} today={today} errors={memberErrors} actions={actions} />
        ) : (
          <p className="empty">{t('commission.otherEmpty')}</p>
        )}
      </section>

      {canEdit ? (
        <div className="form-actions">
          <button
            ref={addButton}
            type="button"
            className="button-secondary"
            aria-expanded={panel?.kind === 'add'}
            onClick={(e) => openPanel({ kind: 'add', id: newMemberId() }, e.currentTarget)}
          >
            {t('commission.add')}
          </button>
          <span className="field-hint">{t('commission.removeHint')}</span>
        </div>
      ) : null}

      {canEdit && panel && (panel.kind === 'add' || panelMember) ? (
        <MemberForm
          key={`${panel.kind}-${panel.id}`}
          mode={panel.kind}
          id={panel.id}
          member={panelMember}
          members={draft.members}
          today={today}
          onCancel={closePanel}
          onApply={(member) => {
            change({ members: applyMember(draft.members, member) });
            setServerErrors(({ members: { [member.id]: _dropped, ...rest }, other: o }) => ({ members: rest, other: o }));
            closePanel();
          }}
        />
      ) : null}

      {canEdit ? (
        <form className="commission-rules" onSubmit={(e) => void save(e)} noValidate aria-labelledby="commission-rules-title">
          <h2 id="commission-rules-title">{t('commission.rules')}</h2>
          <RadioGroupField
            id="commission-quorum"
            legend={t('commission.rules.quorum')}
            value={draft.rules.quorum}
            options={QUORUM_RULES.map((r) => ({ value: r, label: defaultMark(t(quorumText(r)), r === DEFAULT_VOTING_RULES.quorum) }))}
            hint={quorumNow.voting > 0 ? t('commission.quorumToday', quorumNow) : undefined}
            error={ruleError('rules.quorum')}
            onChange={(quorum) => setRules({ quorum: quorum as QuorumRule })}
          />
          <RadioGroupField
            id="commission-majority"
            legend={t('commission.rules.majority')}
            value={draft.rules.majority}
            options={MAJORITY_RULES.map((r) => ({ value: r, label: defaultMark(t(majorityText(r)), r === DEFAULT_VOTING_RULES.majority) }))}
            error={ruleError('rules.majority')}
            onChange={(majority) => setRules({ majority: majority as MajorityRule })}
          />
          <fieldset className="radio-group commission-tie">
            <legend>{t('commission.rules.tie')}</legend>
            <div className="check">
              <input
                id="commission-tie"
                type="checkbox"
                checked={draft.rules.chairDecidesTie}
                onChange={(e) => setRules({ chairDecidesTie: e.target.checked })}
              />
              <label htmlFor="commission-tie">
                {defaultMark(t('commission.rules.chairDecidesTie'), DEFAULT_VOTING_RULES.chairDecidesTie)}
              </label>
            </div>
            <p className="field-hint">{t(draft.rules.chairDecidesTie ? 'commission.tie.chair' : 'commission.tie.none')}</p>
          </fieldset>
          <p className="field-hint">{t('commission.recusal')}</p>

          {saveError ? (
            <ErrorNotice error={saveError}>
              {saveError.code === 'COMMISSION_CHANGED' ? (
                <button type="button" className="button-secondary" onClick={reload}>
                  {t('commission.reload')}
                </button>
              ) : null}
            </ErrorNotice>
          ) : null}
          {panelBlocks && panel ? (
            <p className="form-summary" role="alert">
              {t('commission.finishPanel')}
            </p>
          ) : null}
          {submitted && !local.valid ? (
            <p className="form-summary" role="alert">
              {t('commission.fixMembers')}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={saving}>
              {t('commission.save')}
            </button>
            <p className="commission-save-status" role="status">
              {saved ? t('commission.saved') : dirty ? t('commission.unsaved') : ''}
            </p>
          </div>
        </form>
      ) : (
        <section className="commission-rules" aria-labelledby="commission-rules-title">
          <h2 id="commission-rules-title">{t('commission.rules')}</h2>
          <dl className="data-list">
            <div>
              <dt>{t('commission.rules.quorum')}</dt>
              <dd>
                {t(quorumText(draft.rules.quorum))}
                {quorumNow.voting > 0 ? <span className="field-hint"> {t('commission.quorumToday', quorumNow)}</span> : null}
              </dd>
            </div>
            <div>
              <dt>{t('commission.rules.majority')}</dt>
              <dd>{t(majorityText(draft.rules.majority))}</dd>
            </div>
            <div>
              <dt>{t('commission.rules.tie')}</dt>
              <dd>{t(draft.rules.chairDecidesTie ? 'commission.tie.chair' : 'commission.tie.none')}</dd>
            </div>
          </dl>
          <p className="field-hint">{t('commission.recusal')}</p>
        </section>
      )}
    </section>
  );
}
