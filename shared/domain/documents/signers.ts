/**
 * Who signs a document's lines, and how a signature block names them (issue 12, "The right person
 * signs each line"). Lithuanian position titles agree with the holder's grammatical gender
 * ("Direktorius" / "Direktorė", "Posėdžio pirmininkas" / "Posėdžio pirmininkė"); the registers keep
 * the gender of each official's title, and a record written before it was kept has it inferred from
 * the surname (Lithuanian women's surnames end in -ė: -ienė, -aitė, -ytė, -utė, -ūtė).
 */

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** The gender a surname shows: the last word ending in "ė" is a woman's. For records without a gender. */
export function genderFromName(name: string): Gender {
  const last = name.trim().split(/\s+/).at(-1) ?? '';
  return /ė$/u.test(last.toLocaleLowerCase('lt')) ? 'female' : 'male';
}

/** The gender of a person's title: as recorded, else inferred from the name. */
export function genderOf(person: { name: string; gender?: Gender | undefined }): Gender {
  return person.gender ?? genderFromName(person.name);
}

/** The titles the templates write themselves, by gender. */
export const TITLES = {
  /** V-77 p. 13–16, 46: the institution's director. */
  director: { male: 'Direktorius', female: 'Direktorė' },
  /** A deputy director, who may act as the director. */
  deputy: { male: 'Direktoriaus pavaduotojas', female: 'Direktoriaus pavaduotoja' },
  /** V-77 p. 9: the minutes are signed by the meeting's chair and secretary. */
  meetingChair: { male: 'Posėdžio pirmininkas', female: 'Posėdžio pirmininkė' },
  meetingSecretary: { male: 'Posėdžio sekretorius', female: 'Posėdžio sekretorė' },
  /** V-77 p. 10: the commission's proposal is signed by its chair. */
  commissionChair: { male: 'Drausmės komisijos pirmininkas', female: 'Drausmės komisijos pirmininkė' },
  /** V-77 p. 20: the halfway-house employee the director appointed. */
  halfwayHouseEmployee: { male: 'Pusiaukelės namų darbuotojas', female: 'Pusiaukelės namų darbuotoja' },
} as const satisfies Record<string, Record<Gender, string>>;

/** "…, laikinai einantis direktoriaus pareigas": a deputy signing in the director's place. */
export function actingDirectorTitle(position: string, gender: Gender): string {
  return `${position.trim()}, laikinai ${gender === 'female' ? 'einanti' : 'einantis'} direktoriaus pareigas`;
}

/** "pusiaukelės namų darbuotojo" / "darbuotojos": the employee in the genitive, as a text cites them. */
export function employeeGenitive(gender: Gender): string {
  return gender === 'female' ? 'pusiaukelės namų darbuotojos' : 'pusiaukelės namų darbuotojo';
}

/**
 * What identifies the person who must sign a line: the personal code that qualified certificates
 * carry, and the user account that signs for them. Empty when not recorded.
 */
export interface SignerIdentity {
  personalCode?: string;
  userId?: string;
}

/** The identity fields of a person, without empty ones. */
export function identityOf(person: SignerIdentity): SignerIdentity {
  return {
    ...(person.personalCode ? { personalCode: person.personalCode } : {}),
    ...(person.userId ? { userId: person.userId } : {}),
  };
}
