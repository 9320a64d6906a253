/**
 * A browser host in a process of its own, for the tests that measure what an attack costs the host
 * (issue 16): its memory is its own, not the test runner's. Started by browserHostAttacks.test.ts
 * with `node --import tsx`; argv[2] is the data directory, argv[3] the host's options as JSON. It
 * signs the staff in, tells the parent where it listens, then answers `peak` with how much its
 * resident memory grew above the level at the last `reset`.
 */
import { startBrowserHost, type BrowserHostOptions } from '../../electron/browser-host/server';
import { staffSession } from '../helpers/users';

export interface HostReady {
  type: 'ready';
  port: number;
  token: string;
  session: string;
  uploadDir: string;
  rss: number;
}

const dataDir = process.argv[2]!;
const extra = JSON.parse(process.argv[3] ?? '{}') as Partial<BrowserHostOptions>;
const host = await startBrowserHost({ dataDir, rendererDir: dataDir, today: '2026-11-23', ...extra });
const session = await staffSession(host.services);

let base = process.memoryUsage().rss;
let peak = base;
// The resident size is sampled often: a body held whole for a moment shows in the peak.
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 10).unref();

process.on('message', (message: { type: string }) => {
  if (message.type === 'reset') {
    global.gc?.();
    base = process.memoryUsage().rss;
    peak = base;
    process.send!({ type: 'reset', rss: base });
  } else if (message.type === 'peak') {
    peak = Math.max(peak, process.memoryUsage().rss);
    process.send!({ type: 'peak', growth: peak - base, rss: process.memoryUsage().rss });
  } else if (message.type === 'close') {
    void host.close().then(() => process.exit(0));
  }
});

process.send!({ type: 'ready', port: host.port, token: host.token, session, uploadDir: host.uploadDir, rss: base } satisfies HostReady);
