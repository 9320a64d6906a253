import { useEffect, useRef, useState } from 'react';
import { DOSSIER_ITEMS, type DossierItemId } from '../../shared/domain/dossierItems';
import { ErrorNotice } from '../components/ErrorNotice';
import { useI18n } from '../i18n/I18nProvider';
import { FilePreview } from './FilePreview';
import { displayPath, kindAndSize, type Prepared } from './upload';

/** Where each file goes: an item, or not loaded. '' = not yet placed. */
export type Placement = DossierItemId | 'skip' | '';

interface FolderReviewProps {
  prepared: readonly Prepared[];
  /** Files dropped on one item are proposed for it; a folder's files by their names ("6.1 …"). */
  target: DossierItemId | null;
  busy: boolean;
  onConfirm(files: { stagedId: string; item: DossierItemId }[]): void;
  onCancel(): void;
}

function initialPlacement(p: Prepared, target: DossierItemId | null): Placement {
  if (!p.staged) return 'skip';
  if (target) return p.staged.alreadyAttached.some((a) => a.item === target) ? 'skip' : target;
  return p.staged.proposedItem ?? '';
}

/**
 * V-77 p. 6: the review of a folder (or of files dropped together) before anything is stored. Each
 * file shows the item its name proposes, or waits to be placed; refused files say why; nothing is
 * written until the user confirms, and then all of it is written at once or none. Issue 17: each
 * file is shown (a PDF's first page, an image) before it is placed, and the review comes into view.
 */
export function FolderReview({ prepared, target, busy, onConfirm, onCancel }: FolderReviewProps) {
  const { lang, t } = useI18n();
  const [placement, setPlacement] = useState<Placement[]>(() => prepared.map((p) => initialPlacement(p, target)));
  const unplaced = placement.some((p) => p === '');
  const chosen = prepared.flatMap((p, i) => (p.staged && placement[i] !== 'skip' && placement[i] !== '' ? [{ stagedId: p.staged.stagedId, item: placement[i] as DossierItemId }] : []));
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  return (
    <section ref={panel} className="panel folder-review" aria-labelledby="review-title">
      <h3 id="review-title">{t('dossier.review.title')}</h3>
      <p className="field-hint">{t('dossier.review.hint')}</p>
      {prepared.length === 0 ? <p>{t('dossier.review.none')}</p> : null}
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col" className="review-preview">
              {t('dossier.review.preview')}
            </th>
            <th scope="col">{t('dossier.review.file')}</th>
            <th scope="col" className="review-kind">
              {t('dossier.review.kind')}
            </th>
            <th scope="col" className="review-item">
              {t('dossier.review.item')}
            </th>
          </tr>
        </thead>
        <tbody>
          {prepared.map((p, i) => {
            const path = displayPath(p.file);
            return (
              <tr key={`${path}-${i}`} data-file={p.file.name} className={p.error ? 'review-refused' : undefined}>
                <td>{p.staged ? <FilePreview file={p.file} kind={p.staged.kind} /> : null}</td>
                <th scope="row" className="review-path">
                  {path}
                </th>
                <td>{p.staged ? kindAndSize(p.staged.kind, p.staged.size, lang) : t('dossier.review.refused')}</td>
                <td>
                  {p.error ? (
                    <ErrorNotice error={p.error} />
                  ) : (
                    <>
                      <select
                        aria-label={`${t('dossier.review.item')}: ${p.file.name}`}
                        value={placement[i]}
                        aria-invalid={placement[i] === ''}
                        onChange={(e) => setPlacement((all) => all.map((x, j) => (j === i ? (e.target.value as Placement) : x)))}
                      >
                        <option value="">{t('dossier.review.choose')}</option>
                        {DOSSIER_ITEMS.map((item) => (
                          <option key={item.id} value={item.id}>
                            {item.id}. {item[lang]}
                          </option>
                        ))}
                        <option value="skip">{t('dossier.review.skip')}</option>
                      </select>
                      {p.staged && p.staged.alreadyAttached.length > 0 ? (
                        <p className="field-hint review-already">{t('dossier.review.already', { items: p.staged.alreadyAttached.map((a) => a.item).join(', ') })}</p>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unplaced ? (
        <p className="form-summary" role="status">
          {t('dossier.review.unplaced')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button-primary" disabled={busy || unplaced || chosen.length === 0} onClick={() => onConfirm(chosen)}>
          {t('dossier.review.confirm', { count: chosen.length })}
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={onCancel}>
          {t('dossier.review.cancel')}
        </button>
      </div>
    </section>
  );
}
