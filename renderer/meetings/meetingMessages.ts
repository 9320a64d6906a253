/** Labels of the meeting screens (merged into the app's dictionary in i18n/messages.ts). */
export const meetingLt = {
  'nav.meetings': 'Posėdžiai',
};

export const meetingEn: Readonly<Record<keyof typeof meetingLt, string>> = {
  'nav.meetings': 'Meetings',
};
