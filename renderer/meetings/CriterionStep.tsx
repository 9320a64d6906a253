import { useState } from 'react';
import type { AgendaItemView } from '../../shared/contract/meetingSchemas';
import { MEETING_TEXT_MAX } from '../../shared/contract/meetingSchemas';
import type { CaseView } from '../../shared/contract/schemas';
import type { Criterion } from '../../shared/domain/criteria';
import { currentVersion, type DossierDocument } from '../../shared/domain/dossier';
import { DOSSIER_ITEMS, type DossierItemId } from '../../shared/domain/dossierItems';
import { ASSESSMENTS, type Assessment } from '../../shared/domain/evaluation';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { DocumentViewer, type ViewedDocument } from '../dossier/DocumentViewer';
import { FactsView } from '../dossier/FactsView';
import { useI18n } from '../i18n/I18nProvider';
import { draftKey, useMeetingDesk } from './meetingDesk';
import { AutoText, ChoiceGroup } from './meetingFields';
import { riskLines, timeLeftLines } from './meetingWording';
import { criterionBase } from '../../shared/domain/meetingRules';

/** The case as the dossier shows it, loaded when the case is taken up (null while loading). */
export type CaseDossier = { view: CaseView } | { error: ApiError } | null;

/** The dossier items that inform a criterion (V-77 p. 6 → p. 11): their facts and documents to open. */
function Material({ caseId, items, dossier }: { caseId: string; items: readonly DossierItemId[]; dossier: CaseDossier }) {
  const { lang, t } = useI18n();
  const [viewed, setViewed] = useState<(ViewedDocument & { id: string }) | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const open = async (document: DossierDocument) => {
    setError(null);
    try {
      const read = await call('dossier.readDocument', { caseId, documentId: document.id });
      setViewed({ id: document.id, name: read.name, kind: read.kind, bytes: read.bytes });
    } catch (e) {
      setError(toApiError(e));
    }
  };

  if (items.length === 0) return <p className="field-hint">{t('meeting.material.none')}</p>;
  if (dossier === null) return <p>{t('common.loading')}</p>;
  if ('error' in dossier) return <ErrorNotice error={dossier.error} />;
  return (
    <>
      {error ? <ErrorNotice error={error} /> : null}
      {items.map((id) => {
        const meta = DOSSIER_ITEMS.find((i) => i.id === id)!;
        const item = dossier.view.dossier.items.find((i) => i.id === id);
        return (
          <section key={id} className="meeting-material-item" data-item={id} aria-labelledby={`material-${caseId}-${id}`}>
            <h4 id={`material-${caseId}-${id}`}>
              {id}. {meta[lang]}
            </h4>
            <FactsView item={id} facts={item?.facts} />
            {item && item.documents.length > 0 ? (
              <ul className="document-list">
                {item.documents.map((d) => (
                  <li key={d.id}>
                    <button type="button" className="link-button" aria-pressed={viewed?.id === d.id} onClick={() => void open(d)}>
                      {currentVersion(d).name}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="field-hint">{t('dossier.noDocuments')}</p>
            )}
          </section>
        );
      })}
      {viewed ? (
        <div className="meeting-viewer">
          <DocumentViewer document={viewed} onClose={() => setViewed(null)} />
        </div>
      ) : null}
    </>
  );
}

interface CriterionStepProps {
  item: AgendaItemView;
  criterion: Criterion;
  dossier: CaseDossier;
  /** The case is no longer open to changes here (decided, postponed, left). */
  readOnly: boolean;
}

/**
 * One criterion of V-77 p. 11: what the app computed (11.1, 11.5), the register question (11.8),
 * the findings and the assessment, next to the dossier material that informs it.
 */
export function CriterionStep({ item, criterion, dossier, readOnly }: CriterionStepProps) {
  const { lang, t } = useI18n();
  const desk = useMeetingDesk();
  const [error, setError] = useState<ApiError | null>(null);
  const caseId = item.item.caseId;
  const c = criterion.id;
  const stored = item.item.evaluation[c];
  // A choice saves its own field, based on what the page shows now; typed findings are saved by their own field.
  const shownNow = () => criterionBase(desk.itemOf(caseId)?.item ?? item.item, c);
  const save = (patch: { findings?: string; assessment?: Assessment; onRegister?: boolean }) =>
    call('meetings.saveCriterion', { id: desk.meetingId, caseId, criterion: c, ...patch, basedOn: shownNow() });

  const registerValue = stored?.onRegister === undefined ? '' : stored.onRegister ? 'yes' : 'no';
  const registerShown = desk.canWrite ? (desk.draft(draftKey.register(caseId)) ?? registerValue) : registerValue;
  const assessmentOptions = ASSESSMENTS.map((a) => ({ value: a, label: t(`meeting.assessment.${a}`) }));
  const editable = desk.canWrite && !readOnly;

  return (
    <div className="criterion-step" data-criterion={c}>
      <div className="criterion-form">
        {c === '11.1' ? (
          <div className="computed" data-computed="timeLeft">
            <h4>{t('meeting.timeLeft.title')}</h4>
            {item.timeLeft ? (
              <>
                <ul>
                  {timeLeftLines(item.timeLeft, lang).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <p className="field-hint">{t(item.timeLeft.source === '6.6' ? 'meeting.timeLeft.from66' : 'meeting.timeLeft.fromRequest')}</p>
              </>
            ) : (
              <p>{t('meeting.timeLeft.unknown')}</p>
            )}
          </div>
        ) : null}
        {c === '11.5' ? (
          <div className="computed" data-computed="risk">
            <h4>{t('meeting.risk.title')}</h4>
            {item.risk ? (
              <ul>
                {riskLines(item.risk, lang).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : (
              <p>{t('meeting.risk.unknown')}</p>
            )}
          </div>
        ) : null}
        {c === '11.8' ? (
          <>
            <ChoiceGroup
              id={`register-${caseId}`}
              legend={t('meeting.register.question')}
              required
              draftKey={draftKey.register(caseId)}
              value={registerValue}
              options={[
                { value: 'yes', label: t('meeting.register.yes') },
                { value: 'no', label: t('meeting.register.no') },
              ]}
              readOnly={!editable}
              save={(v) => save({ onRegister: v === 'yes' })}
              onResult={setError}
            />
            {registerShown === 'yes' ? (
              <p className="red-flag" role="alert" data-red-flag="11.8">
                <strong>{t('meeting.redFlag')}</strong>
              </p>
            ) : null}
          </>
        ) : null}
        {editable ? (
          <AutoText
            id={`findings-${caseId}-${c}`}
            label={t('meeting.findings', { point: c })}
            hint={t('meeting.findingsHint')}
            draftKey={draftKey.findings(caseId, c)}
            value={stored?.findings ?? ''}
            maxLength={MEETING_TEXT_MAX}
            rows={6}
            save={(findings, base) => call('meetings.saveCriterion', { id: desk.meetingId, caseId, criterion: c, findings, basedOn: { ...shownNow(), findings: base } })}
          />
        ) : (
          <div className="field meeting-readonly">
            <span className="field-label">{t('meeting.findings', { point: c })}</span>
            <p className="meeting-text">{stored?.findings ? stored.findings : t('common.none')}</p>
          </div>
        )}
        <ChoiceGroup
          id={`assessment-${caseId}-${c}`}
          className="assessment-group"
          legend={t('meeting.assessment.legend', { point: c })}
          required
          draftKey={draftKey.assessment(caseId, c)}
          value={stored?.assessment ?? ''}
          options={assessmentOptions}
          readOnly={!editable}
          save={(v) => save({ assessment: v as Assessment })}
          onResult={setError}
        />
        {error ? <ErrorNotice error={error} /> : null}
      </div>
      <aside className="criterion-material" aria-label={t('meeting.material.title', { point: c })}>
        <h4 className="material-title">{t('meeting.material.title', { point: c })}</h4>
        <Material caseId={caseId} items={criterion.informedBy} dossier={dossier} />
      </aside>
    </div>
  );
}
