import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CommissionMemberRecord } from '../../shared/contract/meetingSchemas';
import { validationMessage } from '../../shared/contract/validationMessages';
import type { IsoDate } from '../../shared/domain/calendar';
import { COMMISSION_ROLES, type CommissionRole } from '../../shared/domain/voting';
import type { Gender } from '../../shared/domain/documents/signers';
import { RadioGroupField, SelectField, TextField } from '../components/fields';
import { DateField } from '../components/DateField';
import { FormFooter } from '../components/FormFooter';
import { useTouched } from '../forms/useTouched';
import { useI18n } from '../i18n/I18nProvider';
import { movesToAction } from './focusMoves';
import { useUserOptions } from '../users/useUserOptions';
import {
  checkMember,
  defaultUntil,
  memberFormValues,
  newMemberValues,
  ROLE_LABEL,
  withRole,
  type MemberFormValues,
  type MemberRow,
} from './commissionModel';

export type MemberFormMode = 'add' | 'edit' | 'end';

interface MemberFormProps {
  mode: MemberFormMode;
  /** The member's id: a fresh one for 'add'. */
  id: string;
  /** The member edited or ended (absent for 'add'). */
  member?: MemberRow;
  /** Everyone on the list (the member itself is left out of the checks). */
  members: readonly MemberRow[];
  today: IsoDate;
  onApply(member: CommissionMemberRecord): void;
  onCancel(): void;
}

type Field = keyof MemberFormValues;

/**
 * Add, edit or end one member. Nothing is sent from here: the member goes onto the list, and the
 * commission is saved as a whole (`commission.save`).
 */
export function MemberForm({ mode, id, member, members, today, onApply, onCancel }: MemberFormProps) {
  const { lang, t } = useI18n();
  const [values, setValues] = useState<MemberFormValues>(() => {
    if (!member) return newMemberValues(today);
    const v = memberFormValues(member);
    return mode === 'end' ? { ...v, until: v.until || defaultUntil(member, today) } : v;
  });
  const [votesSet, setVotesSet] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const touched = useTouched<Field>();
  const first = useRef<HTMLDivElement>(null);
  const users = useUserOptions();

  // The form opens where the user will type: the focus moves to its first field.
  useEffect(() => {
    first.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const { member: checked, errors } = checkMember(values, id, members);
  const errorOf = (field: Field): string | undefined => {
    const key = (submitted || touched.isTouched(field)) && errors[field];
    return key ? validationMessage(key, lang) : undefined;
  };
  const update = (patch: Partial<MemberFormValues>, field: Field) => {
    setValues((v) => ({ ...v, ...patch }));
    touched.markChanged(field);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    // Ending a membership needs its last day; an empty one would leave it running.
    if (mode === 'end' && values.until.trim() === '') return;
    if (checked) onApply(checked);
  };

  const name = member?.name ?? '';
  const title = mode === 'add' ? t('commission.addTitle') : mode === 'edit' ? t('commission.editTitle', { name }) : t('commission.endTitle', { name });
  const roleOptions = COMMISSION_ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }));
  const votesHint = values.role === 'chair' ? t('commission.field.votesChairHint') : values.role === 'secretary' ? t('commission.field.votesSecretaryHint') : undefined;

  return (
    <section className="panel commission-panel" aria-labelledby="member-form-title">
      <h2 id="member-form-title">{title}</h2>
      <form onSubmit={submit} noValidate>
        <div ref={first}>
          {mode === 'end' ? (
            <>
              <p>{t('commission.endIntro')}</p>
              <DateField
                id="member-until"
                label={t('commission.field.until')}
                hint={t('commission.field.dateHint')}
                required
                value={values.until}
                onChange={(until) => update({ until }, 'until')}
                onBlur={(e) => !movesToAction(e.relatedTarget) && touched.leave('until')}
                error={errorOf('until') ?? (submitted && values.until.trim() === '' ? validationMessage('required', lang) : undefined)}
              />
            </>
          ) : (
            <>
              <div className="field-grid">
                <TextField
                  id="member-name"
                  label={t('commission.field.name')}
                  required
                  value={values.name}
                  onChange={(v) => update({ name: v }, 'name')}
                  onBlur={(e) => !movesToAction(e.relatedTarget) && touched.leave('name')}
                  error={errorOf('name')}
                  autoComplete="name"
                />
                <TextField
                  id="member-position"
                  label={t('commission.field.position')}
                  hint={t('commission.field.positionHint')}
                  required
                  value={values.position}
                  onChange={(position) => update({ position }, 'position')}
                  onBlur={(e) => !movesToAction(e.relatedTarget) && touched.leave('position')}
                  error={errorOf('position')}
                />
              </div>
              <RadioGroupField
                id="member-role"
                legend={t('commission.field.role')}
                required
                value={values.role}
                options={roleOptions}
                error={errorOf('role')}
                onChange={(role) => {
                  setValues((v) => withRole(v, role as CommissionRole, votesSet));
                  touched.markChanged('role');
                  touched.touch('role');
                }}
              />
              <div className="check">
                <input
                  id="member-votes"
                  type="checkbox"
                  checked={values.role === 'chair' ? true : values.votes}
                  disabled={values.role === 'chair'}
                  aria-describedby={votesHint ? 'member-votes-hint' : undefined}
                  onChange={(e) => {
                    setVotesSet(true);
                    update({ votes: e.target.checked }, 'votes');
                  }}
                />
                <label htmlFor="member-votes">{t('commission.field.votes')}</label>
              </div>
              {votesHint ? (
                <p id="member-votes-hint" className="field-hint commission-votes-hint">
                  {votesHint}
                </p>
              ) : null}
              {errorOf('votes') ? (
                <p className="field-error" role="alert">
                  {errorOf('votes')}
                </p>
              ) : null}
              {/* Issue 12: who signs the minutes (V-77 p. 9) and proposals (p. 10) for this member. */}
              <RadioGroupField
                id="member-gender"
                legend={t('commission.field.gender')}
                hint={t('commission.field.genderHint')}
                value={values.gender}
                options={[
                  { value: 'male', label: t('commission.field.male') },
                  { value: 'female', label: t('commission.field.female') },
                ]}
                onChange={(gender) => update({ gender: gender as Gender }, 'gender')}
              />
              <div className="field-grid">
                <TextField
                  id="member-personal-code"
                  label={t('commission.field.personalCode')}
                  hint={t('commission.field.personalCodeHint')}
                  inputMode="numeric"
                  value={values.personalCode}
                  onChange={(personalCode) => update({ personalCode }, 'personalCode')}
                  onBlur={(e) => !movesToAction(e.relatedTarget) && touched.leave('personalCode')}
                  error={errorOf('personalCode')}
                />
                {users ? (
                  <SelectField
                    id="member-user"
                    label={t('commission.field.user')}
                    hint={t('commission.field.userHint')}
                    placeholder={t('commission.field.noUser')}
                    value={values.userId}
                    options={values.userId === '' || users.some((u) => u.value === values.userId) ? users : [...users, { value: values.userId, label: t('commission.field.unknownUser') }]}
                    onChange={(userId) => update({ userId }, 'userId')}
                  />
                ) : (
                  <p className="field-hint" id="member-user-hint">
                    {t('commission.field.userAdminOnly')}
                  </p>
                )}
              </div>
              <div className="field-grid">
                <DateField
                  id="member-from"
                  label={t('commission.field.from')}
                  hint={t('commission.field.dateHint')}
                  required
                  value={values.from}
                  onChange={(from) => update({ from }, 'from')}
                  onBlur={(e) => !movesToAction(e.relatedTarget) && touched.leave('from')}
                  error={errorOf('from')}
                />
                {mode === 'edit' ? (
                  <TextField
                    id="member-until"
                    label={t('commission.field.until')}
                    hint={t('commission.field.untilHint')}
                    value={values.until}
                    onChange={(until) => update({ until }, 'until')}
                    onBlur={(e) => !movesToAction(e.relatedTarget) && touched.leave('until')}
                    error={errorOf('until')}
                  />
                ) : null}
              </div>
            </>
          )}
        </div>
        <p className="field-hint">{t('commission.applyHint')}</p>
        <FormFooter
          form={{ error: null, busy: false }}
          label={mode === 'add' ? t('commission.applyAdd') : mode === 'edit' ? t('commission.applyEdit') : t('commission.applyEnd')}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}
