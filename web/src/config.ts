/** What the deployment tells the app at run time (/config.json), so one build runs locally and in Azure. */
export interface AppConfig {
  /** "dev": the dev host's sign-in page; "entra": Microsoft Entra ID through MSAL. */
  signIn: 'dev' | 'entra';
  /** Where the API lives: "/api" locally, the function app's URL in Azure. */
  apiBaseUrl: string;
  clientId?: string;
  tenantId?: string;
  apiScope?: string;
}

export async function loadConfig(): Promise<AppConfig> {
  // Preloaded by index.html; the server marks it no-cache, so a deploy's change is seen on the next load.
  const response = await fetch('/config.json');
  if (!response.ok) {
    throw new Error(`The app's settings (/config.json) could not be read: ${response.status}`);
  }
  return (await response.json()) as AppConfig;
}
