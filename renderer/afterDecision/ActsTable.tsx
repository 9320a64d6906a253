import { useEffect, useRef, useState } from 'react';
import type { ReceivedAct } from '../../shared/contract/schemas';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { DocumentViewer, type ViewedDocument } from '../dossier/DocumentViewer';
import { kindAndSize } from '../dossier/upload';
import { saveFile } from '../documents/documentFiles';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { actKindLabel } from './actNames';
import { actsNewestFirst, viewerKindOf } from './afterDecisionModel';

/**
 * The documents received from elsewhere (V-77 p. 8, 17, 18, 47, 51), kept for the personal file
 * (p. 49): each with its number, dates and issuer, its copy opened in the app or saved.
 */
export function ActsTable({ caseId, acts }: { caseId: string; acts: readonly ReceivedAct[] | undefined }) {
  const { lang, t } = useI18n();
  const [viewed, setViewed] = useState<ViewedDocument | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const viewer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (viewed) viewer.current?.scrollIntoView({ block: 'nearest' });
  }, [viewed]);
  const rows = actsNewestFirst(acts);
  if (rows.length === 0) return null;

  const read = async (act: ReceivedAct, how: 'open' | 'save') => {
    setError(null);
    try {
      const file = await call('cases.readAct', { caseId, actId: act.id });
      const kind = viewerKindOf(file.mediaType);
      if (how === 'open' && kind) setViewed({ name: file.name, kind, bytes: file.bytes });
      else saveFile(file.name, file.bytes, file.mediaType);
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <section className="after-block" aria-labelledby="acts-title">
      <h3 id="acts-title">{t('after.acts.title')}</h3>
      <table className="data-table acts-table">
        <caption className="visually-hidden">{t('after.acts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('after.acts.col.kind')}</th>
            <th scope="col">{t('after.acts.col.number')}</th>
            <th scope="col">{t('after.acts.col.received')}</th>
            <th scope="col">{t('after.acts.col.issuer')}</th>
            <th scope="col">{t('after.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} data-act={a.id} data-kind={a.kind}>
              <th scope="row">
                {actKindLabel(a.kind, t, lang)}
                {a.granted !== undefined ? <span className="act-granted"> – {t(a.granted ? 'after.act.granted.yes' : 'after.act.granted.no')}</span> : null}
                {a.note ? <span className="field-hint act-note">{a.note}</span> : null}
              </th>
              <td>{t('after.numberDate', { number: a.number, date: formatDate(a.date, lang) })}</td>
              <td>{formatDate(a.receivedOn, lang)}</td>
              <td>{a.issuer}</td>
              <td className="row-actions">
                <button type="button" className="button-secondary" aria-label={t('after.acts.openNamed', { number: a.number })} title={kindAndSize(a.file.mediaType.split('/')[1] ?? '', a.file.size, lang)} onClick={() => void read(a, 'open')}>
                  {t('after.acts.open')}
                </button>
                <button type="button" className="button-secondary" aria-label={t('after.acts.downloadNamed', { number: a.number })} onClick={() => void read(a, 'save')}>
                  {t('after.acts.download')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <ErrorNotice error={error} /> : null}
      {viewed ? (
        <div ref={viewer} className="document-viewer">
          <DocumentViewer document={viewed} onClose={() => setViewed(null)} />
        </div>
      ) : null}
    </section>
  );
}
