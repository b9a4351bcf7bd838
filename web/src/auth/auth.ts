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
export function safeReturnTo(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
