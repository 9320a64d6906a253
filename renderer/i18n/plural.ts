/**
 * Issue 17: counts in words with the right plural (Intl.PluralRules): "1 byla", "2 bylos",
 * "10 bylų", "21 byla"; "1 case", "2 cases". A counted label is four keys in each catalogue,
 * `<base>.one`, `<base>.few`, `<base>.many` and `<base>.other`, each with the {n} placeholder
 * (English uses its `one` and `other`; its `few` and `many` repeat `other`).
 */
import type { MessageKey } from './messages';
import { translate, type Lang, type MessageParams } from './translate';

export const PLURAL_FORMS = ['one', 'few', 'many', 'other'] as const;
export type PluralForm = (typeof PLURAL_FORMS)[number];

/** The bases of the counted labels: keys whose `.one` and `.other` forms both exist. */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never }[MessageKey];

const RULES: Readonly<Record<Lang, Intl.PluralRules>> = { lt: new Intl.PluralRules('lt-LT'), en: new Intl.PluralRules('en-GB') };

/** The plural form of `n` in `lang` ('one', 'few', 'many' or 'other'; Lithuanian uses all four). */
export function pluralForm(lang: Lang, n: number): PluralForm {
  const form = RULES[lang].select(n);
  return (PLURAL_FORMS as readonly string[]).includes(form) ? (form as PluralForm) : 'other';
}

/** The label `base` for `n` in `lang`, with {n} (and any other `params`) filled in. */
export function countLabel(lang: Lang, base: PluralBase, n: number, params: MessageParams = {}): string {
  return translate(lang, `${base}.${pluralForm(lang, n)}` as MessageKey, { ...params, n: n.toLocaleString(lang === 'lt' ? 'lt-LT' : 'en-GB') });
}
