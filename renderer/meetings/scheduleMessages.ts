/** Labels of the meetings list and the scheduling form (merged into the app's dictionary in i18n/messages.ts). */
export const scheduleLt = {};

export const scheduleEn: Readonly<Record<keyof typeof scheduleLt, string>> = {};
