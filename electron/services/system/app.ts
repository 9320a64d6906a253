import type { Handlers } from '../../../shared/contract/methods';
import type { ServiceContext } from '../context';
import { freeBytes, lowSpaceBytes } from '../store/storageErrors';
import pkg from '../../../package.json' with { type: 'json' };

export function systemHandlers(ctx: ServiceContext): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async (_input, caller) => ({
      version: pkg.version,
      dataDir: ctx.dir.root,
      today: ctx.today(),
      schemaVersion: ctx.dir.schemaVersion,
      // Issue 16: the free space, for the warning every signed-in user sees under warnBelowBytes
      // (asked afresh at every call: one statfs, no file read).
      ...(caller.user ? { disk: { freeBytes: freeBytes(ctx.dir.root), warnBelowBytes: lowSpaceBytes() } } : {}),
    }),
  };
}
