/** Labels of the commission screen (merged into the app's dictionary in i18n/messages.ts). */
export const commissionLt = {
  'nav.commission': 'Komisija',
};

export const commissionEn: Readonly<Record<keyof typeof commissionLt, string>> = {
  'nav.commission': 'Commission',
};
