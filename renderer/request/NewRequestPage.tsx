import { useState } from 'react';
import type { Settings } from '../../shared/contract/schemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { call } from '../api/client';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/I18nProvider';
import { navigate } from '../router/useRoute';
import { emptyRequestValues } from './requestForm';
import { RequestForm } from './RequestForm';

/** Registering a request (V-77 p. 5); on success the new case opens. */
export function NewRequestPage({ settings, today }: { settings: Settings; today: IsoDate }) {
  const { t } = useI18n();
  const [initial] = useState(() => emptyRequestValues(settings));
  return (
    <section className="page page-narrow">
      <PageTitle title={t('request.newTitle')} />
      <p className="lead">{t('request.intro')}</p>
      <RequestForm
        settings={settings}
        today={today}
        initial={initial}
        submitLabel={t('request.register')}
        onSubmit={async (input) => {
          const view = await call('cases.register', input);
          navigate({ name: 'case', id: view.record.id });
        }}
      />
    </section>
  );
}
