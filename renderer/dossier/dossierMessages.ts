/** Labels of the dossier screens (merged into the app's dictionary in i18n/messages.ts). */
export const dossierLt = {
  'dossier.title': 'Bylos medžiaga (V-77 6 p.)',
} as const satisfies Record<string, string>;

export const dossierEn: Readonly<Record<keyof typeof dossierLt, string>> = {
  'dossier.title': 'Dossier (V-77 p. 6)',
};
