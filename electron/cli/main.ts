import { openServices } from '../services/index';
import { resolveDataDir } from '../services/dataDir';
import { DomainError } from '../../shared/domain/errors';
import { ROLE_LABELS } from '../../shared/contract/roles';
import { DEMO_USERS, seedDemo } from './demo';
import { terminalKey } from './terminalKey';
import { VERIFY_HELP } from './verifyCommand';
import { ARCHIVE_HELP, runArchiveCommand } from './archiveCommands';
import { KEYS_HELP, runKeysCommand } from './keysCommands';
import { INTEGRITY_HELP, runIntegrityCommand } from './integrityCommand';

const HELP = `Pusiaukelė – komandinė eilutė

  npm run cli -- demo --data KATALOGAS [--count N]
      Užpildo naują duomenų katalogą demonstraciniais duomenimis: po vieną naudotoją kiekvienam
      vaidmeniui (jų vardai ir slaptažodžiai išspausdinami), įstaiga, jos drausmės komisija ir N
      (numatyta 36) bylų įvairiuose etapuose: sprendimai priimti įvykusiuose posėdžiuose, kelios
      bylos įtrauktos į artimiausio posėdžio darbotvarkę; taip pat bylos su V-77 5 ir 19 p. žymomis.

${VERIFY_HELP}
${ARCHIVE_HELP}
${KEYS_HELP}
${INTEGRITY_HELP}
  npm run cli -- help
      Ši pagalba.

Duomenų katalogas: --data KATALOGAS, arba PUSIAUKELE_DATA, arba numatytasis naudotojo katalogas.
Duomenys šifruojami: slaptafrazė imama iš PUSIAUKELE_PASSPHRASE, kitaip jos paklausiama terminale
(vietoje jos galima įvesti atkūrimo raktą).
`;

function countFrom(argv: readonly string[]): number {
  const i = argv.indexOf('--count');
  if (i < 0) return 36;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new DomainError('INVALID_COUNT');
  }
  return n;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (['verify', 'export', 'import', 'audit-verify', 'backup', 'restore'].includes(command)) {
    try {
      // A PDF is checked as before (verify); a package and the other commands are the archivist's (issue 15).
      return await runArchiveCommand(command, rest, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), tty: process.stderr.isTTY === true, env: process.env });
    } catch (e) {
      // The file or an argument cannot be used: say so, and exit 2 (not "invalid", not "valid").
      if (e instanceof DomainError) {
        process.stderr.write(`Klaida ${e.code}: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }
  if (command === 'integrity') {
    return runIntegrityCommand(rest, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
  }
  if (command === 'keys') {
    try {
      return await runKeysCommand(rest, { out: (s) => process.stdout.write(s), env: process.env, terminal: { input: process.stdin, output: process.stderr } });
    } catch (e) {
      if (e instanceof DomainError) {
        process.stderr.write(`Klaida ${e.code}: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }
  if (command !== 'demo') {
    process.stderr.write(`Nežinoma komanda „${command}“.\n\n${HELP}`);
    return 2;
  }
  const count = countFrom(rest);
  const dataDir = resolveDataDir(rest);
  const services = await openServices({ dataDir, verifyOnOpen: false, key: await terminalKey(dataDir) });
  try {
    const info = await services.dispatch('app.info', {});
    const today = info.ok ? (info.value as { today: string }).today : new Date().toISOString().slice(0, 10);
    const written = await seedDemo(services.dispatch, today, count);
    process.stdout.write(`Įrašyta ${written.cases} demonstracinių bylų į ${dataDir}.\n`);
    process.stdout.write(`Komisija: 5 nariai; posėdžių įvyko ${written.meetings.held}, suplanuota ${written.meetings.planned}.\n\nNaudotojai (vardas / slaptažodis / vaidmuo):\n`);
    for (const u of DEMO_USERS) {
      process.stdout.write(`  ${u.username.padEnd(12)} ${u.password.padEnd(24)} ${u.roles.map((r) => ROLE_LABELS[r].lt).join(', ')}\n`);
    }
    process.stdout.write(`\nPaleiskite: npm run web -- --data ${dataDir}\n`);
  } finally {
    await services.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof DomainError) process.stderr.write(`Klaida ${e.code}: ${e.message}\n`);
    else process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  },
);
