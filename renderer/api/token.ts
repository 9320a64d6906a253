/**
 * The browser host passes its per-run access token in the URL fragment (`#token=…`), which never
 * reaches a server log. The renderer takes it out of the address bar before anything else reads the
 * fragment (the router uses it too).
 */
export function tokenFromHash(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith('token=')) return null;
  const token = new URLSearchParams(fragment).get('token');
  return token ? token : null;
}
