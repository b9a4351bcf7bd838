import { announceSignOut, type Auth } from './auth';

const key = 'certifications.dev-session';

interface StoredSession {
  token: string;
  expiresAt: number;
}

/** Seconds since the epoch at which the JWT stops being accepted (its exp claim). */
function expiryOf(token: string): number {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const exp = (JSON.parse(json) as { exp?: number }).exp;
  return typeof exp === 'number' ? exp : 0;
}

/** The token kept for this browser's tabs, or null once it has run out. */
export function keptToken(): string | null {
  const raw = localStorage.getItem(key);
  if (!raw) return null;
  const session = JSON.parse(raw) as StoredSession;
  if (session.expiresAt * 1000 <= Date.now()) {
    localStorage.removeItem(key);
    return null;
  }
  return session.token;
}

/** The dev host's sign-in: a token picked on /sign-in, shared by this browser's tabs until it runs out. */
export function devAuth(): Auth {
  return {
    kind: 'dev',
    signedIn: () => keptToken() !== null,
    token: () => Promise.resolve(keptToken()),
    signIn: (returnTo) => {
      localStorage.removeItem(key);
      window.location.assign(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
    },
    signOut: () => {
      localStorage.removeItem(key);
      announceSignOut();
      window.location.assign('/sign-in');
    },
  };
}

/** Keeps the token the sign-in page was given. */
export function rememberDevToken(token: string): void {
  const session: StoredSession = { token, expiresAt: expiryOf(token) };
  localStorage.setItem(key, JSON.stringify(session));
}
