import type { Handlers } from '../../../shared/contract/methods';
import type { ServiceContext } from '../context';

export function settingsHandlers(ctx: ServiceContext): Pick<Handlers, 'settings.get' | 'settings.save'> {
  return {
    'settings.get': async () => ctx.settings.get(),
    'settings.save': async (input) => ctx.settings.save(input),
  };
}
