import { useEffect, useRef, useState, type ReactNode } from 'react';
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
  // What the draft is based on: the back end's text when the user began typing, then what they saved.
  const base = useRef(value);
  // Another user's text saved meanwhile: the user's own stays in the field, unsaved, beside it.
  const [conflict, setConflict] = useState<string | null>(null);
  useEffect(
    () => () => {
      if (hasFocus.current) desk.blur(draftKey);
    },
    [desk, draftKey],
  );
  const saveFrom = (from: string) => async (text: string) => {
    try {
      const view = await save(text, from);
      base.current = text;
      setConflict(null);
      return view;
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'STALE_REVISION') setConflict(text);
      throw e;
    }
  };
  const edit = (text: string) => {
    if (desk.draft(draftKey) === undefined) base.current = value; // a new draft starts from what is shown
    desk.edit(draftKey, text, saveFrom(base.current));
  };
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
  if (conflict === null || desk.draft(draftKey) === undefined) return field;
  return (
    <div className="stale-field">
      {field}
      <div className="notice notice-warning" role="alert" data-stale={draftKey}>
        <p>{t('meeting.stale.text')}</p>
        <blockquote className="meeting-text">{value === '' ? t('common.none') : value}</blockquote>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            // The user has now seen the other text: their own is saved in its place.
            base.current = value;
            desk.edit(draftKey, conflict, saveFrom(value));
            desk.blur(draftKey); // saves it now
          }}
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
