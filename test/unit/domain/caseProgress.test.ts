import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { dossierLacks, progressOf, stepsInForce } from '../../../shared/domain/caseProgress';

function record(over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    revision: 3,
    createdAt: '2026-01-02T08:00:00.000Z',
    updatedAt: '2026-02-10T08:00:00.000Z',
    convict: { firstName: 'Jonas', lastName: 'Jonaitis', personalFileNo: 'P-1', birthDate: '1980-01-01' },
    request: {
      requestDate: '2026-01-02',
      servingInstitution: { id: 'own', name: 'Pataisos namai' },
      halfwayHouse: { id: 'own', name: 'Pusiaukelės namai' },
      possibleTransferDate: '2026-03-01',
      possibleParoleDate: '2026-10-01',
      sentenceEnd: '2027-01-01',
    },
    state: 'request_received',
    facts: {},
    timeline: [{ at: '2026-01-02T08:00:00.000Z', kind: 'registered', on: '2026-01-02', to: 'request_received' }],
    ...over,
  };
}

describe('issue 17: what the case index keeps of a case’s progress', () => {
  it('keeps the steps in force with the day each happened; a correction takes its step back (V-77 p. 7–10)', () => {
    const timeline: CaseRecord['timeline'] = [
      { at: '2026-01-02T08:00:00.000Z', kind: 'registered', on: '2026-01-02', to: 'request_received' },
      { at: '2026-01-06T08:00:00.000Z', kind: 'state', on: '2026-01-05', from: 'request_received', to: 'dossier_collecting' },
      { at: '2026-01-21T08:00:00.000Z', kind: 'state', on: '2026-01-20', from: 'dossier_collecting', to: 'dossier_received' },
      { at: '2026-01-22T08:00:00.000Z', kind: 'corrected', on: '2026-01-22', from: 'dossier_received', to: 'dossier_collecting', note: 'Klaida' },
      { at: '2026-01-27T08:00:00.000Z', kind: 'state', on: '2026-01-26', from: 'dossier_collecting', to: 'dossier_received' },
      { at: '2026-01-27T09:00:00.000Z', kind: 'dossier', item: '6.2' },
    ];
    const steps = stepsInForce(timeline);
    expect(steps).toEqual([
      { from: 'request_received', to: 'dossier_collecting', on: '2026-01-05' },
      { from: 'dossier_collecting', to: 'dossier_received', on: '2026-01-26' },
    ]);
  });

  it('V-77 p. 51: the reopening after an upheld appeal is a step; a step recorded without its day counts from the day it was recorded', () => {
    const timeline: CaseRecord['timeline'] = [
      { at: '2026-03-01T08:00:00.000Z', kind: 'state', from: 'decided', to: 'refused' },
      { at: '2026-04-02T08:00:00.000Z', kind: 'reopened', on: '2026-04-01', from: 'refused', to: 'ready_for_commission', note: 'Skundas patenkintas' },
    ];
    const steps = stepsInForce(timeline);
    expect(steps).toEqual([
      { from: 'decided', to: 'refused', on: '2026-03-01' },
      { from: 'refused', to: 'ready_for_commission', on: '2026-04-01' },
    ]);
  });

  it('V-77 p. 6: counts what the dossier lacks — documents to ask the convict’s institution for, and what the secretary records', () => {
    // Nothing received: nine items to ask for (6.1–6.10 but 6.7; 6.11 is optional); whether the
    // commission can consult the personal file (6.7) is the secretary's to answer.
    expect(progressOf(record()).dossier).toEqual({ documents: 9, facts: 1, asOf: '2026-02-10' });
  });

  it('V-77 p. 3.2, 6.10: the dossier lacks the identity document again once it has expired, counted on the day asked', () => {
    const facts = {
      '6.1': { instrument: 'OASys', assessedOn: '2026-01-05', level: 'low', previousLevel: 'medium' },
      '6.2': { concludedOn: '2026-01-05', summary: 'Socialiniai ryšiai palaikomi.' },
      '6.3': { requestDate: '2026-01-02', halfwayHouse: 'Pusiaukelės namai', consent: true },
      '6.4': { kind: 'halfway_house_work', organisation: 'UAB „Darbas“' },
      '6.5': { totalEur: 0, creditors: '' },
      '6.6': { convictions: [], sentenceStart: '2024-01-01', sentenceEnd: '2027-01-01', possibleTransferDate: '2026-03-01', possibleParoleDate: '2026-10-01' },
      '6.7': { personalFileAccessible: true },
      '6.8': { entries: [] },
      '6.9': { restrictions: [] },
      '6.10': { documentType: 'id_card', number: '12345678', validUntil: '2026-03-10' },
    } as const;
    const items = Object.fromEntries(
      Object.entries(facts).map(([id, f]) => [id, { receivedOn: '2026-01-10', facts: f, documents: [{ id: `d${id}`, versions: [{ sha256: 'x', name: `${id}.pdf`, size: 1, kind: 'pdf', at: '2026-01-10T08:00:00.000Z' }] }] }]),
    ) as unknown as NonNullable<CaseRecord['dossier']>['items'];
    const r = record({ dossier: { items } });
    expect(dossierLacks(r, '2026-02-10')).toEqual({ documents: 0, facts: 0 });
    expect(dossierLacks(r, '2026-03-11')).toEqual({ documents: 1, facts: 0 });
  });
});

