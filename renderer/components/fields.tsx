import type { ChangeEvent, FocusEvent, ReactNode } from 'react';

export interface FieldFrame {
  id: string;
  label: string;
  /** The error to show under the field (already translated); the field is then marked invalid. */
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}

export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((s) => s !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A field's label (its id `<id>-label`, for controls that name the field), hint and error around its control. */
export function Frame({ id, label, error, hint, required, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <span className="field-label">
        <label id={`${id}-label`} htmlFor={id}>
          {label}
        </label>
        {/* Outside the label, so that the field's name is the label alone; aria-required tells it. */}
        {required ? (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        ) : null}
      </span>
      {hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface TextFieldProps extends FieldFrame {
  value: string;
  onChange(value: string): void;
  /** The field lost the focus (`event.relatedTarget`: where the focus went). */
  onBlur?(event: FocusEvent<HTMLInputElement>): void;
  type?: 'text' | 'number' | 'search' | 'password';
  inputMode?: 'text' | 'numeric';
  autoComplete?: string;
  placeholder?: string;
  min?: number;
  max?: number;
}

export function TextField({ value, onChange, onBlur, type = 'text', inputMode, autoComplete = 'off', placeholder, min, max, ...frame }: TextFieldProps) {
  return (
    <Frame {...frame}>
      <input
        id={frame.id}
        type={type}
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        onBlur={onBlur}
        inputMode={inputMode}
        autoComplete={autoComplete}
        placeholder={placeholder}
        min={min}
        max={max}
        aria-required={frame.required || undefined}
        aria-invalid={frame.error ? true : undefined}
        aria-describedby={describedBy(frame.id, frame.hint, frame.error)}
      />
    </Frame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends FieldFrame {
  value: string;
  options: readonly SelectOption[];
  /** The label of the empty choice; without it there is none. */
  placeholder?: string;
  onChange(value: string): void;
  onBlur?(): void;
}

export function SelectField({ value, options, placeholder, onChange, onBlur, ...frame }: SelectFieldProps) {
  return (
    <Frame {...frame}>
      <select
        id={frame.id}
        value={value}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-required={frame.required || undefined}
        aria-invalid={frame.error ? true : undefined}
        aria-describedby={describedBy(frame.id, frame.hint, frame.error)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

interface TextAreaFieldProps extends FieldFrame {
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  onFocus?(): void;
  rows?: number;
  maxLength?: number | undefined;
}

export function TextAreaField({ value, onChange, onBlur, onFocus, rows = 3, maxLength, ...frame }: TextAreaFieldProps) {
  return (
    <Frame {...frame}>
      <textarea
        id={frame.id}
        value={value}
        rows={rows}
        maxLength={maxLength}
        onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
        onBlur={onBlur}
        onFocus={onFocus}
        aria-required={frame.required || undefined}
        aria-invalid={frame.error ? true : undefined}
        aria-describedby={describedBy(frame.id, frame.hint, frame.error)}
      />
    </Frame>
  );
}

interface RadioGroupFieldProps {
  id: string;
  /** The question, as the legend of the group. */
  legend: string;
  /** The chosen option's value ('' when none is chosen). */
  value: string;
  options: readonly SelectOption[];
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  /** Extra classes of the group (e.g. the meeting's assessment colours). */
  className?: string;
  onChange(value: string): void;
}

/** A required choice of one among a few options, each with its own label; the legend names the group. */
export function RadioGroupField({ id, legend, value, options, error, hint, required, className, onChange }: RadioGroupFieldProps) {
  return (
    <fieldset
      id={id}
      role="radiogroup"
      className={['field', 'radio-group', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}
      data-value={value || undefined}
      aria-labelledby={`${id}-legend`}
      aria-required={required || undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend id={`${id}-legend`}>
        {legend}
        {required ? (
          <span className="required-mark" aria-hidden="true">
            {' '}*
          </span>
        ) : null}
      </legend>
      {hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      {options.map((o) => {
        const optionId = `${id}-${o.value.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        return (
          <div key={o.value} className="radio-option">
            <input
              id={optionId}
              type="radio"
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <label htmlFor={optionId}>{o.label}</label>
          </div>
        );
      })}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

interface FileFieldProps extends FieldFrame {
  /** The file types the picker offers (the back end checks the content whatever the name says). */
  accept: string;
  onFile: (file: File | null) => void;
}

/** A file picker in the field frame (the revocation and trusted-list imports, issue 12, 18). */
export function FileField({ accept, onFile, ...frame }: FileFieldProps) {
  return (
    <Frame {...frame}>
      <input id={frame.id} type="file" accept={accept} aria-describedby={describedBy(frame.id, frame.hint, frame.error)} onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
    </Frame>
  );
}
