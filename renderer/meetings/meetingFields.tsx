import { useEffect, useRef, type ReactNode } from 'react';
import type { MeetingView } from '../../shared/contract/meetingSchemas';
import { toApiError, type ApiError } from '../api/client';
import { RadioGroupField, TextAreaField, type SelectOption } from '../components/fields';
import { useI18n } from '../i18n/I18nProvider';
import { useMeetingDesk } from './meetingDesk';

/** A value the reader sees where the secretary has a field. */
export function ReadOnlyValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field meeting-readonly">
      <span className="field-label">{label}</span>
      <div className="meeting-readonly-value">{children}</div>
    </div>
  );
}

interface AutoTextProps {
  id: string;
  label: string;
  hint?: string;
  required?: boolean;
  draftKey: string;
  /** The back end's value (shown when there is no draft). */
  value: string;
  /**
   * Save the text; `base` is the back end's text the user's draft started from (or last saved),
   * so that another window's change meanwhile is refused (STALE_REVISION), never overwritten.
   */
  save(value: string, base: string): Promise<MeetingView>;
  rows?: number;
  maxLength?: number;
}

/** A text saved as it is typed (see meetingAutosave.ts); read-only for members and the chair. */
export function AutoText({ id, label, hint, required, draftKey, value, save, rows = 4, maxLength }: AutoTextProps) {
  const desk = useMeetingDesk();
  const { t } = useI18n();
  // A field removed while it has the focus (the next step by a shortcut) gets no blur event: leave it here.
  const hasFocus = useRef(false);
  useEffect(
    () => () => {
      if (hasFocus.current) desk.blur(draftKey);
    },
    [desk, draftKey],
  );
  // The draft keeps what it is based on (meetingAutosave.ts): a new draft starts from the text shown.
  const edit = (text: string) => desk.edit(draftKey, text, save, value);
  // Another window saved this field meanwhile: the user's text stays in the field, unsaved, beside theirs.
  const failure = desk.failure(draftKey);
  const conflict = failure !== undefined && toApiError(failure).code === 'STALE_REVISION' && desk.draft(draftKey) !== undefined;
  if (!desk.canWrite) {
    return (
      <ReadOnlyValue label={label}>
        <p className="meeting-text">{value === '' ? t('common.none') : value}</p>
      </ReadOnlyValue>
    );
  }
  const field = (
    <TextAreaField
      id={id}
      label={label}
      hint={hint}
      required={required}
      value={desk.draft(draftKey) ?? value}
      rows={rows}
      maxLength={maxLength}
      onChange={edit}
      onFocus={() => {
        hasFocus.current = true;
        desk.focus(draftKey);
      }}
      onBlur={() => {
        hasFocus.current = false;
        desk.blur(draftKey);
      }}
    />
  );
  if (!conflict) return field;
  return (
    <div className="stale-field">
      {field}
      <div className="notice notice-warning" role="alert" data-stale={draftKey}>
        <p>{t('meeting.stale.text')}</p>
        <blockquote className="meeting-text">{value === '' ? t('common.none') : value}</blockquote>
        <button
          type="button"
          className="button-secondary"
          // The user has now seen the other text: their own (as it is now) is saved in its place.
          onClick={() => desk.rebase(draftKey, value)}
        >
          {t('meeting.stale.keepMine')}
        </button>
      </div>
    </div>
  );
}

interface ChoiceProps {
  id: string;
  legend: string;
  hint?: string;
  required?: boolean;
  draftKey: string;
  /** The back end's choice ('' for none). */
  value: string;
  options: readonly SelectOption[];
  save(value: string): Promise<MeetingView>;
  /** A refused choice (it is taken back on screen); null when a later choice went through. */
  onResult(error: ApiError | null): void;
  className?: string;
  /** Read-only even for the secretary (e.g. a closed item). */
  readOnly?: boolean;
}

/** A radio group saved at once when a choice is made. */
export function ChoiceGroup({ id, legend, hint, required, draftKey, value, options, save, onResult, className, readOnly }: ChoiceProps) {
  const desk = useMeetingDesk();
  const { t } = useI18n();
  if (!desk.canWrite || readOnly) {
    const chosen = options.find((o) => o.value === value);
    return (
      <ReadOnlyValue label={legend}>
        <p className="meeting-choice" data-value={value || undefined}>
          {chosen ? chosen.label : t('common.none')}
        </p>
      </ReadOnlyValue>
    );
  }
  return (
    <RadioGroupField
      id={id}
      legend={legend}
      hint={hint}
      required={required}
      className={className}
      value={desk.draft(draftKey) ?? value}
      options={options}
      onChange={(chosen) =>
        desk.choose(draftKey, chosen, save).then(
          () => onResult(null),
          (e: unknown) => onResult(toApiError(e)),
        )
      }
    />
  );
}
