/**
 * Issue 13: what a form says when its save was refused because someone else saved first
 * (STALE_REVISION), for the settings and the users (merged in i18n/messages.ts).
 */
export const staleRevisionLt = {
  'stale.user': 'Naudotoją „{username}“ ką tik pakeitė kitas naudotojas arba kitas langas. Jūsų pakeitimai neišsaugoti.',
  'stale.changed': 'Kitas naudotojas pakeitė:',
  'stale.unknownChanges': 'Matomi laukai nepasikeitė (pvz., pakeistas slaptažodis).',
  'stale.kept': 'Ką įvedėte, liko formoje. Įkėlus naujausią versiją, išvardyti laukai gaus naujas reikšmes, o kiti jūsų pakeitimai liks; tada peržiūrėkite ir išsaugokite dar kartą.',
  'stale.load': 'Įkelti naujausią versiją',
  'stale.loading': 'Įkeliama naujausia versija…',
  'stale.loaded': 'Įkelta naujausia versija su jūsų kitais pakeitimais. Peržiūrėkite ir išsaugokite.',
  'stale.field.maxMegabytes': 'Didžiausias dokumento dydis',
  'stale.field.password': 'Slaptažodis',
};

export const staleRevisionEn: Readonly<Record<keyof typeof staleRevisionLt, string>> = {
  'stale.user': 'The user “{username}” was just changed by another user or in another window. Your changes were not saved.',
  'stale.changed': 'The other user changed:',
  'stale.unknownChanges': 'No field shown here changed (the password may have been changed, for example).',
  'stale.kept': 'What you typed is still in the form. Loading the latest version gives the fields listed their new values and keeps your other changes; then review and save again.',
  'stale.load': 'Load the latest version',
  'stale.loading': 'Loading the latest version…',
  'stale.loaded': 'The latest version is loaded with your other changes. Review and save.',
  'stale.field.maxMegabytes': 'Largest document size',
  'stale.field.password': 'Password',
};
