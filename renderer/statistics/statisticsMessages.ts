/** Issue 17: the labels of the statistics page. Merged into the app's dictionary in i18n/messages.ts. */
export const statisticsLt = {
  'statistics.title': 'Statistika',
};

export const statisticsEn: Readonly<Record<keyof typeof statisticsLt, string>> = {
  'statistics.title': 'Statistics',
};
