import { useEffect, useState } from 'react';
import type { SessionUser } from '../../shared/contract/users';
import { call } from '../api/client';
import { isAdministrator } from '../auth/access';
import { useI18n } from '../i18n/I18nProvider';
import type { Route } from '../router/routes';

/** How often the free space is asked while nothing else happens (app.info is not activity: the idle lock still comes). */
const RECHECK_MS = 5 * 60_000;

interface DiskState {
  freeBytes: number;
  warnBelowBytes: number;
  dataDir: string;
}

function megabytes(bytes: number, lang: 'lt' | 'en'): string {
  return Math.floor(bytes / (1024 * 1024)).toLocaleString(lang === 'lt' ? 'lt-LT' : 'en-GB');
}

/**
 * Issue 16: a calm warning to every signed-in user when the data directory's disk has less free
 * space than the back end's level (500 MB): the data is safe; once the disk is full, changes are
 * refused until space is freed. The administrator is told what to do. Asked on every navigation and
 * every few minutes; a back end that cannot tell the space shows nothing.
 */
export function DiskSpaceBanner({ user, route }: { user: SessionUser; route: Route }) {
  const { lang } = useI18n();
  const [disk, setDisk] = useState<DiskState | null>(null);

  useEffect(() => {
    let current = true;
    const ask = () =>
      call('app.info', {}).then(
        (info) => {
          if (!current) return;
          const free = info.disk?.freeBytes;
          setDisk(info.disk && free !== null && free !== undefined ? { freeBytes: free, warnBelowBytes: info.disk.warnBelowBytes, dataDir: info.dataDir } : null);
        },
        () => undefined, // the page's own requests report a failing back end
      );
    void ask();
    const timer = setInterval(() => void ask(), RECHECK_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [route]);

  if (!disk || disk.freeBytes >= disk.warnBelowBytes) return null;
  const free = megabytes(disk.freeBytes, lang);
  const admin = isAdministrator(user.roles);
  return (
    <div className="notice notice-warning disk-warning" role="status" style={{ margin: '12px 24px' }}>
      {lang === 'lt' ? (
        <>
          <p className="notice-title">Diske liko mažai vietos: {free} MB.</p>
          <p>Duomenys saugūs. Jei vieta baigsis, programa naujų pakeitimų neįrašys, kol vietos bus atlaisvinta; peržiūrėti duomenis bus galima ir toliau.</p>
          {admin ? (
            <p>
              Atlaisvinkite vietos diske, kuriame yra duomenų katalogas <code>{disk.dataDir}</code>: ištrinkite nereikalingus failus arba perkelkite senas atsargines
              kopijas ir eksportuotus paketus į kitą diską. Įspėjimas dings, kai laisvos vietos bus daugiau nei {megabytes(disk.warnBelowBytes, lang)} MB.
            </p>
          ) : (
            <p>Praneškite apie tai administratoriui.</p>
          )}
        </>
      ) : (
        <>
          <p className="notice-title">The disk is running out of space: {free} MB left.</p>
          <p>The data is safe. Should the disk fill up, the app will not save new changes until space is freed; the data can still be viewed.</p>
          {admin ? (
            <p>
              Free some space on the disk that holds the data directory <code>{disk.dataDir}</code>: delete files no longer needed, or move old backups and exported
              packages to another disk. The warning goes once more than {megabytes(disk.warnBelowBytes, lang)} MB are free.
            </p>
          ) : (
            <p>Please tell the administrator.</p>
          )}
        </>
      )}
    </div>
  );
}
