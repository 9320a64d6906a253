// `npm run cli -- integrity check|accept` (issue 16): what the data directory's integrity manifest
// found (files put back from older copies, a cut audit trail…), and the decision of the holder of
// the data key to take the directory as it is now as its current state. The app offers the same to
// a signed-in administrator (Veiksmų žurnalas → Vientisumas); the command line is the way when the
// users file itself is in doubt and the app does not open.
import { openServices } from '../services/index';
import { resolveDataDir } from '../services/dataDir';
import { DomainError } from '../../shared/domain/errors';
import type { IntegrityReport } from '../../shared/contract/audit';
import { terminalKey } from './terminalKey';

export const INTEGRITY_HELP = `  npm run cli -- integrity check --data KATALOGAS
      Patikrina duomenų katalogo vientisumą: ar failai negrąžinti iš senesnių kopijų, ar veiksmų
      žurnalas nesutrumpintas, ar katalogas nesenesnis, nei šis kompiuteris jį matė. Išeities kodas
      0 – nieko nerasta, 1 – rasta (išvardijama), 2 – katalogo atverti nepavyko.

  npm run cli -- integrity accept --data KATALOGAS
      Patvirtina dabartinę katalogo būklę (pvz., sąmoningai atkūrus atsarginę kopiją): tai, kas rasta,
      įrašoma į veiksmų žurnalą, ir nuo šiol būklė laikoma dabartine. Reikia duomenų rakto (slaptafrazės).
`;

function printReport(report: IntegrityReport, out: (s: string) => void): void {
  if (report.problems.length === 0) {
    out('Vientisumas: nieko nerasta.\n');
    return;
  }
  out(`Vientisumas: rasta ${report.problems.length}${report.readOnly ? ' (katalogas atveriamas tik skaityti)' : ''}:\n`);
  for (const p of report.problems) out(`  - ${p.text.lt}\n`);
}

export async function runIntegrityCommand(argv: readonly string[], io: { out(s: string): void; err(s: string): void }): Promise<number> {
  const [action, ...rest] = argv;
  if (action !== 'check' && action !== 'accept') {
    io.err(`Nurodykite „integrity check“ arba „integrity accept“.\n\n${INTEGRITY_HELP}`);
    return 2;
  }
  const dataDir = resolveDataDir(rest);
  const key = await terminalKey(dataDir);
  let services;
  try {
    services = await openServices({ dataDir, key, verifyOnOpen: false, acceptIntegrity: action === 'accept' });
  } catch (e) {
    if (e instanceof DomainError) {
      io.err(`Klaida ${e.code}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    const report = services.integrity({ folders: true });
    if (action === 'accept') {
      io.out(report.problems.length === 0 ? 'Dabartinė katalogo būklė patvirtinta; įrašyta veiksmų žurnale.\n' : '');
      if (report.problems.length > 0) {
        // Found only now, in the folders (after the acceptance at open): accepted too, in the app's way.
        printReport(report, io.out);
        io.out('Šie radiniai rasti tikrinant aplankus po patvirtinimo: paleiskite „integrity accept“ dar kartą.\n');
        return 1;
      }
      return 0;
    }
    printReport(report, io.out);
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await services.close();
  }
}
