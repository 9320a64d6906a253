import { formatLtDate, type IsoDate } from '../calendar';
import { DomainError } from '../errors';
import { quorum, type Ballot, type CommissionRole } from '../voting';
import { castingVote, evaluationList, tallyText, voteResult } from './commissionText';
import type { Block, DocumentModel } from './documentModel';
import type { AgendaItemFacts, DecidedItemFacts, MeetingFacts, MeetingMemberFacts, MinutesSources, RecusalFacts } from './documentSources';
import { decisionWording, V77_DEFINED } from './legalBasis';
import { asSentence, blocksIf, bodyText, capitalized, convictIdentity, documentHead, line, signatureLine } from './references';
import { genderOf, TITLES } from './signers';

/**
 * V-77 p. 9–11: the minutes (protokolas) of a meeting of the disciplinary commission: when and where,
 * who chaired and who took the minutes, who was present and absent, the quorum, the agenda and, per
 * case, what was considered (SVARSTYTA), recusals, the evaluation of 11.1–11.9, the vote and what
 * was decided (NUSPRĘSTA). Signed by the chair and the secretary.
 */

const OFFICERS = {
  chair: { signs: TITLES.meetingChair },
  secretary: { signs: TITLES.meetingSecretary },
} as const;

/** The chair or the secretary: they sign the minutes, so they must have been at the meeting. */
function officer(meeting: MeetingFacts, role: Exclude<CommissionRole, 'member'>): MeetingMemberFacts {
  const member = meeting.members.find((m) => m.role === role);
  if (!member) throw new DomainError('DOCUMENT_SOURCES', { why: 'noOfficer', role });
  if (!meeting.present.includes(member.id)) throw new DomainError('DOCUMENT_SOURCES', { why: 'officerAbsent', role, name: member.name });
  return member;
}

function memberName(meeting: MeetingFacts, id: string): string {
  const member = meeting.members.find((m) => m.id === id);
  if (!member) throw new DomainError('DOCUMENT_SOURCES', { why: 'noMember', memberId: id });
  return member.name;
}

function memberList(members: readonly MeetingMemberFacts[]): Block {
  return { kind: 'numbered', items: members.map((m) => ({ text: `${m.name}, ${m.position}${m.votes ? '' : ' (be balsavimo teisės)'}` })) };
}

/** Who was there and who was not, and whether the commission could decide (its quorum rule). */
function attendance(meeting: MeetingFacts): Block[] {
  const present = meeting.members.filter((m) => meeting.present.includes(m.id));
  const absent = meeting.members.filter((m) => !meeting.present.includes(m.id));
  const q = quorum({ quorum: meeting.quorumRule }, meeting.members, new Set(meeting.present));
  const outcome = q.met ? 'todėl posėdis buvo teisėtas' : 'todėl kvorumo nebuvo ir sprendimai negalėjo būti priimami';
  return [
    line('Posėdyje dalyvavo:'),
    memberList(present),
    ...blocksIf(absent.length > 0, line('Posėdyje nedalyvavo:'), memberList(absent)),
    bodyText(`Posėdyje dalyvavo ${q.taking} iš ${q.voting} balsavimo teisę turinčių komisijos narių (kvorumui reikia ne mažiau kaip ${q.needed}), ${outcome}.`),
  ];
}

function recusalLines(meeting: MeetingFacts, recusals: readonly RecusalFacts[]): Block[] {
  return recusals.map((r) =>
    bodyText(`Nuo šio klausimo svarstymo ir balsavimo nusišalino ${memberName(meeting, r.memberId)} (nusišalinimo priežastis: ${r.reason.trim()}).`),
  );
}

/** Who was present for the vote, where that differs from the meeting's attendance (someone came or left). */
function voteAttendance(meeting: MeetingFacts, item: DecidedItemFacts): Block[] {
  const same = item.present.length === meeting.present.length && item.present.every((id) => meeting.present.includes(id));
  const names = meeting.members.filter((m) => item.present.includes(m.id)).map((m) => m.name);
  return blocksIf(!same, bodyText(`Balsuojant dėl šio klausimo posėdyje dalyvavo: ${names.join(', ')}.`));
}

const BALLOT_LABELS: Readonly<Record<Ballot, string>> = { for: 'Balsavo „už“', against: 'Balsavo „prieš“', abstain: 'Susilaikė' };

/** How each member voted, grouped by ballot, in the order of the commission's members. */
function ballotsText(meeting: MeetingFacts, ballots: Readonly<Record<string, Ballot>>): string {
  return (['for', 'against', 'abstain'] as const)
    .map((ballot) => ({ ballot, names: meeting.members.filter((m) => ballots[m.id] === ballot).map((m) => m.name) }))
    .filter((group) => group.names.length > 0)
    .map((group) => `${BALLOT_LABELS[group.ballot]}: ${group.names.join(', ')}.`)
    .join(' ');
}

function decidedItem(meeting: MeetingFacts, item: DecidedItemFacts): Block[] {
  const rationale = item.rationale.trim();
  const ballots = ballotsText(meeting, item.ballots);
  return [
    ...voteAttendance(meeting, item),
    bodyText('Drausmės komisija įvertino (Aprašo 11 punktas):'),
    evaluationList(item.evaluation),
    ...blocksIf(rationale !== '', bodyText(`Sprendimo motyvai: ${asSentence(rationale)}`)),
    // A proposal the chair's vote turned down on a tie says so, as an adopted one does.
    ...item.rejected.map((r) => bodyText(`Siūlymas priimti Aprašo ${r.decision} papunktyje nurodytą sprendimą balsavimu nepriimtas (${tallyText(r.tally)}).${castingVote(r.tally)}`)),
    ...blocksIf(ballots !== '', bodyText(ballots)),
    bodyText(voteResult(item.tally)),
    // V-77 p. 10: the decision in the words of its sub-point.
    { kind: 'paragraph', indent: true, bold: true, text: `NUSPRĘSTA. ${capitalized(decisionWording(item.decision))} (Aprašo ${item.decision} papunktis).` },
  ];
}

/** " Priežastis: …", or nothing when no reason was recorded. */
function reasonText(reason: string): string {
  return reason.trim() ? ` Priežastis: ${asSentence(reason)}` : '';
}

function agendaItemBlocks(meeting: MeetingFacts, item: AgendaItemFacts, n: number): Block[] {
  const considered = bodyText(
    `${n}. SVARSTYTA. Nuteistojo ${convictIdentity(item.convict)} ${formatLtDate(item.requestDate)} prašymas perkelti į pusiaukelės namus.`,
  );
  switch (item.outcome) {
    case 'decided':
      return [considered, ...recusalLines(meeting, item.recusals), ...decidedItem(meeting, item)];
    case 'postponed':
      return [
        considered,
        ...recusalLines(meeting, item.recusals),
        { kind: 'paragraph', indent: true, bold: true, text: `NUSPRĘSTA. Klausimo svarstymą atidėti kitam posėdžiui.${reasonText(item.reason)}` },
      ];
    case 'left':
      return [considered, bodyText(`Klausimas nesvarstytas.${reasonText(item.reason)}`)];
  }
}

function agendaBlocks(meeting: MeetingFacts): Block[] {
  const questions: Block =
    meeting.agenda.length > 0
      ? { kind: 'numbered', items: meeting.agenda.map((item) => ({ text: `Dėl nuteistojo ${convictIdentity(item.convict)} prašymo perkelti į pusiaukelės namus.` })) }
      : line('Darbotvarkėje klausimų nėra.');
  return [{ kind: 'heading', text: 'DARBOTVARKĖ' }, questions, ...meeting.agenda.flatMap((item, i) => agendaItemBlocks(meeting, item, i + 1))];
}

export function buildMinutes(sources: MinutesSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const { meeting } = sources;
  const chair = officer(meeting, 'chair');
  const secretary = officer(meeting, 'secretary');
  const single = meeting.agenda.length === 1;
  return {
    kind: 'minutes',
    templateVersion: 'minutes@1',
    ...documentHead(sources.institution),
    documentType: 'DRAUSMĖS KOMISIJOS POSĖDŽIO PROTOKOLAS',
    title: single ? 'DĖL NUTEISTOJO PRAŠYMO PERKELTI Į PUSIAUKELĖS NAMUS' : 'DĖL NUTEISTŲJŲ PRAŠYMŲ PERKELTI Į PUSIAUKELĖS NAMUS',
    date,
    registrationNumber,
    body: [
      // The date's closing "d." ends the sentence.
      bodyText(`Posėdžio data – ${formatLtDate(meeting.date)} Posėdžio pradžia – ${meeting.time} val. Posėdžio vieta – ${asSentence(meeting.place)}`),
      bodyText(`Posėdžiui pirmininkavo ${chair.name}, ${asSentence(chair.position)} Posėdį protokolavo ${secretary.name}, ${asSentence(secretary.position)}`),
      ...attendance(meeting),
      // V-77 p. 8–11: the commission considers the material on the requests and decides.
      bodyText(
        `Drausmės komisija nagrinėjo ${single ? 'nuteistojo prašymą' : 'nuteistųjų prašymus'} perkelti į pusiaukelės namus ` +
          `pagal ${V77_DEFINED} 8–11 punktus.`,
      ),
      ...agendaBlocks(meeting),
    ],
    annexes: [],
    signatures: [
      // V-77 p. 9: the chair and the secretary, each titled in their own gender (issue 12).
      signatureLine('chair', chair, OFFICERS.chair.signs[genderOf(chair)]),
      signatureLine('secretary', secretary, OFFICERS.secretary.signs[genderOf(secretary)]),
    ],
    subject: `Drausmės komisijos posėdis ${formatLtDate(meeting.date)}`,
  };
}
