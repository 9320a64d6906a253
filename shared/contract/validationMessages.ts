/**
 * Field-level validation messages. Schemas carry these keys as their issue messages, so the same
 * schema drives the form (as the user types, in either language) and the back end's refusal. The
 * texts live with the other error texts, in the error catalogue (shared/domain/errorTexts/fields).
 */
export { describeField, FIELD_LABELS, VALIDATION_MESSAGES, validationMessage, type ValidationKey } from '../domain/errorTexts/fields';
