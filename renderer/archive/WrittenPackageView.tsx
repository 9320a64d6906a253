import type { WrittenPackage } from '../../shared/contract/archiveSchemas';
import { bytesText } from '../../shared/domain/errorTexts/packages';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A package the back end wrote into the exports folder of this machine: where it is (the browser
 * host runs on the same computer, so the path is the user's to open), its size and its SHA-256,
 * which whoever receives the package compares.
 */
export function WrittenPackageView({ written, protectedByPassword = false, files }: { written: WrittenPackage; protectedByPassword?: boolean; files?: number }) {
  const { lang, t } = useI18n();
  return (
    <dl className="data-list written-package" data-sha256={written.sha256}>
      <div>
        <dt>{t('archive.written.path')}</dt>
        <dd>
          <code className="written-path">{written.path}</code>
        </dd>
      </div>
      <div>
        <dt>{t('archive.written.size')}</dt>
        <dd>{bytesText(written.bytes, lang)}</dd>
      </div>
      <div>
        <dt>{t('archive.written.sha256')}</dt>
        <dd>
          <code className="written-sha256">{written.sha256}</code>
        </dd>
      </div>
      <div>
        <dt>{files === undefined ? t('archive.written.files') : t('archive.backup.files')}</dt>
        <dd>{files ?? written.payloadFiles}</dd>
      </div>
      {protectedByPassword ? (
        <div>
          <dt>{t('archive.written.protection')}</dt>
          <dd>{t('archive.protected')}</dd>
        </div>
      ) : null}
    </dl>
  );
}
