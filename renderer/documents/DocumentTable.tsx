import type { DocumentItem } from '../../shared/contract/documentSchemas';
import { formatDate, formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { routeHref } from '../router/routes';
import { numberOf, statusOf, versionsOf, awaitedText } from './documentsModel';
import { LongTermControl } from './LongTermControl';

/** What a row's buttons do: `version` absent means the latest. */
export interface DocumentActions {
  onOpen(item: DocumentItem, version?: number): void;
  onDownload(item: DocumentItem, version?: number): void;
  /** Offered on the rows `correctable` allows (a correction is a new document). */
  onCorrect?(item: DocumentItem): void;
  correctable?(item: DocumentItem): boolean;
}

interface DocumentTableProps extends DocumentActions {
  documents: readonly DocumentItem[];
  /** Every document the rows may refer to (the one replacing or replaced); default `documents`. */
  all?: readonly DocumentItem[];
  caption: string;
  /** Show whom each document concerns, linked to the case or the meeting (on the page of all documents). */
  showAbout?: boolean;
}

/** Who signed, when, and who is still awaited. */
function Signatures({ item }: { item: DocumentItem }) {
  const { lang, t } = useI18n();
  const status = statusOf(item);
  return (
    <>
      {item.signatures.length > 0 ? (
        <ul className="document-signatures">
          {item.signatures.map((s) => (
            <li key={`${s.role}-${s.at}`}>
              {t('documents.signedBy', { name: s.signerName, role: t(`documents.role.${s.role}`), at: formatMoment(s.at, lang) })}
              {s.timestamp ? <span className="muted"> ({t('documents.timestamped')})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {status === 'awaiting' ? (
        <p className="document-awaiting">{t('documents.awaiting', { roles: awaitedText(item, t) })}</p>
      ) : status === 'signed' ? (
        <p className="document-complete">{t('documents.allSigned')}</p>
      ) : null}
      <LongTermControl item={item} />
    </>
  );
}

/** The document's earlier versions: as issued, then after each signature; each can be opened or saved. */
function Versions({ item, onOpen, onDownload }: { item: DocumentItem } & Pick<DocumentActions, 'onOpen' | 'onDownload'>) {
  const { lang, t } = useI18n();
  const versions = versionsOf(item);
  return (
    <details className="document-versions">
      <summary>{t('documents.versions', { count: versions.length })}</summary>
      <ul aria-label={t('documents.versionsOf', { number: item.registrationNumber })}>
        {versions.map((v) => {
          const name = t('documents.versionName', { number: item.registrationNumber, version: v.version });
          return (
            <li key={v.version} data-version={v.version}>
              <span>
                {v.signature
                  ? t('documents.version.signed', { version: v.version, name: v.signature.signerName, at: formatMoment(v.at, lang) })
                  : v.extension
                    ? t('documents.version.extended', { version: v.version, level: v.extension.level, at: formatMoment(v.at, lang) })
                    : t('documents.version.issued', { version: v.version, at: formatMoment(v.at, lang) })}
              </span>
              <span className="row-actions">
                <button type="button" className="button-secondary" aria-label={t('documents.openNamed', { number: name })} onClick={() => onOpen(item, v.version)}>
                  {t('documents.open')}
                </button>
                <button type="button" className="button-secondary" aria-label={t('documents.downloadNamed', { number: name })} onClick={() => onDownload(item, v.version)}>
                  {t('documents.download')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** Whom a document concerns, linked to its meeting or its one case (the list concerns many). */
function About({ item }: { item: DocumentItem }) {
  const [caseId] = item.caseIds;
  if (item.meetingId !== undefined) return <a href={routeHref({ name: 'meeting', id: item.meetingId })}>{item.subject}</a>;
  if (item.caseIds.length === 1 && caseId !== undefined) return <a href={routeHref({ name: 'case', id: caseId })}>{item.subject}</a>;
  return <>{item.subject}</>;
}

/** Generated documents: number, date, what it is, its signatures, and what can be done with it. */
export function DocumentTable({ documents, all = documents, caption, showAbout = false, onOpen, onDownload, onCorrect, correctable }: DocumentTableProps) {
  const { lang, t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table documents-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.col.number')}</th>
            <th scope="col">{t('documents.col.date')}</th>
            <th scope="col">{t('documents.col.document')}</th>
            {showAbout ? <th scope="col">{t('documents.col.about')}</th> : null}
            <th scope="col">{t('documents.col.signatures')}</th>
            <th scope="col">{t('documents.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((item) => {
            const number = item.registrationNumber;
            return (
              <tr key={item.id} data-document-id={item.id} data-kind={item.kind} data-status={statusOf(item)}>
                <th scope="row">{number}</th>
                <td className="date-cell">{formatDate(item.date, lang)}</td>
                <td>
                  <span className="document-title">
                    <strong>{item.documentType}</strong> {item.title}
                  </span>
                  {item.replacedBy !== undefined ? <p className="document-replaced">{t('documents.replacedBy', { number: numberOf(all, item.replacedBy) })}</p> : null}
                  {/* V-77 p. 51: an upheld appeal put the act out of force; it is kept as it was, marked. */}
                  {item.annulledBy !== undefined && item.replacedBy === undefined ? (
                    <p className="document-replaced document-annulled">{t('documents.annulled')}</p>
                  ) : null}
                  {item.replaces !== undefined ? <p className="muted">{t('documents.replaces', { number: numberOf(all, item.replaces) })}</p> : null}
                </td>
                {showAbout ? (
                  <td>
                    <About item={item} />
                  </td>
                ) : null}
                <td>
                  <Signatures item={item} />
                </td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="button-secondary" aria-label={t('documents.openNamed', { number })} onClick={() => onOpen(item)}>
                      {t('documents.open')}
                    </button>
                    <button type="button" className="button-secondary" aria-label={t('documents.downloadNamed', { number })} onClick={() => onDownload(item)}>
                      {t('documents.download')}
                    </button>
                    {onCorrect && correctable?.(item) ? (
                      <button type="button" className="button-secondary" aria-label={t('documents.correctNamed', { number })} onClick={() => onCorrect(item)}>
                        {t('documents.correct')}
                      </button>
                    ) : null}
                  </div>
                  {item.signatures.length > 0 ? <Versions item={item} onOpen={onOpen} onDownload={onDownload} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
