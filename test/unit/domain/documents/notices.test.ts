import { describe, expect, it } from 'vitest';
import { CASE_STATES } from '../../../../shared/domain/caseStates';
import { buildMunicipalityNotice, buildP47Notice, municipalityNoticeApplies, p47NoticeApplies, P47_NOTICE_STATES, socialWorkerContact } from '../../../../shared/domain/documents/notices';
import { DOCUMENT_ERROR_TEXTS } from '../../../../shared/domain/errorTexts/documents';
import { allText, bodyLines, bodyOf, caseHere, HALFWAY_HOUSE, institution } from './fixtures';

/** Our convict (serving here) who asked for Panevėžys' halfway house: route 'sends' (V-77 p. 6–8). */
const sends = { ...caseHere, halfwayHouse: 'Panevėžio pataisos namų pusiaukelės namai' };
const CIRCUMSTANCES = 'Nuteistajam 2026 m. lapkričio 18 d. pareikšti įtarimai dėl naujos nusikalstamos veikos';

describe('V-77 p. 47: the director tells the other institution’s director of circumstances that make our convict ineligible', () => {
  const model = buildP47Notice({ institution, case: sends, recipient: 'Panevėžio pataisos namai', dossierSentOn: '2026-11-16', circumstances: CIRCUMSTANCES }, 'S-41', '2026-11-23');
  const text = bodyOf(model);

  it('is a letter (no document type) to the director of the institution whose halfway house the convict asked for, signed by our director', () => {
    expect(model).toMatchObject({
      kind: 'p47Notice',
      templateVersion: 'p47Notice@1',
      documentType: '',
      title: 'DĖL APLINKYBIŲ, KURIOMS ESANT NUTEISTASIS NEGALI BŪTI PERKELTAS Į PUSIAUKELĖS NAMUS',
      registrationNumber: 'S-41',
      date: '2026-11-23',
      subject: 'Ąžuolas Šėmaitis',
    });
    expect(model.addressees).toEqual(['Pataisos įstaigos direktoriui, Panevėžio pataisos namai']);
    expect(model.signatures).toEqual([{ role: 'director', position: 'Direktorė', name: 'Rūta Žemaitienė' }]);
  });

  it('cites p. 47 and p. 3 for the convict, named with the institution where they serve', () => {
    expect(bodyLines(model)[0]).toMatch(/^Vadovaudamiesi Nuteistųjų perkėlimo į pusiaukelės namus ir grąžinimo iš jų tvarkos aprašo, patvirtinto /);
    expect(text).toContain(
      '(toliau – Aprašas), 47 punktu, informuojame, kad atsirado aplinkybės, kurioms esant nuteistasis (vardas ir pavardė: Ąžuolas Šėmaitis, gimimo data: 1992 m. liepos 30 d., asmens bylos Nr. B-0077), ' +
        'atliekantis bausmę pataisos įstaigoje (Pravieniškių pataisos namai-atviroji kolonija), pagal Aprašo 3 punktą negali būti perkeltas į pusiaukelės namus.',
    );
  });

  it('names the request with its date and the halfway house, the day the dossier was sent (p. 7), and the circumstances as the director wrote them', () => {
    const lines = bodyLines(model);
    expect(lines).toContain(
      'Nuteistasis 2026 m. rugsėjo 15 d. pateikė prašymą perkelti jį į Jūsų įstaigos pusiaukelės namus (Panevėžio pataisos namų pusiaukelės namai); ' +
        'nuteistojo dokumentinė medžiaga Jums išsiųsta 2026 m. lapkričio 16 d. (Aprašo 7 punktas).',
    );
    expect(lines).toContain(`Aplinkybės: ${CIRCUMSTANCES}.`);
    expect(lines.at(-1)).toBe('Prašome į šias aplinkybes atsižvelgti sprendžiant dėl nuteistojo prašymo.');
  });

  it('before the dossier was sent says nothing of a dossier; a deputy acting as director signs in the director’s place', () => {
    const early = buildP47Notice(
      {
        institution: { ...institution, director: { name: 'Darius Kavaliauskas', position: 'Direktoriaus pavaduotojas', acting: true } },
        case: sends,
        recipient: 'Panevėžio pataisos namai',
        circumstances: CIRCUMSTANCES,
      },
      null,
      '2026-11-23',
    );
    expect(bodyOf(early)).not.toContain('medžiaga');
    expect(bodyOf(early)).toContain('(Panevėžio pataisos namų pusiaukelės namai).');
    expect(early.signatures).toEqual([{ role: 'director', position: 'Direktoriaus pavaduotojas, laikinai einantis direktoriaus pareigas', name: 'Darius Kavaliauskas' }]);
    for (const m of [model, early]) expect(allText(m)).not.toMatch(/undefined|null|\.\.(?!\.)/);
  });

  it('applies to route “sends” while the request is open here (collected or sent), never on the other routes', () => {
    expect(P47_NOTICE_STATES).toEqual(['request_received', 'dossier_collecting', 'dossier_sent']);
    expect(CASE_STATES.filter((s) => p47NoticeApplies(s, 'sends'))).toEqual(['request_received', 'dossier_collecting', 'dossier_sent']);
    for (const route of ['own', 'other', undefined] as const) expect(CASE_STATES.filter((s) => p47NoticeApplies(s, route, '10.1'))).toEqual([]);
  });
});

describe('seed 001: the notice of the release to the municipality, at least 6 months before the possible parole date', () => {
  const worker = { name: 'Laura Petrauskienė', phone: '+370 612 34567', email: 'laura.petrauskiene@example.lt' };
  const model = buildMunicipalityNotice({ institution, case: caseHere, municipality: ' Kauno miesto savivaldybės administracija ', socialWorker: worker }, 'S-42', '2026-11-30');
  const text = bodyOf(model);

  it('is a PRANEŠIMAS to the municipality administration, signed by the director', () => {
    expect(model).toMatchObject({
      kind: 'municipalityNotice',
      templateVersion: 'municipalityNotice@1',
      documentType: 'PRANEŠIMAS',
      title: 'APIE ASMENS PALEIDIMĄ IŠ PATAISOS ĮSTAIGOS',
      registrationNumber: 'S-42',
      date: '2026-11-30',
      subject: 'Ąžuolas Šėmaitis',
    });
    expect(model.addressees).toEqual(['Savivaldybės administracijai, Kauno miesto savivaldybės administracija']);
    expect(model.signatures).toEqual([{ role: 'director', position: 'Direktorė', name: 'Rūta Žemaitienė' }]);
  });

  it('names the convict in the halfway house, the possible parole date and the end of the sentence', () => {
    expect(text).toContain(
      `Pranešame, kad nuteistasis (vardas ir pavardė: Ąžuolas Šėmaitis, gimimo data: 1992 m. liepos 30 d., asmens bylos Nr. B-0077), atliekantis bausmę pusiaukelės namuose (${HALFWAY_HOUSE}), ` +
        'gali būti paleistas lygtinai 2027 m. birželio 1 d. (bausmės pabaiga – 2028 m. kovo 1 d.).',
    );
  });

  it('asks, in the words of the model, for a social worker or an NGO, to tell the institution, and on parole to tell the probation service', () => {
    expect(text).toContain('likus ne mažiau kaip 6 mėnesiams iki galimo lygtinio paleidimo');
    expect(text).toContain('Prašome paskirti socialinių paslaugų įstaigos socialinį darbuotoją arba nevyriausybinę organizaciją (NVO), apie paskyrimą informuoti pataisos įstaigą');
    expect(text).toContain('šio pranešimo kopiją');
    expect(text).toContain('Jeigu asmuo paleidžiamas lygtinai, paskirto socialinio darbuotojo ar NVO kontaktinio asmens duomenis prašome perduoti probacijos tarnybai.');
  });

  it('gives the institution’s social worker as the contact: name, phone and email, the empty ones left out', () => {
    expect(bodyLines(model).at(-1)).toBe('Pataisos įstaigos socialinis darbuotojas: Laura Petrauskienė, tel. +370 612 34567, el. p. laura.petrauskiene@example.lt.');
    expect(socialWorkerContact({ name: 'Laura Petrauskienė', phone: '', email: ' ' })).toBe('Laura Petrauskienė');
    expect(socialWorkerContact({ name: 'Laura Petrauskienė', phone: '', email: 'l@example.lt' })).toBe('Laura Petrauskienė, el. p. l@example.lt');
  });

  it('applies only to a convict living in our halfway house', () => {
    expect(CASE_STATES.filter(municipalityNoticeApplies)).toEqual(['transferred']);
  });
});

describe('the refusal of a notice not due names the case’s state (DOCUMENT_NOT_DUE)', () => {
  it('p. 47 and seed 001, in both languages', () => {
    const p47 = { why: 'notice', notice: 'p47Notice', state: 'listed', route: 'own' } as const;
    expect(DOCUMENT_ERROR_TEXTS.DOCUMENT_NOT_DUE.lt(p47)).toContain('Aprašo 47 p.');
    expect(DOCUMENT_ERROR_TEXTS.DOCUMENT_NOT_DUE.lt(p47)).toContain('„Įrašyta į sąrašą“');
    expect(DOCUMENT_ERROR_TEXTS.DOCUMENT_NOT_DUE.en(p47)).toContain('V-77 p. 47');
    const municipality = { why: 'notice', notice: 'municipalityNotice', state: 'left', route: 'own' } as const;
    expect(DOCUMENT_ERROR_TEXTS.DOCUMENT_NOT_DUE.lt(municipality)).toContain('pusiaukelės namuose');
    expect(DOCUMENT_ERROR_TEXTS.DOCUMENT_NOT_DUE.en(municipality)).toContain('halfway house');
  });
});
