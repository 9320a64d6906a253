/**
 * The signed-in user's session, kept for this tab only (sessionStorage): a reload keeps the user
 * signed in, closing the window signs them out of this copy. The back end holds sessions in memory,
 * so a restarted back end refuses a kept one (UNAUTHENTICATED) and the sign-in screen opens.
 */
const SESSION_KEY = 'pusiaukele.session';

let memory: string | null = null;

export function sessionToken(): string | null {
  try {
    return sessionStorage.getItem(SESSION_KEY) ?? memory;
  } catch {
    return memory; // storage unavailable (privacy settings): kept for this page only
  }
}

export function keepSessionToken(session: string): void {
  memory = session;
  try {
    sessionStorage.setItem(SESSION_KEY, session);
  } catch {
    // kept in memory only
  }
}

export function forgetSessionToken(): void {
  memory = null;
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // nothing kept
  }
}
