import { describe, expect, it } from 'vitest';
import { CASE_STATES, OWN_INSTITUTION_ID } from '../../../../shared/domain/caseStates';
import { buildTransferNotice, TRANSFER_NOTICE_ANNEXES, transferOutApplies } from '../../../../shared/domain/documents/transferNotice';
import { allText, caseHere, institution } from './fixtures';

const sources = {
  institution,
  case: { ...caseHere, halfwayHouse: 'Panevėžio pataisos namų pusiaukelės namai' },
  recipient: 'Panevėžio pataisos namai',
  departureOn: '2026-12-07',
  annexes: [...TRANSFER_NOTICE_ANNEXES],
};

describe('the notice of our convict’s arrival to the other institution (V-77 p. 21–23)', () => {
  const model = buildTransferNotice(sources, 'S-12', '2026-12-04');
  const text = allText(model);

  it('is a letter from our director to the receiving institution’s director', () => {
    expect(model).toMatchObject({ kind: 'transferNotice', templateVersion: 'transferNotice@1', documentType: '', registrationNumber: 'S-12', date: '2026-12-04' });
    expect(model.addressees).toEqual(['Pataisos įstaigos direktoriui, Panevėžio pataisos namai']);
    expect(model.title).toBe('DĖL NUTEISTOJO ATVYKIMO Į PUSIAUKELĖS NAMUS');
    expect(model.signatures.map((s) => s.role)).toEqual(['director']);
    expect(model.subject).toBe(`${caseHere.convict.firstName} ${caseHere.convict.lastName}`);
  });

  it('p. 22: the convict’s personal data, the departure, the arrival by 15:00 the same working day', () => {
    expect(text).toContain(caseHere.convict.personalFileNo);
    expect(text).toContain('gimimo data:');
    expect(text).toContain('22 punktu');
    expect(text).toContain('Nuteistasis išvyksta 2026 m. gruodžio 7 d. ir turi atvykti į pusiaukelės namus tą pačią darbo dieną iki 15 val.');
    expect(text).toContain('vyksta į pusiaukelės namus savarankiškai');
  });

  it('p. 23: the personal file is sent the day the convict leaves', () => {
    expect(text).toContain('Nuteistojo asmens byla siunčiama 2026 m. gruodžio 7 d., tą pačią dieną, kurią nuteistasis išvyksta (Aprašo 23 punktas).');
  });

  it('p. 22: the photo and the personal marks under PRIDEDAMA, as the user lists them', () => {
    expect(model.annexes).toEqual(['Nuteistojo nuotrauka, 1 lapas.', 'Asmens žymių aprašas, 1 lapas.']);
    expect(buildTransferNotice({ ...sources, annexes: ['Nuotrauka, 2 lapai.'] }, null, '2026-12-04').annexes).toEqual(['Nuotrauka, 2 lapai.']);
  });

  it('applies to our convict (route sends) whose dossier was sent, once the other institution granted the request (p. 8, 21)', () => {
    const request = { servingInstitution: { id: OWN_INSTITUTION_ID }, halfwayHouse: { id: 'pnv' } };
    const granted = [{ kind: 'otherOutcome', granted: true }];
    expect(CASE_STATES.filter((state) => transferOutApplies({ state, request, acts: granted }))).toEqual(['dossier_sent']);
    expect(transferOutApplies({ state: 'dossier_sent', request, acts: [{ kind: 'otherOutcome', granted: false }] })).toBe(false);
    expect(transferOutApplies({ state: 'dossier_sent', request, acts: [] })).toBe(false);
    expect(transferOutApplies({ state: 'dossier_sent', request: { servingInstitution: { id: OWN_INSTITUTION_ID }, halfwayHouse: { id: OWN_INSTITUTION_ID } }, acts: granted })).toBe(false);
  });
});
