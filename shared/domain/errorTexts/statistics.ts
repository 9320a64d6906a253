/** The texts of the errors of issue 17's statistics. */
import { entry } from './entry';

export const STATISTICS_ERROR_TEXTS = {
  /** `from`: the first day asked for; `today`: the app's today. */
  STATISTICS_PERIOD_FUTURE: entry<{ from: string; today: string }>(
    (p) => `Laikotarpis prasideda ${p.from}, vėliau nei šiandien (${p.today}): ateities statistikos nėra. Pasirinkite laikotarpį, prasidedantį ne vėliau kaip šiandien.`,
    (p) => `The period starts on ${p.from}, after today (${p.today}): there are no statistics of the future. Choose a period that starts today at the latest.`,
  ),
};
