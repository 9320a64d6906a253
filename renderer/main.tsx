import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { App } from './App';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';

// First take the access token out of the address bar (browser host), then let the router read it.
connect();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
