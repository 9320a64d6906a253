import { describe, expect, it } from 'vitest';
import { settings } from '../../../shared/contract/schemas';
import { fieldErrorsFromIssues, fieldErrorsFromServer } from '../../../renderer/forms/issues';

describe('field errors', () => {
  it("key the contract schema's issues by the field's path, the first issue of a field winning", () => {
    const parsed = settings.safeParse({
      institution: { name: '', runsHalfwayHouse: false, halfwayHouseName: '', places: 0 },
      otherInstitutions: [{ id: 'a', name: '' }],
    });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsFromIssues(parsed.error?.issues ?? [])).toEqual({ 'institution.name': 'required', 'otherInstitutions.0.name': 'required' });
    expect(fieldErrorsFromIssues([{ path: ['on'], message: 'date' }, { path: ['on'], message: 'dateOrder' }])).toEqual({ on: 'date' });
  });

  it("key the back end's refused fields the same way, without the method's nesting", () => {
    const fields = [
      { path: 'request.requestDate', key: 'requestInFuture' },
      { path: 'id', key: 'required' },
    ];
    expect(fieldErrorsFromServer(fields, 'request.')).toEqual({ requestDate: 'requestInFuture', id: 'required' });
    expect(fieldErrorsFromServer([{ path: 'note', key: 'required' }])).toEqual({ note: 'required' });
  });
});
