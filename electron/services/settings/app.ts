import type { ServiceContext, ServiceHandlers } from '../context';

export function settingsHandlers(ctx: ServiceContext): Pick<ServiceHandlers, 'settings.get' | 'settings.save'> {
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
      caller.record({ kind: 'settings' }, before ?? undefined, input, summary, (stores) => stores.settings.save(input));
      return input;
    },
  };
}
