import { resolveDataDir } from '../services/dataDir';
import { DomainError } from '../../shared/domain/errors';
import { startBrowserHost } from './server';
import { terminalKey } from '../cli/terminalKey';

function portFrom(argv: readonly string[]): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : process.env.PUSIAUKELE_PORT;
  const port = raw === undefined ? 0 : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new DomainError('INVALID_PORT', { value: raw ?? '' });
  }
  return port;
}

/** `npm run web [-- --data DIR] [--port N]`: the app in a browser, on this computer only. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  const port = portFrom(argv);
  const exportsAt = argv.indexOf('--exports');
  const exportDir = exportsAt >= 0 ? argv[exportsAt + 1] : process.env.PUSIAUKELE_EXPORTS;
  const host = await startBrowserHost({ dataDir, port, key: await terminalKey(dataDir), ...(exportDir ? { exportDir } : {}) });
  console.log(`Pusiaukelė veikia naršyklėje. Atidarykite šį adresą (jis galioja, kol programa veikia):\n\n  ${host.url}\n`);
  console.log(`Duomenų katalogas: ${dataDir}`);
  console.log(`Paketai ir atsarginės kopijos rašomos į: ${host.services.exportDir}`);
  console.log('Sustabdyti: Ctrl+C');
  const stop = () => {
    host.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof DomainError) console.error(`Klaida ${e.code}: ${e.message}`);
  else console.error(e);
  process.exit(1);
});
