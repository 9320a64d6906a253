/**
 * Labels of the data key's slots (issue 16, "keys you cannot lose"): the desktop app's unlock page,
 * the recovery key sheet shown once at first setup, and the administrator's slot panel in the
 * settings. Merged into the app's dictionary in i18n/messages.ts. Refusals are codes whose texts
 * are in the error catalogue (shared/domain/errorTexts/keys.ts).
 */
export const keysLt = {
  'audit.kind.keys': 'duomenų rakto vietos',

  // The unlock page (the desktop app, when this computer's secret store does not open the directory).
  'keys.unlock.title': 'Atrakinkite duomenų katalogą',
  'keys.unlock.kind': 'Kuo atrakinti',
  'keys.unlock.byPassphrase': 'Slaptafraze',
  'keys.unlock.byRecovery': 'Atkūrimo raktu',
  'keys.unlock.passphrase': 'Slaptafrazė',
  'keys.unlock.recoveryKey': 'Atkūrimo raktas',
  'keys.unlock.recoveryHint': '8 grupės po 6 skaitmenis, kaip užrašyta atkūrimo rakto lape; brūkšneliai ir tarpai nebūtini.',
  'keys.unlock.submit': 'Atrakinti',
  'keys.unlock.busy': 'Tikrinama…',
  'keys.unlock.required': 'Įveskite slaptafrazę arba atkūrimo raktą.',
  'keys.enrol.title': 'Katalogas atrakintas',
  'keys.enrol.question':
    'Ar įtraukti šį kompiuterį? Tada kitą kartą šiame kompiuteryje ir šioje naudotojo paskyroje katalogas atsidarys be slaptafrazės: raktą saugos kompiuterio slaptų duomenų saugykla.',
  'keys.enrol.yes': 'Įtraukti šį kompiuterį',
  'keys.enrol.no': 'Ne dabar',

  // The recovery key sheet (shown once).
  'keys.recovery.title': 'Atkūrimo raktas',
  'keys.recovery.intro':
    'Šiuo raktu duomenų katalogą galima atidaryti, jei kompiuteris bus pakeistas ar sistema įdiegta iš naujo, arba pamiršus slaptafrazę. Jis rodomas tik dabar ir daugiau niekada: atsispausdinkite arba užsirašykite jį ir laikykite seife.',
  'keys.recovery.print': 'Spausdinti',
  'keys.recovery.written': 'Užsirašiau atkūrimo raktą ir padėjau jį saugiai',
  'keys.recovery.continue': 'Tęsti',

  // The administrator's panel.
  'keys.panel.title': 'Duomenų rakto vietos',
  'keys.panel.intro':
    'Duomenų raktą atidaro bet kuri iš šių vietų: įtraukto kompiuterio slaptų duomenų saugykla, slaptafrazė arba atkūrimo raktas. Kiekvienam pakeitimui reikia esamos vietos: dabartinės slaptafrazės, atkūrimo rakto arba šio kompiuterio saugyklos. Pakeitimai įrašomi į auditą.',
  'keys.panel.caption': 'Rakto vietos',
  'keys.col.id': 'Vieta',
  'keys.col.kind': 'Rūšis',
  'keys.col.where': 'Kompiuteris / naudotojas',
  'keys.col.added': 'Pridėta',
  'keys.col.actions': 'Veiksmai',
  'keys.kind.os': 'kompiuterio saugykla',
  'keys.kind.passphrase': 'slaptafrazė',
  'keys.kind.recovery': 'atkūrimo raktas',
  'keys.opened': '(atidarė šį kartą)',
  'keys.thisComputer': '(šis kompiuteris)',
  'keys.remove': 'Pašalinti',
  'keys.removeConfirm': 'Ši vieta atidarė katalogą šį kartą. Vis tiek pašalinti?',
  'keys.proof.legend': 'Patvirtinkite esama vieta',
  'keys.proof.thisWorkstation': 'Šio kompiuterio saugykla (jis įtrauktas)',
  'keys.proof.passphrase': 'Dabartine slaptafraze',
  'keys.proof.recovery': 'Atkūrimo raktu',
  'keys.proof.passphraseField': 'Dabartinė slaptafrazė',
  'keys.add.passphrase': 'Nauja slaptafrazė',
  'keys.add.repeat': 'Pakartokite naują slaptafrazę',
  'keys.add.submit': 'Pridėti slaptafrazę',
  'keys.enrolNow': 'Įtraukti šį kompiuterį',
  'keys.newRecovery': 'Sukurti naują atkūrimo raktą',
  'keys.newRecoveryNote': 'Senasis atkūrimo raktas nebegalios.',
  'keys.done': 'Atlikta.',
} as const;

export const keysEn: Readonly<Record<keyof typeof keysLt, string>> = {
  'audit.kind.keys': 'data key slots',

  'keys.unlock.title': 'Unlock the data directory',
  'keys.unlock.kind': 'Unlock with',
  'keys.unlock.byPassphrase': 'The passphrase',
  'keys.unlock.byRecovery': 'The recovery key',
  'keys.unlock.passphrase': 'Passphrase',
  'keys.unlock.recoveryKey': 'Recovery key',
  'keys.unlock.recoveryHint': '8 groups of 6 digits, as written on the recovery key sheet; dashes and spaces are optional.',
  'keys.unlock.submit': 'Unlock',
  'keys.unlock.busy': 'Checking…',
  'keys.unlock.required': 'Enter the passphrase or the recovery key.',
  'keys.enrol.title': 'The directory is unlocked',
  'keys.enrol.question':
    "Enrol this computer? Then next time the directory opens on this computer and user account without the passphrase: the computer's secret store keeps the key.",
  'keys.enrol.yes': 'Enrol this computer',
  'keys.enrol.no': 'Not now',

  'keys.recovery.title': 'Recovery key',
  'keys.recovery.intro':
    'This key opens the data directory if the computer is replaced or the system reinstalled, or if the passphrase is forgotten. It is shown now and never again: print it or write it down and keep it in a safe.',
  'keys.recovery.print': 'Print',
  'keys.recovery.written': 'I have written the recovery key down and put it somewhere safe',
  'keys.recovery.continue': 'Continue',

  'keys.panel.title': 'Data key slots',
  'keys.panel.intro':
    "Any of these slots opens the data key: an enrolled computer's secret store, a passphrase, or the recovery key. Each change needs an existing slot: the current passphrase, the recovery key, or this computer's store. Changes are audited.",
  'keys.panel.caption': 'Key slots',
  'keys.col.id': 'Slot',
  'keys.col.kind': 'Kind',
  'keys.col.where': 'Computer / user',
  'keys.col.added': 'Added',
  'keys.col.actions': 'Actions',
  'keys.kind.os': "computer's secret store",
  'keys.kind.passphrase': 'passphrase',
  'keys.kind.recovery': 'recovery key',
  'keys.opened': '(opened this time)',
  'keys.thisComputer': '(this computer)',
  'keys.remove': 'Remove',
  'keys.removeConfirm': 'This slot opened the directory this time. Remove it anyway?',
  'keys.proof.legend': 'Confirm with an existing slot',
  'keys.proof.thisWorkstation': "This computer's store (it is enrolled)",
  'keys.proof.passphrase': 'With the current passphrase',
  'keys.proof.recovery': 'With the recovery key',
  'keys.proof.passphraseField': 'Current passphrase',
  'keys.add.passphrase': 'New passphrase',
  'keys.add.repeat': 'Repeat the new passphrase',
  'keys.add.submit': 'Add the passphrase',
  'keys.enrolNow': 'Enrol this computer',
  'keys.newRecovery': 'Make a new recovery key',
  'keys.newRecoveryNote': 'The old recovery key will no longer work.',
  'keys.done': 'Done.',
};
