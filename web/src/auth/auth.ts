/** How the app gets a token for the API and sends people to sign in; dev sign-in and Entra ID behave the same to pages. */
export interface Auth {
  readonly kind: 'dev' | 'entra';
  /** Whether someone is signed in on this tab, known without waiting; token() may still find the session ran out. */
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
