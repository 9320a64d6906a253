import type { z } from 'zod';

/**
 * Walking the contract's input schemas (zod 4's `_zod.def`) for the issue 16 tables: every string
 * field with its path, and a value of the whole input built from the schema alone, with one field
 * set to a value of the test's choosing. Only the schema is read: a field added to the contract is
 * found and tried without the tests naming it.
 */

/** One step from a schema to a field inside it: an object's key, an array's first element, a union's option, a record's key. */
export type Step = { key: string } | { index: 0 } | { option: number } | { recordKey: string };

export interface StringField {
  /** The steps from the input to the field. */
  route: readonly Step[];
  /** The field's path as zod reports issues ('request.firstName', 'files.0.note'). */
  path: string;
  schema: z.ZodType;
}

type Def = Record<string, unknown> & { type: string };
const defOf = (s: z.ZodType) => s._zod.def as unknown as Def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

export function pathOf(route: readonly Step[]): string {
  return route
    .flatMap((s) => ('key' in s ? [s.key] : 'index' in s ? ['0'] : 'recordKey' in s ? [s.recordKey] : []))
    .join('.');
}

/** Every string (the leaves zod parses as text) in `schema`, each with its route. */
export function stringFields(schema: z.ZodType, route: readonly Step[] = []): StringField[] {
  const def = defOf(schema);
  if (def.type === 'string') return [{ route, path: pathOf(route), schema }];
  if (WRAPPERS.has(def.type)) return stringFields(def.innerType as z.ZodType, route);
  switch (def.type) {
    case 'object':
      return Object.entries((schema as z.ZodObject).shape).flatMap(([key, value]) => stringFields(value, [...route, { key }]));
    case 'array':
      return stringFields(def.element as z.ZodType, [...route, { index: 0 }]);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o, option) => stringFields(o, [...route, { option }]));
    case 'intersection':
      return [...stringFields(def.left as z.ZodType, route), ...stringFields(def.right as z.ZodType, route)];
    case 'pipe':
      return stringFields(def.in as z.ZodType, route);
    case 'record': {
      const key = sampleRecordKey(def.keyType as z.ZodType);
      const keyFields = defOf(def.keyType as z.ZodType).type === 'string' ? [{ route: [...route, { recordKey: '(key)' }], path: `${pathOf(route)}.(key)`, schema: def.keyType as z.ZodType }] : [];
      return [...keyFields, ...stringFields(def.valueType as z.ZodType, [...route, { recordKey: key }])];
    }
    case 'tuple':
      return (def.items as z.ZodType[]).flatMap((item, i) => stringFields(item, [...route, { key: String(i) }]));
    default:
      return [];
  }
}

/** Every object in `schema` (with its path), for the table of unknown keys. */
export function objectsIn(schema: z.ZodType, route: readonly Step[] = []): { route: readonly Step[]; path: string; schema: z.ZodObject }[] {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return objectsIn(def.innerType as z.ZodType, route);
  switch (def.type) {
    case 'object':
      return [
        { route, path: pathOf(route), schema: schema as z.ZodObject },
        ...Object.entries((schema as z.ZodObject).shape).flatMap(([key, value]) => objectsIn(value, [...route, { key }])),
      ];
    case 'array':
      return objectsIn(def.element as z.ZodType, [...route, { index: 0 }]);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o, option) => objectsIn(o, [...route, { option }]));
    case 'intersection':
      return [...objectsIn(def.left as z.ZodType, route), ...objectsIn(def.right as z.ZodType, route)];
    case 'pipe':
      return objectsIn(def.in as z.ZodType, route);
    case 'record':
      return objectsIn(def.valueType as z.ZodType, [...route, { recordKey: sampleRecordKey(def.keyType as z.ZodType) }]);
    default:
      return [];
  }
}

function sampleRecordKey(keyType: z.ZodType): string {
  const def = defOf(keyType);
  if (def.type === 'enum') return String(Object.values(def.entries as Record<string, string>)[0]);
  return 'raktas';
}

/** Strings tried, in order, as a field's sample value: the first one the field accepts is used. */
const STRING_SAMPLES = ['Tekstas', '2024-01-15', '10:00', 'vardenis', 'Slaptazodis-10', 'https://tsa.example.lt', 'vardenis@example.lt', 'abcdef12', ''];
const NUMBER_SAMPLES = [1, 0, 2024, 10, 100];
const CUSTOM_SAMPLES: unknown[] = [new Uint8Array([37, 80, 68, 70, 45]), 'x', 1, {}];

function firstAccepted(schema: z.ZodType, candidates: readonly unknown[], what: string): unknown {
  const found = candidates.find((c) => schema.safeParse(c).success);
  if (found === undefined && !candidates.includes(undefined)) {
    if (candidates.some((c) => c === '') && schema.safeParse('').success) return '';
    throw new Error(`no sample ${what} fits ${JSON.stringify(defOf(schema).type)}`);
  }
  return found;
}

/** As `build`'s leaf: the part at the route's end is built as usual, only made present (an optional object is given). */
export const PRESENT = Symbol('present');

/**
 * A value for `schema` built from it alone: the required fields with the first sample each accepts,
 * optional fields left out, the first option of a union, as few array elements as allowed. Along
 * `route` the value is built through (an optional object is given, the route's option is taken) and
 * the field at its end is `leaf`.
 */
export function build(schema: z.ZodType, route: readonly Step[] = [], leaf?: unknown): unknown {
  const def = defOf(schema);
  const [step, ...rest] = route;
  const targeted = step !== undefined || leaf !== undefined;
  if (leaf === PRESENT && step === undefined && !WRAPPERS.has(def.type)) return build(schema);
  if (def.type === 'string') {
    if (step === undefined && leaf !== undefined) return leaf;
    return firstAccepted(schema, STRING_SAMPLES, 'string');
  }
  if (WRAPPERS.has(def.type)) {
    if (step !== undefined) return build(def.innerType as z.ZodType, route, leaf);
    if (leaf !== undefined) return build(def.innerType as z.ZodType, route, leaf);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') return undefined;
    if (def.type === 'nullable') return null;
    return build(def.innerType as z.ZodType);
  }
  switch (def.type) {
    case 'number':
      return firstAccepted(schema, NUMBER_SAMPLES, 'number');
    case 'boolean':
      return false;
    case 'literal':
      return (def.values as unknown[])[0];
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'custom':
      return firstAccepted(schema, CUSTOM_SAMPLES, 'custom value');
    case 'unknown':
    case 'any':
      return undefined;
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries((schema as z.ZodObject).shape)) {
        if (step !== undefined && 'key' in step && step.key === key) out[key] = build(value, rest, leaf);
        else if (value._zod.optin !== 'optional') out[key] = build(value);
      }
      return out;
    }
    case 'array': {
      const min = minLength(schema);
      const first = step !== undefined && 'index' in step ? build(def.element as z.ZodType, rest, leaf) : undefined;
      const count = Math.max(min, first !== undefined ? 1 : 0);
      return Array.from({ length: count }, (_, i) => (i === 0 && first !== undefined ? first : build(def.element as z.ZodType)));
    }
    case 'union': {
      const option = step !== undefined && 'option' in step ? step.option : 0;
      return build((def.options as z.ZodType[])[option]!, step !== undefined && 'option' in step ? rest : route, leaf);
    }
    case 'intersection':
      return { ...(build(def.left as z.ZodType, route, leaf) as object), ...(build(def.right as z.ZodType, route, leaf) as object) };
    case 'pipe':
      return build(def.in as z.ZodType, route, leaf);
    case 'record': {
      if (step !== undefined && 'recordKey' in step) {
        if (step.recordKey === '(key)') return { [String(leaf)]: build(def.valueType as z.ZodType) };
        return { [step.recordKey]: build(def.valueType as z.ZodType, rest, leaf) };
      }
      return {};
    }
    case 'tuple':
      return (def.items as z.ZodType[]).map((item, i) => (step !== undefined && 'key' in step && step.key === String(i) ? build(item, rest, leaf) : build(item)));
    default:
      if (targeted) throw new Error(`cannot build through a ${def.type}`);
      return undefined;
  }
}

function minLength(schema: z.ZodType): number {
  const checks = (defOf(schema).checks as { _zod: { def: { check: string; minimum?: number } } }[] | undefined) ?? [];
  return Math.max(0, ...checks.filter((c) => c._zod.def.check === 'min_length').map((c) => c._zod.def.minimum ?? 0));
}

/** `value` with `overrides` laid over it (objects merged key by key; anything else replaced). */
export function merge(value: unknown, overrides: unknown): unknown {
  if (overrides === undefined) return value;
  if (isPlain(value) && isPlain(overrides)) {
    const out: Record<string, unknown> = { ...value };
    for (const [k, v] of Object.entries(overrides)) out[k] = merge(value[k], v);
    return out;
  }
  if (Array.isArray(value) && Array.isArray(overrides)) return overrides.map((o, i) => merge(value[i], o));
  return overrides;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** The value at `path` ('a.0.b') in `value`. */
export function valueAt(value: unknown, path: string): unknown {
  return path === '' ? value : path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
}

/** `value` with the value at `path` replaced (the containers along the path copied). */
export function withValueAt(value: unknown, path: string, leaf: unknown): unknown {
  if (path === '') return leaf;
  const [head, ...rest] = path.split('.');
  const container = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  container[head!] = withValueAt(container[head!], rest.join('.'), leaf);
  return container;
}
