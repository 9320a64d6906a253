import { describe, expect, it } from 'vitest';
import { buildDeclineDecision, buildOrder } from '../../../../shared/domain/documents/transferDecisions';
import { bodyLines, bodyOf, caseHere, institution } from './fixtures';

const proposal = { date: '2026-11-20', number: 'DKS-5' };
const minutes = { date: '2026-11-20', number: 'DK-12' };
const PD = 'Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos';

describe('V-77 p. 13: the director’s order to transfer', () => {
  const order = buildOrder({ institution, case: caseHere, proposal, minutes }, 'V-301', '2026-11-25');

  it('is an ĮSAKYMAS on the convict’s transfer, signed by the director', () => {
    expect(order).toMatchObject({
      kind: 'order',
      templateVersion: 'order@1',
      institution: 'PRAVIENIŠKIŲ PATAISOS NAMAI-ATVIROJI KOLONIJA',
      documentType: 'ĮSAKYMAS',
      title: 'DĖL NUTEISTOJO PERKĖLIMO Į PUSIAUKELĖS NAMUS',
      registrationNumber: 'V-301',
      place: 'Pravieniškės',
      annexes: [],
      subject: 'Ąžuolas Šėmaitis',
    });
    expect(order.signatures).toEqual([{ role: 'director', position: 'Direktorė', name: 'Rūta Žemaitienė' }]);
  });

  it('transfers the convict under p. 13, citing the commission’s proposal and the free place', () => {
    expect(bodyLines(order)[0]).toBe(
      'Pagal Nuteistųjų perkėlimo į pusiaukelės namus ir grąžinimo iš jų tvarkos aprašo, patvirtinto ' +
        `${PD} direktoriaus 2020 m. kovo 16 d. įsakymu Nr. V-77 „Dėl Nuteistųjų perkėlimo į pusiaukelės namus ir grąžinimo iš jų tvarkos aprašo patvirtinimo“ ` +
        '(toliau – Aprašas), 13 punktą ir drausmės komisijos 2026 m. lapkričio 20 d. siūlymą Nr. DKS-5 (posėdžio protokolas Nr. DK-12), ' +
        'esant pusiaukelės namuose laisvai vietai, p e r k e l i u nuteistąjį (vardas ir pavardė: Ąžuolas Šėmaitis, gimimo data: 1992 m. liepos 30 d., ' +
        'asmens bylos Nr. B-0077) į pusiaukelės namus (Pravieniškių pataisos namų-atvirosios kolonijos pusiaukelės namai).',
    );
  });

  it('dates the minutes when they are not of the proposal’s day', () => {
    const later = buildOrder({ institution, case: caseHere, proposal: { date: '2026-11-23', number: null }, minutes }, null, '2026-11-25');
    expect(bodyOf(later)).toContain('drausmės komisijos 2026 m. lapkričio 23 d. siūlymą Nr. ____ (2026 m. lapkričio 20 d. posėdžio protokolas Nr. DK-12)');
  });

  it('V-77 p. 51: tells how to appeal', () => {
    expect(bodyOf(order)).toContain(
      `Šis įsakymas gali būti skundžiamas ${PD} direktoriui Lietuvos Respublikos bausmių vykdymo kodekso 183 straipsnyje nustatyta tvarka ir terminu.`,
    );
  });
});

describe('V-77 p. 15: the director’s motivated decision not to implement 10.1', () => {
  const reasons = 'Nuteistajam 2026 m. lapkričio 24 d. pradėtas ikiteisminis tyrimas';
  const decision = buildDeclineDecision({ institution, case: caseHere, proposal, minutes, reasons }, 'SP-14', '2026-11-30');
  const text = bodyOf(decision);

  it('is a SPRENDIMAS not to transfer, signed by the director', () => {
    expect(decision).toMatchObject({
      kind: 'declineDecision',
      templateVersion: 'declineDecision@1',
      documentType: 'SPRENDIMAS',
      title: 'DĖL NUTEISTOJO NEPERKĖLIMO Į PUSIAUKELĖS NAMUS',
      registrationNumber: 'SP-14',
    });
    expect(decision.signatures).toEqual([{ role: 'director', position: 'Direktorė', name: 'Rūta Žemaitienė' }]);
  });

  it('recalls the 10.1 proposal, gives the director’s reasons and decides', () => {
    expect(text).toContain(
      'Drausmės komisija, vadovaudamasi Nuteistųjų perkėlimo į pusiaukelės namus ir grąžinimo iš jų tvarkos aprašo',
    );
    expect(text).toContain(
      '(toliau – Aprašas), 10.1 papunkčiu, 2026 m. lapkričio 20 d. siūlymu Nr. DKS-5 (posėdžio protokolas Nr. DK-12) pasiūlė pataisos įstaigos direktoriui ' +
        'perkelti nuteistąjį (vardas ir pavardė: Ąžuolas Šėmaitis, gimimo data: 1992 m. liepos 30 d., asmens bylos Nr. B-0077) į pusiaukelės namus',
    );
    expect(text).toContain(`Sprendimo motyvai: ${reasons}.`);
    expect(text).toContain('Pagal Aprašo 15 punktą n u s p r e n d ž i u neįgyvendinti drausmės komisijos siūlymo ir neperkelti nuteistojo į pusiaukelės namus.');
  });

  it('V-77 p. 19: a new request not earlier than 3 months after this decision', () => {
    // 2026-11-30 + 3 months: February has no 30th, so its last day.
    expect(text).toContain('ne anksčiau kaip po 3 mėnesių nuo sprendimo netenkinti prašymo priėmimo dienos, t. y. ne anksčiau kaip 2027 m. vasario 28 d. (Aprašo 19 punktas).');
  });

  it('V-77 p. 51: appeal to the Prison Department director, then to the regional administrative court', () => {
    expect(text).toContain(`Šis sprendimas gali būti skundžiamas ${PD} direktoriui Lietuvos Respublikos bausmių vykdymo kodekso 183 straipsnyje nustatyta tvarka ir terminu.`);
    expect(text).toContain(
      `${PD} direktoriaus sprendimas gali būti skundžiamas apygardos administraciniam teismui Lietuvos Respublikos administracinių bylų teisenos įstatymo nustatyta tvarka (Aprašo 51 punktas).`,
    );
  });
});
