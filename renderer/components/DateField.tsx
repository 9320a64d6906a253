import { useEffect, useRef, useState, type ChangeEvent, type FocusEvent, type KeyboardEvent } from 'react';
import { DayPicker } from 'react-day-picker';
import { enGB, lt } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import type { IsoDate } from '../../shared/domain/calendar';
import { dateFieldValue, isoToLocalDate, localDateToIso } from '../forms/dateInput';
import { useI18n } from '../i18n/I18nProvider';
import { describedBy, Frame, type FieldFrame } from './fields';
import './DateField.css';

interface DateFieldProps extends FieldFrame {
  /** The form's value: an ISO date once the text typed names one, else the text as typed. */
  value: string;
  onChange(value: string): void;
  /** The field lost the focus (`event.relatedTarget`: where the focus went). */
  onBlur?(event: FocusEvent<HTMLInputElement>): void;
  autoComplete?: string;
  /** Shown in the empty field; by default the format of the language ('MMMM-MM-DD'). */
  placeholder?: string;
  /** The day the calendar marks as today and opens on when the field is empty (the app's today). */
  today?: IsoDate | undefined;
}

const LOCALES = { lt, en: enGB } as const;
/** The calendar's range: from 1920 (birth dates) to some years past today (sentence ends). */
const FIRST_MONTH = new Date(1920, 0);
const YEARS_AHEAD = 30;

/**
 * A date field (issue 17): typed as `2026-12-04`, `2026.12.04` or `2026 12 04`, or picked from a
 * calendar (Monday first, the language's month names). It shows the normalised ISO date once the
 * focus leaves it. The calendar opens from the button next to the field, is used by keyboard
 * (arrows, Page Up/Down, Enter), closes on Escape or a pick, and gives the focus back to the field.
 */
export function DateField({ value, onChange, onBlur, autoComplete = 'off', placeholder, today, ...frame }: DateFieldProps) {
  const { lang, t } = useI18n();
  const { id } = frame;
  /** The text as typed, while the user types; null shows the value. */
  const [draft, setDraft] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);

  /** Closed by Escape or a pick: the focus goes back to the field. */
  const closeToField = () => {
    setOpen(false);
    input.current?.focus();
  };

  // A press outside the calendar (and outside its button) closes it, leaving the focus where it went.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (target && !popover.current?.contains(target) && !toggle.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      closeToField();
    }
  };

  /** Tabbing out of the calendar closes it; a day replaced as the month turns (no new target) does not. */
  const onPopoverBlur = (e: FocusEvent<HTMLDivElement>) => {
    const next = e.relatedTarget;
    if (next instanceof Node && !popover.current?.contains(next) && next !== toggle.current) setOpen(false);
  };

  const selected = isoToLocalDate(value);
  const todayDate = today !== undefined ? isoToLocalDate(today) : undefined;
  const calendarId = `${id}-calendar`;

  return (
    <Frame {...frame}>
      <div className="date-field" onKeyDown={onKeyDown}>
        <input
          ref={input}
          id={id}
          type="text"
          value={draft ?? value}
          onChange={(e: ChangeEvent<HTMLInputElement>) => {
            setDraft(e.target.value);
            onChange(dateFieldValue(e.target.value));
          }}
          onBlur={(e) => {
            setDraft(null);
            onBlur?.(e);
          }}
          autoComplete={autoComplete}
          placeholder={placeholder ?? t('date.placeholder')}
          aria-required={frame.required || undefined}
          aria-invalid={frame.error ? true : undefined}
          aria-describedby={describedBy(id, frame.hint, frame.error)}
        />
        <button
          ref={toggle}
          type="button"
          className="date-field-button"
          aria-label={t('date.pick')}
          aria-describedby={`${id}-label`}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? calendarId : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M4 1v2H2v12h12V3h-2V1h-1.5v2h-5V1zM3.5 6h9v7.5h-9z" fill="currentColor" />
          </svg>
        </button>
        {open ? (
          <div
            ref={popover}
            id={calendarId}
            className="date-popover"
            role="dialog"
            aria-label={t('date.calendar', { field: frame.label })}
            onBlur={onPopoverBlur}
          >
            <DayPicker
              mode="single"
              selected={selected}
              onSelect={(day) => {
                if (day) {
                  setDraft(null);
                  onChange(localDateToIso(day));
                }
                closeToField();
              }}
              defaultMonth={selected ?? todayDate}
              today={todayDate}
              // Month and year lists: a birth date decades back is two choices away, not hundreds of pages.
              captionLayout="dropdown"
              startMonth={FIRST_MONTH}
              endMonth={new Date((todayDate ?? new Date()).getFullYear() + YEARS_AHEAD, 11)}
              locale={LOCALES[lang]}
              weekStartsOn={1}
              autoFocus
            />
          </div>
        ) : null}
      </div>
    </Frame>
  );
}
