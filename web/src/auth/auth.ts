/** How the app gets a token for the API and sends people to sign in; dev sign-in and Entra ID behave the same to pages. */
export interface Auth {
  readonly kind: 'dev' | 'entra';
  /** Whether someone is signed in in this browser, known without waiting; token() may still find the session ran out. */
  signedIn(): boolean;
  /** A token for the API, or null when nobody is signed in (or the session ran out). */
  token(): Promise<string | null>;
  /** Sends the person to sign in; they come back to returnTo afterwards. */
  signIn(returnTo: string): void;
  signOut(): void;
}

/** Where a person was, so signing in again brings them back; only paths of this app are accepted. */
export function safeReturnTo(value: string | null, origin: string = window.location.origin): string {
  // Resolved as the browser will resolve it: "/\\evil.example" and "/\t/evil.example" look like paths but lead off-site.
  if (!value) return '/';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  return url.origin === origin ? url.pathname + url.search + url.hash : '/';
}

const sessionChannel = 'certifications.session';

/**
 * Tells this app's other tabs that the person signed out here. The session is shared by every tab of the browser (a
 * coach opens several submissions at once), so signing out in one must end it in all of them.
 */
export function announceSignOut(): void {
  const channel = new BroadcastChannel(sessionChannel);
  channel.postMessage('signed-out');
  channel.close();
}

/** Calls listener when the person signs out in another tab of this app; returns what stops listening. */
export function onSignOutElsewhere(listener: () => void): () => void {
  const channel = new BroadcastChannel(sessionChannel);
  channel.onmessage = (event: MessageEvent) => {
    if (event.data === 'signed-out') listener();
  };
  return () => channel.close();
}
