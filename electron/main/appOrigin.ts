// The renderer's one origin. Everything the shell trusts (navigation, IPC senders, the protocol
// handler) is decided against it.
export const APP_SCHEME = 'app';
export const APP_HOST = 'pusiaukele';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True only for app://pusiaukele/… (exact host, no port, no credentials). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
