import { describe, expect, it } from 'vitest';
import type { DecisionId } from '../../../../shared/domain/decisions';
import { buildProposal } from '../../../../shared/domain/documents/proposal';
import { bodyLines, bodyOf, caseElsewhere, caseHere, commissionDecision, institution, REFUSAL_RATIONALE, unfavourableEvaluation } from './fixtures';

const tally = { for: 3, against: 0, abstain: 0, decidedByChair: false };
const PD = 'Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos';

function proposal(decision: DecisionId, rationale = '') {
  const request = decision === '10.1' || decision === '10.2' ? caseHere : caseElsewhere;
  const evaluation = rationale ? unfavourableEvaluation : undefined;
  return buildProposal(
    { institution, case: request, commission: commissionDecision(decision, evaluation, rationale), tally, chairName: 'Algirdas Šimkus' },
    'DKS-5',
    '2026-11-20',
  );
}

describe('V-77 p. 10: the commission’s proposal to the director', () => {
  it('is a SIŪLYMAS to the director about the convict’s request, signed by the chair', () => {
    const model = proposal('10.1');
    expect(model).toMatchObject({
      kind: 'proposal',
      templateVersion: 'proposal/10.1@1',
      institution: 'PRAVIENIŠKIŲ PATAISOS NAMAI-ATVIROJI KOLONIJA',
      documentType: 'SIŪLYMAS',
      title: 'DĖL NUTEISTOJO PRAŠYMO PERKELTI Į PUSIAUKELĖS NAMUS',
      registrationNumber: 'DKS-5',
      addressees: ['Direktoriui'],
      subject: 'Ąžuolas Šėmaitis',
    });
    expect(model.signatures).toEqual([{ role: 'chair', position: 'Drausmės komisijos pirmininkas', name: 'Algirdas Šimkus' }]);
  });

  it('says which request the commission considered, at which meeting, and cites V-77 in full once', () => {
    const text = bodyOf(proposal('10.3'));
    expect(text).toContain(
      'Drausmės komisija 2026 m. lapkričio 20 d. posėdyje (posėdžio protokolas Nr. DK-12) išnagrinėjo nuteistojo ' +
        '(vardas ir pavardė: Žygimantas Čepulėnas, gimimo data: 1988 m. kovo 14 d., asmens bylos Nr. A-1234), ' +
        'atliekančio bausmę kitoje pataisos įstaigoje (Marijampolės pataisos namai), 2026 m. spalio 1 d. prašymą perkelti jį į pusiaukelės namus ' +
        '(Pravieniškių pataisos namų-atvirosios kolonijos pusiaukelės namai) ir Nuteistųjų perkėlimo į pusiaukelės namus ir grąžinimo iš jų tvarkos aprašo, ' +
        'patvirtinto Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos direktoriaus 2020 m. kovo 16 d. įsakymu Nr. V-77 ' +
        '„Dėl Nuteistųjų perkėlimo į pusiaukelės namus ir grąžinimo iš jų tvarkos aprašo patvirtinimo“ (toliau – Aprašas), 6 punkte nurodytą dokumentinę medžiagą.',
    );
    expect(text.match(/toliau – Aprašas/g)).toHaveLength(1);
    // 10.1 and 10.2: the convict serves where the halfway house is.
    expect(bodyOf(proposal('10.1'))).toContain('atliekančio bausmę pataisos įstaigoje, kurioje veikia pusiaukelės namai,');
  });

  it('V-77 p. 11: summarises the evaluation of every criterion and the vote', () => {
    const model = proposal('10.1');
    const lines = bodyLines(model);
    expect(lines.filter((l) => /^11\.\d\. /.test(l))).toHaveLength(9);
    expect(lines).toContain('11.6. Požiūris į darbą, mokymąsi, galimybės dirbti ar mokytis laisvėje. Nustatytos aplinkybės: Sutinka dirbti pasiūlytą darbą. Įvertinimas: palanku.');
    expect(lines).toContain('Balsavimo rezultatai: už – 3, prieš – 0, susilaikė – 0.');
  });

  // V-77 p. 10.1–10.4: each variant proposes what its sub-point words.
  it.each([
    ['10.1', 'Drausmės komisija, vadovaudamasi Aprašo 10.1 papunkčiu, siūlo pataisos įstaigos direktoriui perkelti nuteistąjį į pusiaukelės namus.'],
    ['10.2', 'Drausmės komisija, vadovaudamasi Aprašo 10.2 papunkčiu, siūlo pataisos įstaigos direktoriui neperkelti nuteistojo į pusiaukelės namus.'],
    ['10.3', `Drausmės komisija, vadovaudamasi Aprašo 10.3 papunkčiu, siūlo pataisos įstaigos direktoriui kreiptis su teikimu į ${PD} direktorių perkelti nuteistąjį į pusiaukelės namus.`],
    ['10.4', `Drausmės komisija, vadovaudamasi Aprašo 10.4 papunkčiu, siūlo pataisos įstaigos direktoriui neteikti ${PD} direktoriui teikimo perkelti nuteistąjį į pusiaukelės namus.`],
  ] as const)('V-77 p. %s: proposes in the words of the sub-point', (decision, wording) => {
    const model = proposal(decision, REFUSAL_RATIONALE);
    expect(model.templateVersion).toBe(`proposal/${decision}@1`);
    const operative = model.body.find((b) => b.kind === 'paragraph' && b.bold);
    expect(operative).toEqual({ kind: 'paragraph', indent: true, bold: true, text: wording });
  });

  it('V-77 p. 10.2, 10.4: a proposal not to transfer carries its reasons', () => {
    for (const decision of ['10.2', '10.4'] as const) {
      const text = bodyOf(proposal(decision, REFUSAL_RATIONALE));
      expect(text).toContain(`Sprendimo motyvai: ${REFUSAL_RATIONALE}.`);
      expect(text).toContain('11.5. Nusikalstamo elgesio rizika ir jos pokyčiai. Nustatytos aplinkybės: OASys: rizika didelė, padidėjo. Įvertinimas: nepalanku.');
    }
    // Without a written rationale no empty "motyvai" line is printed.
    expect(bodyOf(proposal('10.1'))).not.toContain('Sprendimo motyvai');
  });

  it('V-77 p. 12: 10.1 and 10.3 put the convict on the list, 10.2 and 10.4 do not', () => {
    const listed = 'Nuteistasis įrašomas į Nuteistųjų, siūlomų perkelti į pusiaukelės namus, sąrašą (Aprašo 12 punktas).';
    expect(bodyLines(proposal('10.1'))).toContain(listed);
    expect(bodyLines(proposal('10.3'))).toContain(listed);
    expect(bodyLines(proposal('10.2', REFUSAL_RATIONALE))).not.toContain(listed);
    expect(bodyLines(proposal('10.4', REFUSAL_RATIONALE))).not.toContain(listed);
  });

  it('says when the chair’s vote decided a tie', () => {
    const model = buildProposal(
      { institution, case: caseHere, commission: commissionDecision('10.1'), tally: { for: 2, against: 2, abstain: 0, decidedByChair: true }, chairName: 'Algirdas Šimkus' },
      null,
      '2026-11-20',
    );
    expect(bodyLines(model)).toContain('Balsavimo rezultatai: už – 2, prieš – 2, susilaikė – 0. Balsams pasiskirsčius po lygiai, lėmė posėdžio pirmininko balsas.');
  });

  it('cites minutes not yet registered with a blank number', () => {
    const model = buildProposal(
      { institution, case: caseHere, commission: { ...commissionDecision('10.1'), minutes: { date: '2026-11-20', number: null } }, tally, chairName: 'Algirdas Šimkus' },
      null,
      '2026-11-20',
    );
    expect(model.registrationNumber).toBeNull();
    expect(bodyOf(model)).toContain('posėdyje (posėdžio protokolas Nr. ____) išnagrinėjo');
  });
});
