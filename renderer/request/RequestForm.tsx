import { useEffect, useState, type FormEvent } from 'react';
import type { CaseView, RequestInput, Settings } from '../../shared/contract/schemas';
import { validationMessage } from '../../shared/contract/validationMessages';
import type { IsoDate } from '../../shared/domain/calendar';
import { ApiError, call, toApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { DateField } from '../components/DateField';
import { SelectField, TextField } from '../components/fields';
import { fieldErrorsFromServer, type FieldErrors } from '../forms/issues';
import { useTouched } from '../forms/useTouched';
import { useI18n } from '../i18n/I18nProvider';
import { DuplicateNotice, isTermFlag, RequestFlags } from './RequestFlags';
import {
  DATE_FIELDS,
  REQUEST_FIELDS,
  flagQueryOf,
  flagsWorthShowing,
  halfwayHouseOptions,
  servingOptions,
  validateRequest,
  type RequestField,
  type RequestFormValues,
} from './requestForm';

type RequestFlag = CaseView['flags'][number];

const FLAG_CHECK_DELAY_MS = 300;

interface RequestFormProps {
  settings: Settings;
  today: IsoDate;
  initial: RequestFormValues;
  /** When correcting a registered case: it is not its own earlier refusal (V-77 p. 19). */
  excludeCaseId?: string;
  submitLabel: string;
  /** Resolves when done; throws (an ApiError) to have the form show why it was refused. */
  onSubmit(input: RequestInput): Promise<void>;
  onCancel?(): void;
}

const GROUPS: readonly { legend: 'request.convict' | 'request.request' | 'request.terms'; fields: readonly RequestField[] }[] = [
  { legend: 'request.convict', fields: ['firstName', 'lastName', 'personalFileNo', 'birthDate'] },
  { legend: 'request.request', fields: ['servingInstitutionId', 'halfwayHouseInstitutionId', 'requestDate'] },
  { legend: 'request.terms', fields: ['possibleTransferDate', 'possibleParoleDate', 'sentenceEnd'] },
];

/** The request of V-77 p. 5: checked against the contract's schema as the user types. */
export function RequestForm({ settings, today, initial, excludeCaseId, submitLabel, onSubmit, onCancel }: RequestFormProps) {
  const { lang, t } = useI18n();
  const [values, setValues] = useState<RequestFormValues>(initial);
  const touched = useTouched<RequestField>();
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [flags, setFlags] = useState<readonly RequestFlag[]>([]);

  const { input, errors } = validateRequest(values, today);

  // V-77 p. 5 and p. 19, shown while the user types: they warn, they do not block. Issue 17: so
  // does another open case of the same convict, which registering would be refused for.
  const { personalFileNo, requestDate, possibleTransferDate } = values;
  useEffect(() => {
    const query = flagQueryOf({ personalFileNo, requestDate, possibleTransferDate }, today);
    if (!query) {
      setFlags([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('cases.checkRequest', { ...query.check, ...(excludeCaseId ? { excludeCaseId } : {}) }).then(
        (result) => current && setFlags(flagsWorthShowing(result.flags, query)),
        // Advisory only: registering reports any real problem.
        () => current && setFlags([]),
      );
    }, FLAG_CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [personalFileNo, requestDate, possibleTransferDate, excludeCaseId, today]);

  const change = (field: RequestField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    touched.markChanged(field);
    setServerErrors(({ [field]: _dropped, ...rest }) => rest);
  };
  const errorOf = (field: RequestField): string | undefined => {
    const key = serverErrors[field] ?? (touched.isTouched(field) ? errors[field] : undefined);
    return key ? validationMessage(key, lang) : undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!input) return;
    setSubmitting(true);
    setError(null);
    try {
      await onSubmit(input);
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError);
      setServerErrors(fieldErrorsFromServer(apiError.fields, 'request.'));
    } finally {
      setSubmitting(false);
    }
  };

  const serving = servingOptions(settings).map((o) => ({
    value: o.id,
    label: o.own ? t('request.ownInstitution', { name: o.institution }) : o.institution,
  }));
  const houses = halfwayHouseOptions(settings).map((o) => ({
    value: o.id,
    label: t('request.halfwayOption', { house: o.halfwayHouse, institution: o.institution }),
  }));
  const duplicate = flags.find((f) => f.rule === 'duplicate');
  const invalidFields = REQUEST_FIELDS.filter((f) => errors[f] !== undefined || serverErrors[f] !== undefined);

  const renderField = (field: RequestField) => {
    const common = {
      id: `request-${field}`,
      label: t(`field.${field}`),
      required: true,
      value: values[field],
      error: errorOf(field),
    };
    if (field === 'servingInstitutionId' || field === 'halfwayHouseInstitutionId') {
      const options = field === 'servingInstitutionId' ? serving : houses;
      return (
        <SelectField
          key={field}
          {...common}
          options={options}
          placeholder={t('request.choose')}
          hint={field === 'halfwayHouseInstitutionId' && houses.length === 0 ? t('request.noHalfwayHouses') : undefined}
          onChange={(value) => {
            change(field, value);
            touched.touch(field);
          }}
          onBlur={() => touched.leave(field)}
        />
      );
    }
    if (DATE_FIELDS.has(field)) {
      return (
        <DateField
          key={field}
          {...common}
          hint={t('request.dateHint')}
          today={today}
          onChange={(value) => change(field, value)}
          onBlur={() => touched.leave(field)}
        />
      );
    }
    return <TextField key={field} {...common} autoComplete="off" onChange={(value) => change(field, value)} onBlur={() => touched.leave(field)} />;
  };

  return (
    <form className="request-form" onSubmit={(e) => void submit(e)} noValidate>
      {GROUPS.map((group) => (
        <fieldset key={group.legend}>
          <legend>{t(group.legend)}</legend>
          <div className="field-grid">{group.fields.map(renderField)}</div>
        </fieldset>
      ))}
      <div aria-live="polite">
        {duplicate ? <DuplicateNotice flag={duplicate} /> : null}
        {flags.some(isTermFlag) ? (
          <>
            <RequestFlags flags={flags} />
            <p className="field-hint">{t('request.flagsNote')}</p>
          </>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={!input || submitting} aria-describedby="request-missing">
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        <p id="request-missing" className="field-hint">
          {invalidFields.length > 0 ? t('request.missing', { fields: invalidFields.map((f) => t(`field.${f}`)).join(', ') }) : ''}
        </p>
      </div>
    </form>
  );
}
