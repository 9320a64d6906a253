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
  save(value: string): Promise<MeetingView>;
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
  if (!desk.canWrite) {
    return (
      <ReadOnlyValue label={label}>
        <p className="meeting-text">{value === '' ? t('common.none') : value}</p>
      </ReadOnlyValue>
    );
  }
  return (
    <TextAreaField
      id={id}
      label={label}
      hint={hint}
      required={required}
      value={desk.draft(draftKey) ?? value}
      rows={rows}
      maxLength={maxLength}
      onChange={(text) => desk.edit(draftKey, text, save)}
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
