import { DEFAULT_IDLE_MINUTES, OWN_INSTITUTION_ID, settings as settingsSchema, type Settings } from '../../shared/contract/schemas';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/issues';

/** One of the other institutions as the form edits it; `id` is null until first saved. */
export interface InstitutionRow {
  /** React's key for the row, stable while the user edits. */
  key: string;
  id: string | null;
  name: string;
  halfwayHouseName: string;
}

export interface SettingsFormValues {
  name: string;
  runsHalfwayHouse: boolean;
  halfwayHouseName: string;
  places: string;
  others: InstitutionRow[];
  /** The app locks itself after this many idle minutes (security.idleMinutes). */
  idleMinutes: string;
}

export function settingsFormValues(current: Settings | null): SettingsFormValues {
  if (!current) return { name: '', runsHalfwayHouse: false, halfwayHouseName: '', places: '', others: [], idleMinutes: String(DEFAULT_IDLE_MINUTES) };
  return {
    name: current.institution.name,
    runsHalfwayHouse: current.institution.runsHalfwayHouse,
    halfwayHouseName: current.institution.halfwayHouseName,
    places: current.institution.runsHalfwayHouse ? String(current.institution.places) : '',
    others: current.otherInstitutions.map((o) => ({ key: o.id, id: o.id, name: o.name, halfwayHouseName: o.halfwayHouseName })),
    idleMinutes: String(current.security?.idleMinutes ?? DEFAULT_IDLE_MINUTES),
  };
}

/** 'Marijampolės pataisos namai' → 'marijampoles-pataisos-namai' (ASCII, at most 40 characters). */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * A new institution's id: its name as a slug plus a random suffix, so that renaming later or adding
 * two of the same name never collides; never the id reserved for this institution.
 */
export function newInstitutionId(name: string, taken: ReadonlySet<string>, randomSuffix: () => string): string {
  const base = slugify(name) || 'istaiga';
  for (;;) {
    const id = `${base}-${randomSuffix()}`;
    if (id !== OWN_INSTITUTION_ID && !taken.has(id)) return id;
  }
}

export function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 6);
}

/**
 * The Settings the form describes. Rows not yet saved get their ids from `idFor`; while the user
 * types, a placeholder is enough to validate.
 */
export function settingsOf(values: SettingsFormValues, idFor: (row: InstitutionRow, index: number) => string): unknown {
  // An empty count is 0, which the schema refuses for a halfway house with the other institution-level checks.
  const places = values.places.trim() === '' ? 0 : Number(values.places);
  return {
    institution: {
      name: values.name,
      runsHalfwayHouse: values.runsHalfwayHouse,
      halfwayHouseName: values.runsHalfwayHouse ? values.halfwayHouseName : '',
      places: values.runsHalfwayHouse ? places : 0,
    },
    otherInstitutions: values.others.map((row, i) => ({
      id: row.id ?? idFor(row, i),
      name: row.name,
      halfwayHouseName: row.halfwayHouseName,
    })),
    // Always written: the idle time shown (the default until changed) is the one that applies.
    security: { idleMinutes: values.idleMinutes.trim() === '' ? Number.NaN : Number(values.idleMinutes) },
  };
}

export interface SettingsValidation {
  valid: boolean;
  errors: FieldErrors;
}

export function validateSettings(values: SettingsFormValues): SettingsValidation {
  const parsed = settingsSchema.safeParse(settingsOf(values, (_row, i) => `new-${i}`));
  return parsed.success ? { valid: true, errors: {} } : { valid: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

/** The Settings to save, new rows given fresh ids; null while the form is not valid. */
export function settingsToSave(values: SettingsFormValues, random: () => string = randomSuffix): Settings | null {
  const taken = new Set(values.others.flatMap((r) => (r.id ? [r.id] : [])));
  const parsed = settingsSchema.safeParse(
    settingsOf(values, (row) => {
      const id = newInstitutionId(row.name, taken, random);
      taken.add(id);
      return id;
    }),
  );
  return parsed.success ? parsed.data : null;
}

/**
 * Issue 14: the sections the institution form does not edit field by field are kept: the capacity's
 * dated changes (made with places.changeCapacity, V-77 p. 4) stay as the base has them while the
 * institution runs a halfway house; the appeals' terms (V-77 p. 51) are the form's own, absent when
 * none is set.
 */
export function withKeptSections(settings: Settings, base: Pick<Settings, 'institution'> | null, appealTerms: Settings['appealTerms']): Settings {
  const { appealTerms: _dropped, ...rest } = settings;
  const capacityChanges = base?.institution.capacityChanges;
  return {
    ...rest,
    institution: { ...settings.institution, ...(capacityChanges !== undefined && settings.institution.runsHalfwayHouse ? { capacityChanges } : {}) },
    ...(appealTerms !== undefined ? { appealTerms } : {}),
  };
}
