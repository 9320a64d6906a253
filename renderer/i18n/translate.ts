import { en, lt, type MessageKey } from './messages';

export type Lang = 'lt' | 'en';
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const LANGS: readonly Lang[] = ['lt', 'en'];
export const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { lt, en };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The label `key` in `lang`, with its {placeholders} filled from `params` (unknown ones are left as written). */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = MESSAGES[lang][key];
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The names of the {placeholders} in a template, sorted: lt and en of one key must use the same. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

/** The language remembered from an earlier visit; Lithuanian when none (or something unknown) is stored. */
export function parseLang(stored: string | null): Lang {
  return stored === 'en' ? 'en' : 'lt';
}
