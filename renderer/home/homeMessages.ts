/** Issue 17: the labels of the home page. Merged into the app's dictionary in i18n/messages.ts. */
export const homeLt = {
  'home.title': 'Pradžia',
};

export const homeEn: Readonly<Record<keyof typeof homeLt, string>> = {
  'home.title': 'Start',
};
