import type { IsoDate } from '../../shared/domain/calendar';
import type { FieldErrors } from '../forms/issues';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { canRemove, memberErrorSummary, memberStatus, ROLE_LABEL, type MemberRow } from './commissionModel';

export interface MemberActions {
  /** Which row's form is open, to mark its button expanded. */
  open: { kind: 'edit' | 'end'; id: string } | null;
  onEdit(member: MemberRow, button: HTMLButtonElement): void;
  onEnd(member: MemberRow, button: HTMLButtonElement): void;
  onRemove(member: MemberRow): void;
}

interface MemberTableProps {
  id: string;
  caption: string;
  members: readonly MemberRow[];
  today: IsoDate;
  /** Errors by member id (the form's check, or the server's refusal). */
  errors: Readonly<Record<string, FieldErrors>>;
  /** Absent when the user cannot edit: the table is read-only. */
  actions?: MemberActions;
}

/** Members of the commission: name, position, role, vote, from, until (and the editor's buttons). */
export function MemberTable({ id, caption, members, today, errors, actions }: MemberTableProps) {
  const { lang, t } = useI18n();
  return (
    <table id={id} className="data-table commission-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('commission.col.name')}</th>
          <th scope="col">{t('commission.col.position')}</th>
          <th scope="col">{t('commission.col.role')}</th>
          <th scope="col">{t('commission.col.votes')}</th>
          <th scope="col">{t('commission.col.from')}</th>
          <th scope="col">{t('commission.col.until')}</th>
          {actions ? <th scope="col">{t('commission.col.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {members.map((m) => {
          const rowErrors = errors[m.id];
          const errorId = `${id}-${m.id}-errors`;
          const status = memberStatus(m, today);
          return (
            <tr key={m.id} data-member-id={m.id} className={rowErrors ? 'row-invalid' : undefined}>
              <th scope="row">
                {m.name}
                {m.unsaved ? <span className="muted"> ({t('commission.unsavedMember')})</span> : null}
                {status !== 'current' ? <span className="muted"> ({t(status === 'former' ? 'commission.status.former' : 'commission.status.future')})</span> : null}
                {rowErrors ? (
                  <p id={errorId} className="field-error" role="alert">
                    {t('commission.rowErrors', { errors: memberErrorSummary(rowErrors, lang) })}
                  </p>
                ) : null}
              </th>
              <td>{m.position}</td>
              <td>{t(ROLE_LABEL[m.role])}</td>
              <td>{m.votes ? t('commission.votes.yes') : t('commission.votes.no')}</td>
              <td className="date-cell">{formatDate(m.from, lang)}</td>
              <td className="date-cell">{m.until ? formatDate(m.until, lang) : t('common.none')}</td>
              {actions ? (
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={t('commission.edit', { name: m.name })}
                      aria-expanded={actions.open?.kind === 'edit' && actions.open.id === m.id}
                      onClick={(e) => actions.onEdit(m, e.currentTarget)}
                    >
                      {t('commission.editShort')}
                    </button>
                    {!m.until && !m.unsaved ? (
                      <button
                        type="button"
                        className="button-secondary"
                        aria-label={t('commission.end', { name: m.name })}
                        aria-expanded={actions.open?.kind === 'end' && actions.open.id === m.id}
                        onClick={(e) => actions.onEnd(m, e.currentTarget)}
                      >
                        {t('commission.endShort')}
                      </button>
                    ) : null}
                    {canRemove(m) ? (
                      <button
                        type="button"
                        className="button-secondary"
                        aria-label={t('commission.remove', { name: m.name })}
                        title={t('commission.removeHint')}
                        onClick={() => actions.onRemove(m)}
                      >
                        {t('commission.removeShort')}
                      </button>
                    ) : null}
                  </div>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
