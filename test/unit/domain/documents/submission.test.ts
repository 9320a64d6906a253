import { describe, expect, it } from 'vitest';
import { buildSubmission } from '../../../../shared/domain/documents/submission';
import { bodyLines, bodyOf, caseElsewhere, institution } from './fixtures';

const PD = 'Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos';
const sources = {
  institution,
  case: caseElsewhere,
  proposal: { date: '2026-11-20', number: 'DKS-5' },
  minutes: { date: '2026-11-20', number: 'DK-12' },
  rationale: 'Nuteistasis teigiamai charakterizuojamas, turi darbo pasiūlymą',
};

describe('V-77 p. 14: the submission to the Prison Department director', () => {
  const submission = buildSubmission(sources, 'T-7', '2026-11-26');
  const lines = bodyLines(submission);
  const text = bodyOf(submission);

  it('is a TEIKIMAS to the Prison Department director, signed by the director', () => {
    expect(submission).toMatchObject({
      kind: 'submission',
      templateVersion: 'submission@1',
      documentType: 'TEIKIMAS',
      title: 'DĖL NUTEISTOJO PERKĖLIMO Į PUSIAUKELĖS NAMUS',
      registrationNumber: 'T-7',
      addressees: [`${PD} direktoriui`],
      subject: 'Žygimantas Čepulėnas',
    });
    expect(submission.signatures).toEqual([{ role: 'director', position: 'Direktorė', name: 'Rūta Žemaitienė' }]);
  });

  it('implements 10.3: the considered request, the proposal, the dates and the commission’s reasons', () => {
    expect(text).toContain('atliekančio bausmę kitoje pataisos įstaigoje (Marijampolės pataisos namai), 2026 m. spalio 1 d. prašymą perkelti jį į pusiaukelės namus');
    expect(text).toContain(
      '(toliau – Aprašas), 10.3 papunkčiu, pateikė siūlymą (drausmės komisijos 2026 m. lapkričio 20 d. siūlymas Nr. DKS-5) pataisos įstaigos direktoriui ' +
        `kreiptis su teikimu į ${PD} direktorių perkelti nuteistąjį į pusiaukelės namus.`,
    );
    expect(lines).toContain(
      'Nuteistojo galimo perkėlimo į pusiaukelės namus data – 2026 m. gruodžio 1 d., galimo lygtinio paleidimo data – 2027 m. birželio 1 d., bausmės pabaiga – 2028 m. kovo 1 d.',
    );
    expect(lines).toContain('Drausmės komisijos sprendimo motyvai: Nuteistasis teigiamai charakterizuojamas, turi darbo pasiūlymą.');
    expect(lines).toContain('Pusiaukelės namuose yra laisva vieta.');
    expect(text).toContain(
      'Pagal Aprašo 14 ir 17 punktus p r a š a u priimti nutarimą dėl nuteistojo perkėlimo iš pataisos įstaigos, kurioje jis atlieka bausmę ' +
        '(Marijampolės pataisos namai), į pataisos įstaigą, kurioje veikia pusiaukelės namai (Pravieniškių pataisos namai-atviroji kolonija).',
    );
  });

  it('carries the draft resolution (NUTARIMO PROJEKTAS) as its second part', () => {
    const draft = submission.body.findIndex((b) => b.kind === 'heading' && b.text === 'NUTARIMO PROJEKTAS');
    expect(draft).toBeGreaterThan(0);
    const after = bodyLines({ ...submission, body: submission.body.slice(draft) });
    expect(after.slice(0, 6)).toEqual([
      'NUTARIMO PROJEKTAS',
      'KALĖJIMŲ DEPARTAMENTO PRIE LIETUVOS RESPUBLIKOS TEISINGUMO MINISTERIJOS DIREKTORIUS',
      'NUTARIMAS',
      'DĖL NUTEISTOJO PERKĖLIMO IŠ VIENOS PATAISOS ĮSTAIGOS Į KITĄ PATAISOS ĮSTAIGĄ',
      '20__ m. ____________ d. Nr. ____',
      'Vilnius',
    ]);
    expect(after[6]).toBe(
      'Pagal Nuteistųjų perkėlimo į pusiaukelės namus ir grąžinimo iš jų tvarkos aprašo, patvirtinto ' +
        `${PD} direktoriaus 2020 m. kovo 16 d. įsakymu Nr. V-77 „Dėl Nuteistųjų perkėlimo į pusiaukelės namus ir grąžinimo iš jų tvarkos aprašo patvirtinimo“, ` +
        '17 punktą ir pataisos įstaigos, kurioje veikia pusiaukelės namai (Pravieniškių pataisos namai-atviroji kolonija), direktoriaus 2026 m. lapkričio 26 d. ' +
        'teikimą Nr. T-7 n u t a r i u perkelti nuteistąjį (vardas ir pavardė: Žygimantas Čepulėnas, gimimo data: 1988 m. kovo 14 d., asmens bylos Nr. A-1234) ' +
        'iš pataisos įstaigos, kurioje jis atlieka bausmę (Marijampolės pataisos namai), į pataisos įstaigą, kurioje veikia pusiaukelės namai ' +
        '(Pravieniškių pataisos namai-atviroji kolonija), bausmei toliau atlikti pusiaukelės namuose (Pravieniškių pataisos namų-atvirosios kolonijos pusiaukelės namai).',
    );
  });

  it('V-77 p. 14: the draft is agreed by the heads of both institutions', () => {
    const agreed = lines.flatMap((l, i) => (l === 'SUDERINTA' ? [lines.slice(i + 1, i + 4)] : []));
    expect(agreed).toEqual([
      ['Pataisos įstaigos, kurioje nuteistasis atlieka bausmę (Marijampolės pataisos namai), direktorius', '_______________ (parašas, vardas ir pavardė)', '20__ m. ____________ d.'],
      ['Pataisos įstaigos, kurioje veikia pusiaukelės namai (Pravieniškių pataisos namai-atviroji kolonija), direktorius', '_______________ Rūta Žemaitienė', '20__ m. ____________ d.'],
    ]);
  });

  it('annexes the proposal, the minutes extract and the dossier (PRIDEDAMA)', () => {
    expect(submission.annexes).toEqual([
      'Drausmės komisijos 2026 m. lapkričio 20 d. siūlymas Nr. DKS-5',
      'Drausmės komisijos 2026 m. lapkričio 20 d. posėdžio protokolo Nr. DK-12 išrašas',
      'Aprašo 6 punkte nurodyta dokumentinė medžiaga (informacija)',
    ]);
  });

  it('cites its own number in the draft as a blank in a preview', () => {
    const preview = buildSubmission(sources, null, '2026-11-26');
    expect(preview.registrationNumber).toBeNull();
    expect(bodyOf(preview)).toContain('direktoriaus 2026 m. lapkričio 26 d. teikimą Nr. ____ n u t a r i u');
  });
});
