import { useState, type FocusEvent } from 'react';
import { ApiError, toApiError } from '../api/client';
import { fieldMessage, type Checked } from '../auth/authForms';
import { useI18n } from '../i18n/I18nProvider';
import { fieldErrorsFromServer, type FieldErrors } from './issues';
import { useTouched } from './useTouched';

type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export interface CheckedForm<V, T> {
  values: V;
  set<K extends keyof V & string>(field: K, value: V[K]): void;
  /** The props a TextField needs for a string field: value, change, leave and the error to show. */
  field<K extends StringKeys<V>>(name: K): {
    value: string;
    onChange(value: string): void;
    onBlur(event: FocusEvent<HTMLInputElement>): void;
    error: string | undefined;
  };
  /** The error text of any field (e.g. a group of checkboxes), once it may be shown. */
  errorOf(name: string): string | undefined;
  /** True once the user tried to submit a form that is not valid. */
  showSummary: boolean;
  error: ApiError | null;
  busy: boolean;
  /** Check, then run `action` with the valid input; a refusal shows on the form. */
  submit(action: (input: T) => Promise<void>): Promise<void>;
}

function isSubmitButton(target: EventTarget | null): boolean {
  return target instanceof HTMLButtonElement && target.type === 'submit';
}

/**
 * A small form checked against the contract as the user types: a field shows its error once the
 * user has worked on it, every field once they try to submit; the back end's refusal shows with its
 * code and on the fields it names.
 */
export function useCheckedForm<V, T>(initial: V, checkValues: (values: V) => Checked<T>): CheckedForm<V, T> {
  const { lang } = useI18n();
  const [values, setValues] = useState<V>(initial);
  const touched = useTouched<string>();
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const checked = checkValues(values);

  const set = <K extends keyof V & string>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    touched.markChanged(field);
    setServerErrors(({ [field]: _dropped, ...rest }) => rest);
  };
  const errorOf = (name: string): string | undefined => {
    const key = serverErrors[name] ?? (submitted || touched.isTouched(name) ? checked.errors[name] : undefined);
    return key ? fieldMessage(key, lang) : undefined;
  };

  return {
    values,
    set,
    field: (name) => ({
      value: values[name] as string,
      onChange: (value: string) => set(name, value as V[typeof name]),
      onBlur: (event: FocusEvent<HTMLInputElement>) => {
        // Leaving for the submit button: submitting shows every error at once. Showing this one now
        // would move the button away from under the pointer before the click lands.
        if (!isSubmitButton(event.relatedTarget)) touched.leave(name);
      },
      error: errorOf(name),
    }),
    errorOf,
    showSummary: submitted && checked.input === null,
    error,
    busy,
    submit: async (action) => {
      setSubmitted(true);
      if (checked.input === null) return;
      setBusy(true);
      setError(null);
      try {
        await action(checked.input);
      } catch (e) {
        const apiError = toApiError(e);
        setError(apiError);
        setServerErrors(fieldErrorsFromServer(apiError.fields));
      } finally {
        setBusy(false);
      }
    },
  };
}
