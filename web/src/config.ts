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
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`The app's settings (/config.json) could not be read: ${response.status}`);
  }
  return (await response.json()) as AppConfig;
}
