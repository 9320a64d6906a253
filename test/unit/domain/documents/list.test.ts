import { describe, expect, it } from 'vitest';
import { buildList } from '../../../../shared/domain/documents/list';
import type { ListEntryFacts } from '../../../../shared/domain/documents/documentSources';
import { transferList, type PlaceCase } from '../../../../shared/domain/places';
import { bodyLines, institution } from './fixtures';

const keeper = { name: 'Laura Petrauskienė', position: 'Pusiaukelės namų vyriausioji specialistė' };

const entries: ListEntryFacts[] = [
  {
    convict: { firstName: 'Žygimantas', lastName: 'Čepulėnas', personalFileNo: 'A-1234' },
    requestDate: '2026-10-01',
    decision: '10.3',
    decidedOn: '2026-11-20',
    servingInstitution: 'Marijampolės pataisos namai',
  },
  {
    convict: { firstName: 'Ąžuolas', lastName: 'Šėmaitis', personalFileNo: 'B-0077' },
    requestDate: '2026-09-15',
    decision: '10.1',
    decidedOn: '2026-10-30',
    servingInstitution: 'Pravieniškių pataisos namai-atviroji kolonija',
  },
  {
    convict: { firstName: 'Ūla', lastName: 'Dirgėlienė', personalFileNo: 'M-0008' },
    requestDate: '2026-10-01',
    decision: '10.3',
    decidedOn: '2026-11-06',
    servingInstitution: 'Panevėžio pataisos namai',
  },
];

describe('V-77 p. 12: the list of convicts proposed for transfer', () => {
  const list = buildList({ institution, entries, keeper }, 'SR-2', '2026-11-22');

  it('is the SĄRAŠAS of convicts proposed for transfer, kept and signed by the halfway-house employee (p. 20)', () => {
    expect(list).toMatchObject({
      kind: 'list',
      templateVersion: 'list@1',
      documentType: 'SĄRAŠAS',
      title: 'NUTEISTŲJŲ, SIŪLOMŲ PERKELTI Į PUSIAUKELĖS NAMUS',
      registrationNumber: 'SR-2',
    });
    expect(list.signatures).toEqual([{ role: 'halfwayHouseEmployee', position: keeper.position, name: keeper.name }]);
    expect(bodyLines(list)[0]).toContain('(toliau – Aprašas), 12 punktą: į jį įrašomi nuteistieji, dėl kurių drausmės komisija priėmė Aprašo 10.1 arba 10.3 papunktyje nurodytą sprendimą');
  });

  it('prints the convicts in the order given: the places’ list order (shared/domain/places.ts transferList), never sorted again', () => {
    const table = list.body.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.columns.reduce((sum, c) => sum + c.width, 0)).toBeCloseTo(1);
    expect(table?.kind === 'table' && table.columns.map((c) => c.title)).toEqual([
      'Eil. Nr.',
      'Nuteistasis',
      'Asmens bylos Nr.',
      'Prašymo data',
      'Drausmės komisijos sprendimas (Aprašo papunktis, data)',
      'Pataisos įstaiga, kurioje atlieka bausmę',
    ]);
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['1.', 'Žygimantas Čepulėnas', 'A-1234', '2026-10-01', '10.3, 2026-11-20', 'Marijampolės pataisos namai'],
      ['2.', 'Ąžuolas Šėmaitis', 'B-0077', '2026-09-15', '10.1, 2026-10-30', 'Pravieniškių pataisos namai-atviroji kolonija'],
      ['3.', 'Ūla Dirgėlienė', 'M-0008', '2026-10-01', '10.3, 2026-11-06', 'Panevėžio pataisos namai'],
    ]);
  });

  it('V-77 p. 12: prints the places’ list as transferList orders it, ties of the request date included', () => {
    const cases: PlaceCase[] = entries.map((e, i) => ({
      id: `case-${i}`,
      state: 'listed',
      requestDate: e.requestDate,
      firstName: e.convict.firstName,
      lastName: e.convict.lastName,
      // Listed on the same day: the tie of 2026-10-01 is broken by the case, not the day of the decision.
      facts: { decision: e.decision, listedOn: '2026-11-20' },
    }));
    const ordered = transferList(cases).map((l) => entries[Number(l.caseId.slice(5))]!);
    const printed = buildList({ institution, entries: ordered, keeper }, 'SR-3', '2026-11-22');
    const table = printed.body.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r[1])).toEqual(['Ąžuolas Šėmaitis', 'Žygimantas Čepulėnas', 'Ūla Dirgėlienė']);
  });

  it('says so when nobody is on the list', () => {
    const empty = buildList({ institution, entries: [], keeper }, null, '2026-11-22');
    expect(empty.body.some((b) => b.kind === 'table')).toBe(false);
    expect(bodyLines(empty)).toContain('Sąraše nuteistųjų nėra.');
  });
});
