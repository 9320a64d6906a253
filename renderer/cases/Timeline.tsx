import { noteInEnglish } from '../../shared/domain/timelineNotes';
import type { CaseRecord } from '../../shared/contract/schemas';
import { CASE_STATE_LABELS, type CaseState } from '../../shared/domain/caseStates';
import { actKindLabel } from '../afterDecision/actNames';
import { formatDate, formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { countLabel } from '../i18n/plural';
import { requestFieldOfPath } from '../request/requestForm';
import { decisionOf } from './caseSteps';
import { appealEntryKind, undoneSteps } from './timelineModel';

type Entry = CaseRecord['timeline'][number];

interface TimelineProps {
  entries: readonly Entry[];
  /** The documents received and the appeals, which the entries refer to by id (issue 14). */
  acts?: CaseRecord['acts'];
  appeals?: CaseRecord['appeals'];
  /** The records of life in the halfway house, which 'life' entries refer to. */
  life?: readonly { id: string; kind: string }[] | undefined;
  /** The names of the users who made the changes, by id (the case view's `people`). */
  people?: Readonly<Record<string, string>> | undefined;
}

/** The kinds of the records of life in the halfway house (V-77 p. 28–35; seed 001), as the timeline names them. */
const LIFE_LABELS: Readonly<Record<string, MessageKey>> = {
  rehabilitationPlan: 'timeline.life.rehabilitationPlan',
  intensivePlan: 'timeline.life.intensivePlan',
  review: 'timeline.life.review',
  nonCompliance: 'timeline.life.nonCompliance',
  socialWorker: 'timeline.life.socialWorker',
  municipalityNotice: 'timeline.life.municipalityNotice',
  probationList: 'timeline.life.probationList',
};

/**
 * A timeline note. In English the app's own words are shown in English (issue 17: no Lithuanian left
 * in the English interface); what a user wrote stays as written, marked as Lithuanian.
 */
function TimelineNote({ note, reason }: { note: string; reason: boolean }) {
  const { lang, t } = useI18n();
  if (reason) return <span className="timeline-note">{t('timeline.reason', { reason: note })}</span>;
  const read = lang === 'en' ? noteInEnglish(note) : null;
  if (!read) return <span className="timeline-note" lang="lt">{note}</span>;
  return (
    <span className="timeline-note">
      {read.en}
      {read.rest !== '' ? <span lang="lt">{read.rest}</span> : null}
    </span>
  );
}

/**
 * Issue 17: every date and moment is written one way per language (`formatDate`, `formatMoment`),
 * counts with the language's plural.
 *
 * What happened to the case, in order: registration, each step with its date and note (and the
 * commission's decision, V-77 p. 10), each correction of the request, and after the decision the
 * documents received, the appeals, reopenings (p. 51), corrections of a step (the step stays, marked),
 * pass-overs on the list (p. 12) and the freed place reported (p. 20).
 */
export function Timeline({ entries, acts, appeals, life, people }: TimelineProps) {
  const { lang, t } = useI18n();
  const undone = undoneSteps(entries);
  const stateName = (s: CaseState | undefined) => (s ? CASE_STATE_LABELS[s][lang] : t('common.none'));
  const actOf = (id: string | undefined) => (id === undefined ? undefined : acts?.find((a) => a.id === id));
  const appealOf = (id: string | undefined) => (id === undefined ? undefined : appeals?.find((a) => a.id === id));

  const describe = (entry: Entry): string => {
    switch (entry.kind) {
      case 'registered':
        return t('timeline.registered');
      case 'state':
        return t('timeline.state', { from: stateName(entry.from), to: stateName(entry.to) });
      case 'edited': {
        const fields = (entry.changed ?? []).map((path) => {
          const field = requestFieldOfPath(path);
          return field ? t(`field.${field}`) : path;
        });
        return t('timeline.edited', { fields: fields.join(', ') });
      }
      case 'dossier':
        return t('timeline.dossier', { item: entry.item ?? '' });
      case 'removed':
        return t('timeline.removed', { item: entry.item ?? '' });
      case 'extended':
        return countLabel(lang, 'timeline.extended', entry.days ?? 0);
      case 'corrected':
        return t('timeline.corrected', { from: stateName(entry.from), to: stateName(entry.to) });
      case 'reopened':
        return t('timeline.reopened', { from: stateName(entry.from), to: stateName(entry.to) });
      case 'act': {
        const act = actOf(entry.actId);
        return act ? t('timeline.act', { act: actKindLabel(act.kind, t, lang), number: act.number }) : t('timeline.actUnknown');
      }
      case 'appeal': {
        const appeal = appealOf(entry.appealId);
        const against = appeal ? `${actKindLabel(appeal.against.kind, t, lang)} ${appeal.against.number}` : '';
        if (appealEntryKind(entry) === 'filed') return t('timeline.appealFiled', { act: against });
        const result = appeal?.outcome?.result;
        return t(result === 'upheld' ? 'timeline.appealUpheld' : result === 'dismissed' ? 'timeline.appealDismissed' : 'timeline.appealDecided', { act: against });
      }
      case 'passedOver':
        return t('timeline.passedOver', { count: entry.passed?.length ?? 0 });
      case 'placeReported':
        return t('timeline.placeReported');
      case 'transferOut':
        return t('timeline.transferOut');
      case 'life': {
        const kind = life?.find((l) => l.id === (entry as { lifeId?: string }).lifeId)?.kind;
        const label = kind !== undefined ? LIFE_LABELS[kind] : undefined;
        return label ? t(label) : t('timeline.life');
      }
      default:
        // A kind this version does not know yet: named as stored, never hidden.
        return (entry as Entry).kind;
    }
  };

  /** The signed or received act that took a step, as a short note. */
  const takenBy = (entry: Entry): string | null => {
    if (entry.kind !== 'state') return null;
    const act = actOf(entry.actId);
    if (act) return t('timeline.byAct', { act: actKindLabel(act.kind, t, lang), number: act.number });
    if (entry.documentId !== undefined) return t('timeline.byDocument');
    return null;
  };

  return (
    <ol className="timeline">
      {entries.map((entry, i) => {
        const decision = entry.decision === undefined ? undefined : decisionOf(entry.decision);
        const by = takenBy(entry);
        const reasonLabel = entry.kind === 'corrected' || entry.kind === 'reopened' || entry.kind === 'passedOver';
        return (
          <li key={`${entry.at}-${i}`} data-kind={entry.kind} data-undone={undone.has(i) || undefined}>
            <span className="timeline-date">{entry.on ? formatDate(entry.on, lang) : formatMoment(entry.at, lang)}</span>
            <span className="timeline-what">{describe(entry)}</span>
            {by ? <span className="timeline-by">{by}</span> : null}
            {decision ? (
              <span className="timeline-decision" data-decision={decision.id}>
                {t('timeline.decision', { decision: t('decision.option', { id: decision.id, text: decision[lang] }) })}
              </span>
            ) : null}
            {/* Notes are written in Lithuanian (by the user, or the app's own records): marked so, for screen readers in the English UI. */}
            {entry.note ? <TimelineNote note={entry.note} reason={reasonLabel} /> : null}
            {undone.has(i) ? <span className="timeline-corrected">{t('timeline.undone')}</span> : null}
            <span className="timeline-recorded">
              {entry.by !== undefined && people?.[entry.by] !== undefined
                ? t('timeline.recordedBy', { who: people[entry.by]!, at: formatMoment(entry.at, lang) })
                : t('timeline.recorded', { at: formatMoment(entry.at, lang) })}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
