import type { IsoDate } from '../../shared/domain/calendar';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/I18nProvider';
import { BackupPanel } from './BackupPanel';
import { ClosedExportPanel } from './ClosedExportPanel';
import { PackageCheckPanel } from './PackageCheckPanel';
import './archive.css';

interface ArchivePageProps {
  today: IsoDate;
  /** The archivist exports the cases closed in a year. */
  canExport: boolean;
  /** The archivist and the secretary check and import packages. */
  canHandlePackages: boolean;
  /** The administrator backs the data directory up. */
  canBackUp: boolean;
}

/**
 * "Archyvas" (issue 15): each role sees its part of the archivist's desk — the export of the cases
 * closed in a year (archivist), checking and importing a package (archivist, secretary), the backup
 * (administrator). The back end's role table refuses the rest anyway.
 */
export function ArchivePage({ today, canExport, canHandlePackages, canBackUp }: ArchivePageProps) {
  const { t } = useI18n();
  return (
    <section className="page archive-page">
      <PageTitle title={t('archive.title')} />
      <p className="lead">{t('archive.lead')}</p>
      {canExport ? <ClosedExportPanel defaultYear={today.slice(0, 4)} /> : null}
      {canHandlePackages ? <PackageCheckPanel /> : null}
      {canBackUp ? <BackupPanel /> : null}
    </section>
  );
}
