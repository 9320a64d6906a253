import { z } from 'zod';
import { DEFAULT_PREFIXES, registerSettings, type RegisterSettings } from '../../shared/contract/documentSchemas';
import { signingSettings, type SigningSettings } from '../../shared/contract/verificationSchemas';
import type { Settings } from '../../shared/contract/schemas';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/domain/documents/documentModel';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/issues';

/**
 * The settings' document register (issue 6: place, director, the halfway-house employee and a
 * registration prefix per kind) and signing section (card module, timestamp service, trusted
 * roots), as the settings form edits them. Both are optional: the register is set up once its place,
 * director or employee is given; the signing section once any of its fields is.
 */
export interface DocumentSettingsValues {
  place: string;
  directorName: string;
  directorPosition: string;
  employeeName: string;
  employeePosition: string;
  prefixes: Record<DocumentKind, string>;
  pkcs11Module: string;
  timestampUrl: string;
  trustedRoots: string;
}

export function documentSettingsValues(current: Settings | null): DocumentSettingsValues {
  const register = current?.register;
  const signing = current?.signing;
  return {
    place: register?.place ?? '',
    directorName: register?.director.name ?? '',
    directorPosition: register?.director.position ?? '',
    employeeName: register?.halfwayHouseEmployee.name ?? '',
    employeePosition: register?.halfwayHouseEmployee.position ?? '',
    prefixes: { ...DEFAULT_PREFIXES, ...register?.prefixes },
    pkcs11Module: signing?.pkcs11Module ?? '',
    timestampUrl: signing?.timestampUrl ?? '',
    trustedRoots: signing?.trustedRoots ?? '',
  };
}

const given = (...texts: string[]): boolean => texts.some((s) => s.trim() !== '');

/** The sections as the settings carry them, before validation; a section the user left empty is absent. */
function sectionsOf(values: DocumentSettingsValues): { register?: unknown; signing?: unknown } {
  const register = given(values.place, values.directorName, values.directorPosition, values.employeeName, values.employeePosition)
    ? {
        place: values.place,
        director: { name: values.directorName, position: values.directorPosition },
        halfwayHouseEmployee: { name: values.employeeName, position: values.employeePosition },
        prefixes: Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, values.prefixes[kind]])),
      }
    : undefined;
  const signing = given(values.pkcs11Module, values.timestampUrl, values.trustedRoots)
    ? { pkcs11Module: values.pkcs11Module, timestampUrl: values.timestampUrl, trustedRoots: values.trustedRoots }
    : undefined;
  return { ...(register ? { register } : {}), ...(signing ? { signing } : {}) };
}

const sectionsSchema = z.object({ register: registerSettings.optional(), signing: signingSettings.optional() });

export interface DocumentSettingsValidation {
  valid: boolean;
  /** Keyed by the path in the settings: 'register.place', 'register.prefixes.order', 'signing.timestampUrl', … */
  errors: FieldErrors;
}

export function validateDocumentSettings(values: DocumentSettingsValues): DocumentSettingsValidation {
  const parsed = sectionsSchema.safeParse(sectionsOf(values));
  return parsed.success ? { valid: true, errors: {} } : { valid: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

/** The sections to save with the other settings; null while the form is not valid. */
export function documentSettingsToSave(values: DocumentSettingsValues): { register?: RegisterSettings; signing?: SigningSettings } | null {
  const parsed = sectionsSchema.safeParse(sectionsOf(values));
  if (!parsed.success) return null;
  const { register, signing } = parsed.data;
  return { ...(register ? { register } : {}), ...(signing ? { signing } : {}) };
}
