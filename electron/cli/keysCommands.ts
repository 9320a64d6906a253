// Issue 16: the data key's slots from the command line, for the browser host's and the command
// line's users (the desktop app has the same in its settings). Each command opens the directory
// with its passphrase or recovery key (terminalKey) and signs in as an administrator: the role
// table and the audit trail decide and record as in the app. The secret that opened the directory
// is the proof of an existing slot the change needs: it was just typed (or given in the environment).
import type { KeySlotViewData } from '../../shared/contract/keySchemas';
import { DomainError, errorFromData } from '../../shared/domain/errors';
import { resolveDataDir } from '../services/dataDir';
import { openServices } from '../services/index';
import type { KeyProvider } from '../services/store/encryption';
import { askHidden, terminalKey, type Terminal } from './terminalKey';

export const KEYS_HELP = `  npm run cli -- keys list --data KATALOGAS --user VARDAS
  npm run cli -- keys add-passphrase --data KATALOGAS --user VARDAS
  npm run cli -- keys add-recovery --data KATALOGAS --user VARDAS
  npm run cli -- keys remove ID [--confirm] --data KATALOGAS --user VARDAS
  npm run cli -- keys enrol
      Duomenų rakto vietos: sąrašas; nauja slaptafrazė (PUSIAUKELE_NEW_PASSPHRASE arba paklausiama
      du kartus); naujas atkūrimo raktas vietoje senojo (išspausdinamas vieną kartą: užsirašykite ir
      laikykite seife); vietos pašalinimas (paskutinės – niekada; tos, kuria katalogas atidarytas
      dabar, – tik su --confirm). Katalogas atidaromas slaptafraze arba atkūrimo raktu (jį galima
      įvesti vietoje slaptafrazės arba nurodyti PUSIAUKELE_RECOVERY_KEY); jis ir patvirtina pakeitimą.
      Naudotojas – administratorius (slaptažodis iš PUSIAUKELE_PASSWORD arba paklausiama).
      Kompiuteris įtraukiamas (enrol) tik darbalaukio programoje.
`;

export interface KeysIo {
  out(s: string): void;
  env: NodeJS.ProcessEnv;
  terminal: Terminal;
}

const KIND_LABELS: Readonly<Record<KeySlotViewData['kind'], string>> = { os: 'kompiuterio saugykla', passphrase: 'slaptafrazė', recovery: 'atkūrimo raktas' };

/** One slot a line: id, kind, when added, and for a workstation its computer and user. */
export function formatSlots(slots: readonly KeySlotViewData[], openedBy: string): string {
  return slots
    .map((s) => {
      const where = s.kind === 'os' ? ` ${s.computer ?? '(kompiuteris nežinomas)'}${s.user ? ` / ${s.user}` : ''}` : '';
      const added = s.addedAt ? `, pridėta ${s.addedAt.slice(0, 16).replace('T', ' ')}` : '';
      return `  ${s.id}  ${KIND_LABELS[s.kind]}${where}${added}${s.id === openedBy ? '  (atidarė šį kartą)' : ''}\n`;
    })
    .join('');
}

/** The proof of a slot change: the secret the directory was opened with. */
function proofOf(key: KeyProvider) {
  if (key.kind === 'passphrase') return { kind: 'passphrase' as const, passphrase: key.passphrase };
  if (key.kind === 'recovery') return { kind: 'recovery' as const, recoveryKey: key.recoveryKey };
  return { kind: 'thisWorkstation' as const };
}

function argument(argv: readonly string[], option: string): string | undefined {
  const i = argv.indexOf(option);
  return i < 0 ? undefined : argv[i + 1];
}

export async function runKeysCommand(argv: readonly string[], io: KeysIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'enrol') throw new DomainError('KEY_WORKSTATION_UNAVAILABLE');
  if (!['list', 'add-passphrase', 'add-recovery', 'remove'].includes(sub ?? '')) {
    throw new DomainError('CLI_ARGUMENT', { why: 'unknownOption', option: `keys ${sub ?? ''}`.trim() });
  }
  const data = argument(rest, '--data');
  if (data === undefined) throw new DomainError('ARCHIVE_CLI_OPTION', { option: '--data' });
  const username = argument(rest, '--user') ?? io.env.PUSIAUKELE_USER;
  if (!username) throw new DomainError('ARCHIVE_CLI_OPTION', { option: '--user' });
  const removeId = sub === 'remove' ? rest.find((a, i) => !a.startsWith('--') && !['--data', '--user'].includes(rest[i - 1] ?? '')) : undefined;
  if (sub === 'remove' && removeId === undefined) throw new DomainError('ARCHIVE_CLI_OPTION', { option: 'ID' });

  const dataDir = resolveDataDir(['--data', data]);
  const key = await terminalKey(dataDir, io.env, io.terminal);
  const services = await openServices({ dataDir, verifyOnOpen: false, key });
  try {
    const password = io.env.PUSIAUKELE_PASSWORD ?? (await askHidden(`Naudotojo ${username} slaptažodis: `, io.terminal));
    const login = await services.dispatch('auth.login', { username, password });
    if (!login.ok) throw new DomainError('ARCHIVE_CLI_SIGN_IN', { code: login.error.code });
    const session = (login.value as { session: string }).session;
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await services.dispatch(method, input, session);
      if (!result.ok) throw errorFromData(result.error);
      return result.value as T;
    };
    const current = proofOf(key);
    switch (sub) {
      case 'list': {
        const view = await call<{ slots: KeySlotViewData[]; openedBy: string }>('keys.list', {});
        io.out(`Duomenų rakto vietos (${dataDir}):\n${formatSlots(view.slots, view.openedBy)}`);
        break;
      }
      case 'add-passphrase': {
        const given = io.env.PUSIAUKELE_NEW_PASSPHRASE;
        const passphrase = given ?? (await askHidden('Nauja slaptafrazė (ne trumpesnė kaip 10 ženklų): ', io.terminal));
        const repeat = given ?? (await askHidden('Pakartokite naują slaptafrazę: ', io.terminal));
        const slot = await call<KeySlotViewData>('keys.addPassphrase', { current, passphrase, repeat });
        io.out(`Pridėta slaptafrazės vieta ${slot.id}.\n`);
        break;
      }
      case 'add-recovery': {
        const made = await call<{ slot: KeySlotViewData; recoveryKey: string; removed: string[] }>('keys.newRecoveryKey', { current });
        io.out(
          `Naujas atkūrimo raktas (vieta ${made.slot.id}${made.removed.length > 0 ? `; senasis ${made.removed.join(', ')} nebegalioja` : ''}):\n\n    ${made.recoveryKey}\n\n` +
            'Užsirašykite jį dabar ir laikykite seife: daugiau jis nebus parodytas.\n',
        );
        break;
      }
      case 'remove': {
        const slot = await call<KeySlotViewData>('keys.remove', { current, id: removeId, confirmOpening: rest.includes('--confirm') });
        io.out(`Pašalinta rakto vieta ${slot.id} (${KIND_LABELS[slot.kind]}).\n`);
        break;
      }
    }
  } finally {
    await services.close();
  }
  return 0;
}
