import { describe, expect, it } from 'vitest';
import { buildReturnDecision, buildReturnSubmission } from '../../../../shared/domain/documents/returnDocuments';
import { bodyOf, caseHere, HALFWAY_HOUSE, institution } from './fixtures';

const PD = 'Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos';
const employee = { name: 'Laura Petrauskienė', position: 'Pusiaukelės namų vyriausioji specialistė' };
const reasons = '2027 m. sausio 8 d. nuteistasis grįžo į pusiaukelės namus neblaivus (2,1 promilės) ir atsisakė vykti į darbą';

describe('V-77 p. 44–45: the motivated submission to return the convict', () => {
  const submission = buildReturnSubmission(
    { institution, convict: caseHere.convict, halfwayHouse: HALFWAY_HOUSE, employee, reasons, annexes: ['Neblaivumo patikrinimo aktas, 1 lapas', 'Tarnybinis pranešimas, 1 lapas'] },
    'PT-3',
    '2027-01-09',
  );
  const text = bodyOf(submission);

  it('is a TEIKIMAS to the director, signed by the halfway-house employee', () => {
    expect(submission).toMatchObject({
      kind: 'returnSubmission',
      templateVersion: 'returnSubmission@1',
      documentType: 'TEIKIMAS',
      title: 'DĖL NUTEISTOJO GRĄŽINIMO IŠ PUSIAUKELĖS NAMŲ Į PATAISOS NAMUS',
      registrationNumber: 'PT-3',
      addressees: ['Direktoriui'],
      subject: 'Ąžuolas Šėmaitis',
    });
    expect(submission.signatures).toEqual([{ role: 'halfwayHouseEmployee', position: employee.position, name: employee.name }]);
  });

  it('rests on the grounds of BVK art. 69 part 3 (p. 44), gives the reasons and asks for the p. 46 decision', () => {
    expect(text).toContain('Nuteistasis (vardas ir pavardė: Ąžuolas Šėmaitis, gimimo data: 1992 m. liepos 30 d., asmens bylos Nr. B-0077) atlieka bausmę pusiaukelės namuose');
    expect(text).toContain(
      '(toliau – Aprašas), 44 punktą nuteistieji grąžinami iš pusiaukelės namų į pataisos namus Lietuvos Respublikos bausmių vykdymo kodekso 69 straipsnio 3 dalyje nustatytais pagrindais; šiam nuteistajam toks pagrindas atsirado.',
    );
    expect(text).toContain(`Teikimo motyvai: ${reasons}.`);
    expect(text).toContain('Pagal Aprašo 45 punktą p r a š a u priimti sprendimą grąžinti nuteistąjį iš pusiaukelės namų į pataisos namus (Aprašo 46 punktas).');
  });

  it('V-77 p. 45: annexes the documents that support the reasons', () => {
    expect(submission.annexes).toEqual(['Neblaivumo patikrinimo aktas, 1 lapas', 'Tarnybinis pranešimas, 1 lapas']);
  });

  it('V-77 p. 44: prints the grounds chosen from the settings’ catalogue, each with its provision; none chosen, none printed', () => {
    expect(text).not.toContain('Grąžinimo pagrindai');
    const grounded = buildReturnSubmission(
      {
        institution,
        convict: caseHere.convict,
        halfwayHouse: HALFWAY_HOUSE,
        employee,
        reasons,
        annexes: [],
        grounds: [
          { text: 'Pirmasis pagrindas.', citation: 'BVK 69 str. 3 d. 1 p.' },
          { text: 'Antrasis pagrindas', citation: 'BVK 69 str. 3 d. 2 p.' },
        ],
      },
      'PT-4',
      '2027-01-09',
    );
    const body = bodyOf(grounded);
    expect(body).toContain('Grąžinimo pagrindai: 1) Pirmasis pagrindas (BVK 69 str. 3 d. 1 p.); 2) Antrasis pagrindas (BVK 69 str. 3 d. 2 p.).');
    // Before the motives, after the p. 44 rule.
    expect(body.indexOf('Grąžinimo pagrindai')).toBeGreaterThan(body.indexOf('44 punktą'));
    expect(body.indexOf('Grąžinimo pagrindai')).toBeLessThan(body.indexOf('Teikimo motyvai'));
  });
});

describe('V-77 p. 46: the director’s decision to return the convict', () => {
  const decision = buildReturnDecision(
    { institution, convict: caseHere.convict, halfwayHouse: HALFWAY_HOUSE, submission: { date: '2027-01-09', number: 'PT-3' }, reasons },
    'SP-2',
    '2027-01-11',
  );
  const text = bodyOf(decision);

  it('is a SPRENDIMAS to return, signed by the director', () => {
    expect(decision).toMatchObject({
      kind: 'returnDecision',
      templateVersion: 'returnDecision@1',
      documentType: 'SPRENDIMAS',
      title: 'DĖL NUTEISTOJO GRĄŽINIMO IŠ PUSIAUKELĖS NAMŲ Į PATAISOS NAMUS',
      registrationNumber: 'SP-2',
    });
    expect(decision.signatures).toEqual([{ role: 'director', position: 'Direktorė', name: 'Rūta Žemaitienė' }]);
  });

  it('cites the submission, gives the reasons and decides to return', () => {
    expect(text).toContain(
      'Gautas pusiaukelės namų darbuotojo 2027 m. sausio 9 d. motyvuotas teikimas Nr. PT-3 dėl nuteistojo (vardas ir pavardė: Ąžuolas Šėmaitis, ' +
        `gimimo data: 1992 m. liepos 30 d., asmens bylos Nr. B-0077), atliekančio bausmę pusiaukelės namuose (${HALFWAY_HOUSE}), grąžinimo iš pusiaukelės namų į pataisos namus.`,
    );
    expect(text).toContain(`Sprendimo motyvai: ${reasons}.`);
    expect(text).toContain('Lietuvos Respublikos bausmių vykdymo kodekso 69 straipsnio 3 dalį ir Nuteistųjų perkėlimo');
    expect(text).toContain('(toliau – Aprašas), 44 ir 46 punktus n u s p r e n d ž i u grąžinti nuteistąjį iš pusiaukelės namų į pataisos namus.');
  });

  it('V-77 p. 51: appeal to the Prison Department director under BVK art. 183', () => {
    expect(text).toContain(
      `Šis sprendimas gali būti skundžiamas ${PD} direktoriui Lietuvos Respublikos bausmių vykdymo kodekso 183 straipsnyje nustatyta tvarka ir terminu (Aprašo 51 punktas).`,
    );
    // V-77 p. 51 names the court only for decisions on the request, not for a return.
    expect(text).not.toContain('administraciniam teismui');
  });
});
