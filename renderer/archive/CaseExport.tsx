import { useState, type FormEvent } from 'react';
import type { WrittenPackage } from '../../shared/contract/archiveSchemas';
import type { CaseView } from '../../shared/contract/schemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { call } from '../api/client';
import { NoticeSpot } from '../components/ErrorNotice';
import { FormFooter } from '../components/FormFooter';
import { DateField } from '../components/DateField';
import { useCheckedForm } from '../forms/useCheckedForm';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { checkProtection, checkSend, emptyProtection, type ProtectionInput, type ProtectionValues, type SendInput, type SendValues } from './archiveModel';
import { ProtectionFields } from './ProtectionFields';
import { WrittenPackageView } from './WrittenPackageView';
import './archive.css';

/** Run a change on the case the way the case page does (it shows the case returned, or reloads on CASE_CHANGED). */
/** The case page's change: `at` names the spot where its message appears (issue 17: next to the control). */
type ChangeCase = (action: (v: CaseView) => Promise<CaseView>, done: string | ((next: CaseView) => string), at?: string) => Promise<void>;

interface CaseExportProps {
  view: CaseView;
  today: IsoDate;
  /** The archivist exports the whole case. */
  canExport: boolean;
  /** The secretary sends the dossier to another institution (V-77 p. 7). */
  canSend: boolean;
  onChange: ChangeCase;
}

interface Written {
  written: WrittenPackage;
  protectedByPassword: boolean;
}

/** The archivist's confirmation: the personal-data warning ticked, an optional password; then archive.exportCase. */
function ExportForm({ caseId, onWritten, onCancel }: { caseId: string; onWritten(w: Written): void; onCancel(): void }) {
  const { t } = useI18n();
  const form = useCheckedForm<ProtectionValues, ProtectionInput>(emptyProtection, checkProtection);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async (input) => {
      const written = await call('archive.exportCase', { caseId, ...input });
      onWritten({ written, protectedByPassword: input.password !== undefined });
    });
  };
  return (
    <form className="panel archive-form" data-form="exportCase" onSubmit={submit} noValidate aria-labelledby="export-case-title">
      <h3 id="export-case-title">{t('archive.case.exportTitle')}</h3>
      <p className="field-hint">{t('archive.case.exportHint')}</p>
      <ProtectionFields
        idPrefix="export-case"
        confirmed={form.values.personalData}
        onConfirmed={(v) => form.set('personalData', v)}
        confirmError={form.errorOf('personalData')}
        password={form.field('password')}
        repeat={form.field('repeat')}
      />
      {form.busy ? <p role="status">{t('archive.case.working')}</p> : null}
      <FormFooter form={form} label={t('archive.case.exportConfirm')} onCancel={onCancel} />
    </form>
  );
}

/** The secretary's p. 7 sending: the date, the warning, an optional password; archive.sendDossier moves the case to "dossier sent". */
function SendForm({ view, today, onChange, onSent, onCancel }: { view: CaseView; today: IsoDate; onChange: ChangeCase; onSent(w: Written): void; onCancel(): void }) {
  const { lang, t } = useI18n();
  const notBefore = view.lastStepOn;
  const form = useCheckedForm<SendValues, SendInput>({ ...emptyProtection, on: today }, (v) => checkSend(v, { today, notBefore }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit((input) =>
      // The case's latest revision (v): the sending is a step of the case (V-77 p. 7), refused if someone moved it meanwhile.
      onChange(async (v) => {
        const sent = await call('archive.sendDossier', { caseId: v.record.id, revision: v.record.revision, ...input });
        onSent({ written: sent.package, protectedByPassword: input.password !== undefined });
        return sent.case;
      }, t('archive.case.sent'), 'archive'),
    );
  };
  return (
    <form className="panel archive-form" data-form="sendDossier" onSubmit={submit} noValidate aria-labelledby="send-dossier-title">
      <h3 id="send-dossier-title">{t('archive.case.sendTitle')}</h3>
      <p className="field-hint">{t('archive.case.sendHint', { house: view.record.request.halfwayHouse.name })}</p>
      <DateField id="send-dossier-on" label={t('archive.case.sendOn')} hint={t('archive.case.sendOnHint', { date: formatDate(notBefore, lang) })} required {...form.field('on')} />
      <ProtectionFields
        idPrefix="send-dossier"
        confirmed={form.values.personalData}
        onConfirmed={(v) => form.set('personalData', v)}
        confirmError={form.errorOf('personalData')}
        password={form.field('password')}
        repeat={form.field('repeat')}
      />
      {form.busy ? <p role="status">{t('archive.case.working')}</p> : null}
      <FormFooter form={form} label={t('archive.case.sendConfirm')} onCancel={onCancel} />
    </form>
  );
}

/**
 * The case page's packages (issue 15): the archivist exports the whole case; the secretary sends
 * the dossier to the other institution's director when the case may be sent now (route 'sends',
 * V-77 p. 7); the package the dossier went in, once sent. Each package written shows its path on
 * this machine, its size and its SHA-256.
 */
export function CaseExport({ view, today, canExport, canSend, onChange }: CaseExportProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'export' | 'send' | null>(null);
  const [written, setWritten] = useState<(Written & { kind: 'export' | 'send' }) | null>(null);
  const sendable = canSend && view.route === 'sends' && view.nextStates.includes('dossier_sent');
  const sentPackage = view.record.facts.dossierSent?.package;
  if (!canExport && !sendable && !sentPackage && !written) return null;

  const toggle = (which: 'export' | 'send') => setOpen((o) => (o === which ? null : which));
  const done = (kind: 'export' | 'send') => (w: Written) => {
    setWritten({ ...w, kind });
    setOpen(null);
  };

  return (
    <section className="panel case-archive" aria-labelledby="case-archive-title">
      <h2 id="case-archive-title">{t('archive.case.title')}</h2>
      {sentPackage ? (
        <dl className="data-list dossier-sent-package">
          <div>
            <dt>{t('archive.case.sentPackage')}</dt>
            <dd>{sentPackage.name}</dd>
          </div>
          <div>
            <dt>{t('archive.written.sha256')}</dt>
            <dd>
              <code className="written-sha256">{sentPackage.sha256}</code>
            </dd>
          </div>
        </dl>
      ) : null}
      {canExport || sendable ? (
        <div className="case-archive-buttons">
          {canExport ? (
            <button type="button" className={open === 'export' ? 'button-secondary is-open' : 'button-secondary'} aria-expanded={open === 'export'} onClick={() => toggle('export')}>
              {t('archive.case.export')}
            </button>
          ) : null}
          {sendable ? (
            <button type="button" className={open === 'send' ? 'button-secondary is-open' : 'button-secondary'} aria-expanded={open === 'send'} onClick={() => toggle('send')}>
              {t('archive.case.send')}
            </button>
          ) : null}
        </div>
      ) : null}
      {open === 'export' ? <ExportForm caseId={view.record.id} onWritten={done('export')} onCancel={() => setOpen(null)} /> : null}
      {open === 'send' && sendable ? <SendForm view={view} today={today} onChange={onChange} onSent={done('send')} onCancel={() => setOpen(null)} /> : null}
      <NoticeSpot at="archive" />
      <div aria-live="polite">
        {written ? (
          <div className="archive-result" data-written={written.kind}>
            {/* The dossier sent is announced by the case page with the case it moved. */}
            {written.kind === 'export' ? <p className="notice notice-ok">{t('archive.case.exported')}</p> : <h3>{t('archive.written.title')}</h3>}
            <WrittenPackageView written={written.written} protectedByPassword={written.protectedByPassword} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
