import { describe, expect, it } from 'vitest';
import { buildLetter } from '../../../../shared/domain/documents/letter';
import { bodyLines, bodyOf, caseElsewhere, caseHere, commissionDecision, institution, REFUSAL_RATIONALE, unfavourableEvaluation } from './fixtures';

const PD = 'Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos';

function letter(decision: '10.2' | '10.4', refusedOn = '2026-11-30') {
  const request = decision === '10.4' ? caseElsewhere : caseHere;
  return buildLetter(
    { institution, case: request, commission: commissionDecision(decision, unfavourableEvaluation, REFUSAL_RATIONALE), refusedOn },
    'S-40',
    '2026-11-30',
  );
}

describe('V-77 p. 16: the motivated letter after 10.4', () => {
  const model = letter('10.4');
  const text = bodyOf(model);

  it('is a letter (no document type) to the convict and the director of the convict’s institution, signed by the director', () => {
    expect(model).toMatchObject({
      kind: 'letter',
      templateVersion: 'letter/10.4@1',
      documentType: '',
      title: 'DĖL NUTEISTOJO PRAŠYMO PERKELTI Į PUSIAUKELĖS NAMUS',
      registrationNumber: 'S-40',
      subject: 'Žygimantas Čepulėnas',
    });
    expect(model.addressees).toEqual([
      'Nuteistajam (vardas ir pavardė: Žygimantas Čepulėnas, asmens bylos Nr. A-1234), Marijampolės pataisos namai',
      'Pataisos įstaigos direktoriui, Marijampolės pataisos namai',
    ]);
    expect(model.signatures).toEqual([{ role: 'director', position: 'Direktorė', name: 'Rūta Žemaitienė' }]);
  });

  it('states the decision: the commission’s 10.4 proposal, implemented, the request refused', () => {
    expect(text).toContain('Informuojame, kad drausmės komisija 2026 m. lapkričio 20 d. posėdyje (posėdžio protokolas Nr. DK-12) išnagrinėjo nuteistojo');
    expect(text).toContain(
      `(toliau – Aprašas), 10.4 papunkčiu, nusprendė teikti siūlymą pataisos įstaigos direktoriui neteikti ${PD} direktoriui teikimo perkelti nuteistąjį į pusiaukelės namus.`,
    );
    expect(text).toContain(`Šis siūlymas įgyvendinamas: teikimas perkelti nuteistąjį į pusiaukelės namus ${PD} direktoriui neteikiamas, todėl nuteistojo prašymas netenkintas (Aprašo 16 punktas).`);
  });

  it('gives the reasons: the commission’s rationale and the criteria it assessed unfavourably', () => {
    const lines = bodyLines(model);
    expect(lines).toContain(`Sprendimo motyvai: ${REFUSAL_RATIONALE}.`);
    const intro = lines.indexOf('Drausmės komisija nepalankiai įvertino šias aplinkybes (Aprašo 11 punktas):');
    expect(lines.slice(intro + 1, intro + 3)).toEqual([
      '11.2. Nuteistojo elgesys bausmės atlikimo metu. Nustatytos aplinkybės: Padaryti 3 pažeidimai, paskutinis – 2026 m. rugpjūčio 12 d.',
      '11.5. Nusikalstamo elgesio rizika ir jos pokyčiai. Nustatytos aplinkybės: OASys: rizika didelė, padidėjo.',
    ]);
  });

  it('V-77 p. 19: a new request not earlier than 3 months after the refusal', () => {
    // Refused 2026-11-30: February 2027 has no 30th, so its last day (calendar.ts addCalendarMonths).
    expect(text).toContain(
      'Pakartotinai su prašymu perkelti į pusiaukelės namus nuteistasis gali kreiptis ne anksčiau kaip po 3 mėnesių nuo sprendimo netenkinti prašymo priėmimo dienos, ' +
        't. y. ne anksčiau kaip 2027 m. vasario 28 d. (Aprašo 19 punktas).',
    );
    expect(bodyOf(letter('10.4', '2026-12-15'))).toContain('t. y. ne anksčiau kaip 2027 m. kovo 15 d.');
  });

  it('V-77 p. 50–51: appeal to the Prison Department director under BVK art. 183, then to the regional administrative court', () => {
    expect(text).toContain(
      `Pataisos įstaigos direktoriaus sprendimas netenkinti nuteistojo prašymo gali būti skundžiamas ${PD} direktoriui ` +
        'Lietuvos Respublikos bausmių vykdymo kodekso 183 straipsnyje nustatyta tvarka ir terminu. ' +
        `${PD} direktoriaus sprendimas gali būti skundžiamas apygardos administraciniam teismui ` +
        'Lietuvos Respublikos administracinių bylų teisenos įstatymo nustatyta tvarka (Aprašo 51 punktas).',
    );
    // The seeds do not give the term of BVK art. 183: no number of days is invented.
    expect(text).not.toMatch(/per \d+/);
  });
});

describe('the same letter tells the convict of a 10.2 refusal', () => {
  const model = letter('10.2');

  it('goes to the convict alone (they serve here) and says the convict is not transferred', () => {
    expect(model.templateVersion).toBe('letter/10.2@1');
    expect(model.addressees).toEqual(['Nuteistajam (vardas ir pavardė: Ąžuolas Šėmaitis, asmens bylos Nr. B-0077), Pravieniškių pataisos namai-atviroji kolonija']);
    const text = bodyOf(model);
    expect(text).toContain('(toliau – Aprašas), 10.2 papunkčiu, nusprendė teikti siūlymą pataisos įstaigos direktoriui neperkelti nuteistojo į pusiaukelės namus.');
    expect(text).toContain('Šis siūlymas įgyvendinamas: nuteistasis į pusiaukelės namus neperkeliamas, todėl jo prašymas netenkintas.');
    expect(text).toContain(`Sprendimo motyvai: ${REFUSAL_RATIONALE}.`);
    expect(text).toContain('(Aprašo 19 punktas)');
    expect(text).toContain('(Aprašo 51 punktas)');
  });
});
