import { z } from 'zod';
import { DEFAULT_PREFIXES, registerSettings, type RegisterSettings } from '../../shared/contract/documentSchemas';
import { signingSettings, type SigningSettings } from '../../shared/contract/verificationSchemas';
import type { Settings } from '../../shared/contract/schemas';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/domain/documents/documentModel';
import { genderFromName, TITLES, type Gender } from '../../shared/domain/documents/signers';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/issues';

/**
 * The settings' document register (issue 6: place, director, the halfway-house employee and a
 * registration prefix per kind) and signing section (card module, timestamp service, trusted
 * roots), as the settings form edits them. Both are optional: the register is set up once its place,
 * director or employee is given; the signing section once any of its fields is.
 */
/**
 * Issue 12: an official who signs documents as the form edits them: name, position, the gender of
 * the title, the personal code their qualified certificate carries, the user account that signs.
 */
export interface OfficialValues {
  /** A deputy's id (kept when edited; new deputies get a fresh one); unused for the director and the employee. */
  id: string;
  name: string;
  position: string;
  gender: Gender;
  personalCode: string;
  userId: string;
}

export interface DocumentSettingsValues {
  place: string;
  director: OfficialValues;
  /** Deputies who may sign in the director's place when chosen before issuing. */
  deputies: OfficialValues[];
  employee: OfficialValues;
  prefixes: Record<DocumentKind, string>;
  pkcs11Module: string;
  /** Issue 16: the card module as stored, to tell whether the form changed it. */
  savedModule: string;
  /** Issue 16: the user's password again, asked for (and sent) only when the card module changed. */
  modulePassword: string;
  timestampUrl: string;
  trustedRoots: string;
}

type StoredOfficial = { name: string; position: string; gender?: Gender | undefined; personalCode?: string | undefined; userId?: string | undefined; id?: string };

function officialValues(o: StoredOfficial | undefined, id = ''): OfficialValues {
  return {
    id: o?.id ?? id,
    name: o?.name ?? '',
    position: o?.position ?? '',
    gender: o?.gender ?? (o?.name ? genderFromName(o.name) : 'male'),
    personalCode: o?.personalCode ?? '',
    userId: o?.userId ?? '',
  };
}

/** A new, empty deputy; the position starts as the title of the gender. */
export function newDeputy(id: string): OfficialValues {
  return { id, name: '', position: TITLES.deputy.male, gender: 'male', personalCode: '', userId: '' };
}

/**
 * The official after a change of gender: a position that was the other gender's title of the kind
 * follows (Direktorius → Direktorė); a position the user wrote stays as written.
 */
export function withGender(official: OfficialValues, gender: Gender, kind: 'director' | 'deputy' | 'halfwayHouseEmployee'): OfficialValues {
  const titles = TITLES[kind];
  const position = official.position.trim() === '' || official.position === titles[official.gender] ? titles[gender] : official.position;
  return { ...official, gender, position };
}

export function documentSettingsValues(current: Settings | null): DocumentSettingsValues {
  const register = current?.register;
  const signing = current?.signing;
  return {
    place: register?.place ?? '',
    director: officialValues(register?.director),
    deputies: (register?.deputies ?? []).map((d) => officialValues(d)),
    employee: officialValues(register?.halfwayHouseEmployee),
    prefixes: { ...DEFAULT_PREFIXES, ...register?.prefixes },
    pkcs11Module: signing?.pkcs11Module ?? '',
    savedModule: signing?.pkcs11Module ?? '',
    modulePassword: '',
    timestampUrl: signing?.timestampUrl ?? '',
    trustedRoots: signing?.trustedRoots ?? '',
  };
}

const given = (...texts: string[]): boolean => texts.some((s) => s.trim() !== '');

/** The sections as the settings carry them, before validation; a section the user left empty is absent. */
function sectionsOf(values: DocumentSettingsValues): { register?: unknown; signing?: unknown } {
  const official = (o: OfficialValues) => ({
    name: o.name,
    position: o.position,
    gender: o.gender,
    ...(o.personalCode.trim() !== '' ? { personalCode: o.personalCode } : {}),
    ...(o.userId !== '' ? { userId: o.userId } : {}),
  });
  const register = given(values.place, values.director.name, values.director.position, values.employee.name, values.employee.position) || values.deputies.length > 0
    ? {
        place: values.place,
        director: official(values.director),
        ...(values.deputies.length > 0 ? { deputies: values.deputies.map((d) => ({ id: d.id, ...official(d) })) } : {}),
        halfwayHouseEmployee: values.employee.name.trim() === '' && values.employee.position.trim() === '' ? { name: '', position: '' } : official(values.employee),
        prefixes: Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, values.prefixes[kind]])),
      }
    : undefined;
  const signing = given(values.pkcs11Module, values.timestampUrl, values.trustedRoots)
    ? { pkcs11Module: values.pkcs11Module, timestampUrl: values.timestampUrl, trustedRoots: values.trustedRoots }
    : undefined;
  return { ...(register ? { register } : {}), ...(signing ? { signing } : {}) };
}

const sectionsSchema = z.object({ register: registerSettings.optional(), signing: signingSettings.optional() });

/** Issue 16: the form changes the card module (compared as the settings store it, trimmed). */
export function moduleChanged(values: DocumentSettingsValues): boolean {
  return values.pkcs11Module.trim() !== values.savedModule.trim();
}

/** The password the changed module needs, missing: the field's error. */
function passwordErrors(values: DocumentSettingsValues): FieldErrors {
  return moduleChanged(values) && values.modulePassword === '' ? { modulePassword: 'required' } : {};
}

export interface DocumentSettingsValidation {
  valid: boolean;
  /** Keyed by the path in the settings: 'register.place', 'register.prefixes.order', 'signing.timestampUrl', … */
  errors: FieldErrors;
}

export function validateDocumentSettings(values: DocumentSettingsValues): DocumentSettingsValidation {
  const parsed = sectionsSchema.safeParse(sectionsOf(values));
  const errors = { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)), ...passwordErrors(values) };
  return { valid: Object.keys(errors).length === 0, errors };
}

/**
 * The sections to save with the other settings, and the password when the card module changed
 * (issue 16: settings.save refuses the change without it); null while the form is not valid.
 */
export function documentSettingsToSave(values: DocumentSettingsValues): { register?: RegisterSettings; signing?: SigningSettings; modulePassword?: string } | null {
  const parsed = sectionsSchema.safeParse(sectionsOf(values));
  if (!parsed.success || Object.keys(passwordErrors(values)).length > 0) return null;
  const { register, signing } = parsed.data;
  return { ...(register ? { register } : {}), ...(signing ? { signing } : {}), ...(moduleChanged(values) ? { modulePassword: values.modulePassword } : {}) };
}
