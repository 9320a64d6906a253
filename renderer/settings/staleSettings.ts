import { settingsChanges, type Settings } from '../../shared/contract/schemas';
import type { MessageKey } from '../i18n/messages';
import type { Translate } from '../i18n/translate';
import { documentSettingsValues, type DocumentSettingsValues } from './documentSettingsForm';
import { settingsFormValues, type SettingsFormValues } from './settingsForm';

/** The form's fields and their labels. */
const FORM_LABELS: Readonly<Record<keyof SettingsFormValues, MessageKey>> = {
  name: 'settings.name',
  runsHalfwayHouse: 'settings.runsHalfwayHouse',
  halfwayHouseName: 'settings.halfwayHouseName',
  places: 'settings.places',
  others: 'settings.others',
  idleMinutes: 'settings.idleMinutes',
};

/** The stored module and the password typed for it (issue 16) are no settings of their own: the module's label says it. */
const DOCUMENT_LABELS: Readonly<Record<Exclude<keyof DocumentSettingsValues, 'savedModule' | 'modulePassword'>, MessageKey>> = {
  place: 'settings.register.place',
  director: 'settings.register.director',
  deputies: 'settings.register.deputies',
  employee: 'settings.register.employee',
  prefixes: 'settings.register.prefixes',
  pkcs11Module: 'settings.signing.pkcs11Module',
  timestampUrl: 'settings.signing.timestampUrl',
  trustedRoots: 'settings.signing.trustedRoots',
};

function changedLabels<V extends object, K extends keyof V>(before: V, after: V, labels: Readonly<Record<K, MessageKey>>): MessageKey[] {
  return (Object.keys(labels) as K[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => labels[k]);
}

/**
 * Issue 13: what another user changed of the settings between two versions, as the labels of the
 * form's fields: compared as the form shows them (an idle time first written as the default it
 * showed is no change); the document size limit, which has no field here, by its own name; the
 * appeals' terms and the capacity's changes by their sections' names.
 */
export function settingsChangeLabels(base: Settings | null, latest: Settings | null, t: Translate): string[] {
  const paths = settingsChanges(base, latest);
  const keys = [
    ...changedLabels(settingsFormValues(base), settingsFormValues(latest), FORM_LABELS),
    ...changedLabels(documentSettingsValues(base), documentSettingsValues(latest), DOCUMENT_LABELS),
    ...(paths.some((p) => p.startsWith('documents.')) ? (['stale.field.maxMegabytes'] as const) : []),
    // Issue 14: the appeals' terms (a section of this form) and the capacity's dated changes (made on their own).
    ...(paths.some((p) => p.startsWith('appealTerms')) ? (['settings.appeal.title'] as const) : []),
    ...(paths.some((p) => p.startsWith('returnGrounds')) ? (['settings.returnGrounds.title'] as const) : []),
    ...(paths.some((p) => p.startsWith('institution.capacityChanges')) ? (['places.capacity.history'] as const) : []),
  ];
  return keys.map((k) => t(k));
}
