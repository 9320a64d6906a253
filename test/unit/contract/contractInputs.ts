import { z } from 'zod';
import { FACTS_INPUTS } from '../../../shared/contract/dossierSchemas';
import { contract, type MethodName } from '../../../shared/contract/methods';
import { OWN_INSTITUTION_ID } from '../../../shared/contract/schemas';
import { PRESENT, build, merge, pathOf, withValueAt } from './inputSchemaWalk';

/**
 * The contract's method inputs as the issue 16 tables try them: each method's input schema, what the
 * tables walk to find its fields (the same schema, except dossier.saveItem, whose `facts` is checked
 * against the item's own schema: one entry per item), and what the input is parsed with (always the
 * method's real input schema).
 */
export interface InputCase {
  /** 'cases.register', or 'dossier.saveItem 6.2'. */
  name: string;
  method: MethodName;
  /** What is walked for fields and built from. */
  shape: z.ZodType;
  /** The method's input schema, as the boundary parses it. */
  input: z.ZodType;
  /**
   * Laid over the built input (or applied to it, a function) so that the method's own cross-field
   * rules hold (V-77 p. 5: birth 14 years before the request, our institution; the chair votes).
   */
  overrides?: unknown;
}

/** Cross-field rules the schema alone does not say how to satisfy. */
const OVERRIDES: Partial<Record<MethodName, unknown>> = {
  // Another institution may not share our institution's name (duplicateInstitution).
  'settings.save': { institution: { name: 'Marijampolės pataisos namai' } },
  // The chair always votes (chairVotes); the first role built is the chair's.
  'commission.save': (v: { members: object[] }) => ({ ...v, members: v.members.map((m) => ({ ...m, votes: true })) }),
  'cases.register': { birthDate: '1980-01-01', servingInstitutionId: OWN_INSTITUTION_ID, halfwayHouseInstitutionId: OWN_INSTITUTION_ID },
  'cases.updateRequest': { request: { birthDate: '1980-01-01', servingInstitutionId: OWN_INSTITUTION_ID, halfwayHouseInstitutionId: OWN_INSTITUTION_ID } },
};

export function inputCases(): InputCase[] {
  const cases: InputCase[] = [];
  for (const method of Object.keys(contract) as MethodName[]) {
    const input = contract[method].input as z.ZodType;
    if (method === 'dossier.saveItem') {
      // Its input is the object, then its facts parsed by the item's schema (a pipe).
      const def = input._zod.def as unknown as { type: string; in?: z.ZodType };
      const base = (def.type === 'pipe' ? def.in : input) as unknown as z.ZodObject;
      for (const [item, facts] of Object.entries(FACTS_INPUTS)) {
        cases.push({ name: `${method} ${item}`, method, shape: z.object({ ...base.shape, item: z.literal(item), facts: facts as z.ZodType }), input });
      }
      continue;
    }
    cases.push({ name: method, method, shape: input, input, overrides: OVERRIDES[method] });
  }
  return cases;
}

/** A valid input of `c`, with the field at `route` set to `leaf` when given. */
export function inputOf(c: InputCase, route: Parameters<typeof build>[1] = [], leaf?: unknown): unknown {
  const built = build(c.shape, route, leaf);
  const merged = typeof c.overrides === 'function' ? (c.overrides as (v: unknown) => unknown)(built) : merge(built, c.overrides);
  // The field tried keeps its value even where an override sets it.
  const keyOfRecord = route.some((s) => 'recordKey' in s && s.recordKey === '(key)');
  return leaf === undefined || leaf === PRESENT || keyOfRecord ? merged : withValueAt(merged, pathOf(route), leaf);
}
