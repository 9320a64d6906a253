import type { Handlers } from '../../../shared/contract/methods';
import type { ServiceContext } from '../context';
import pkg from '../../../package.json' with { type: 'json' };

export function systemHandlers(ctx: ServiceContext): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () => ({
      version: pkg.version,
      dataDir: ctx.dir.root,
      today: ctx.today(),
      schemaVersion: ctx.dir.schemaVersion,
    }),
  };
}
