import type { Handlers } from '../../../shared/contract/methods';
import type { ServiceContext } from '../context';

export function settingsHandlers(ctx: ServiceContext): Pick<Handlers, 'settings.get' | 'settings.save'> {
  return {
    'settings.get': async () => ctx.settings.get(),
    'settings.save': async (input, caller) => {
      let before: unknown;
      try {
        before = ctx.settings.get();
      } catch {
        before = 'damaged'; // the damaged file is kept aside by the store; the trail says so
      }
      const summary = before === 'damaged' ? 'Nustatymai įvesti iš naujo vietoj sugadintų' : 'Pakeisti įstaigos nustatymai';
      ctx.change(caller, 'settings.save', { kind: 'settings' }, before ?? undefined, input, summary, () => ctx.settings.save(input));
      return input;
    },
  };
}
