import { describe, expect, it } from 'vitest';
import { returnGroundsToSave, returnGroundsValues } from '../../../renderer/settings/returnGroundsForm';

describe('V-77 p. 44: the return grounds as the settings form edits them (BVK art. 69 part 3, a legal parameter)', () => {
  it('has no default texts: none set, none shown and none saved', () => {
    expect(returnGroundsValues(null)).toEqual([]);
    expect(returnGroundsValues({})).toEqual([]);
    expect(returnGroundsToSave([])).toEqual({ returnGrounds: undefined, errors: {} });
  });

  it('keeps a saved ground’s id and gives a new one the next free id', () => {
    const rows = [
      { id: 'pagrindas-1', text: 'Pirmas', citation: 'BVK 69 str. 3 d. 1 p.' },
      { id: '', text: ' Antras ', citation: 'BVK 69 str. 3 d. 2 p.' },
    ];
    expect(returnGroundsToSave(rows).returnGrounds).toEqual([
      { id: 'pagrindas-1', text: 'Pirmas', citation: 'BVK 69 str. 3 d. 1 p.' },
      { id: 'pagrindas-2', text: 'Antras', citation: 'BVK 69 str. 3 d. 2 p.' },
    ]);
    expect(returnGroundsValues({ returnGrounds: [{ id: 'a', text: 'T', citation: 'C' }] })).toEqual([{ id: 'a', text: 'T', citation: 'C' }]);
  });

  it('asks for the text and the citation of each', () => {
    const checked = returnGroundsToSave([{ id: '', text: '', citation: '' }]);
    expect(checked.returnGrounds).toBeNull();
    expect(checked.errors).toEqual({ 'returnGrounds.0.text': 'required', 'returnGrounds.0.citation': 'required' });
  });
});
