/** V-77 p. 12: who an order or a submission would pass over on the list, as the back end names them when it asks for a reason. */

export interface EarlierOnList {
  caseId: string;
  firstName: string;
  lastName: string;
  requestDate: string;
}

/** PASS_OVER_REASON_REQUIRED's `earlier`: the convicts earlier on the list (V-77 p. 12) that the act would pass over. */
export function earlierOf(params: Readonly<Record<string, unknown>> | undefined): EarlierOnList[] {
  const earlier = params?.earlier;
  if (!Array.isArray(earlier)) return [];
  return earlier.filter((e): e is EarlierOnList => {
    if (typeof e !== 'object' || e === null) return false;
    const c = e as EarlierOnList;
    return typeof c.caseId === 'string' && typeof c.firstName === 'string' && typeof c.lastName === 'string' && typeof c.requestDate === 'string';
  });
}
