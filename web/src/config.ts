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

const remembered = 'certifications.config';

async function fetchConfig(): Promise<AppConfig> {
  // The server marks it no-cache, so a deploy's change is seen on the next load.
  const response = await fetch('/config.json');
  if (!response.ok) {
    throw new Error(`The app's settings (/config.json) could not be read: ${response.status}`);
  }
  return (await response.json()) as AppConfig;
}

/** The app's settings, and how to follow a deploy that changes them. */
export interface LoadedConfig {
  config: AppConfig;
  /**
   * Reads /config.json again when the settings came from the kept copy, and reloads the page if a deploy changed them.
   * Called once the start-up has handed over to React, so a browser that has run the app does nothing more before its
   * first reads; or once it has failed, as the kept copy may be what stops it.
   */
  followDeploys: () => void;
}

/**
 * The app's settings. A browser that has run the app starts at once with the copy it kept, as the settings change only
 * with a deploy; a browser without one reads /config.json first.
 */
export async function loadConfig(): Promise<LoadedConfig> {
  const kept = keptConfig();
  if (!kept) {
    const config = await fetchConfig();
    keep(config);
    return { config, followDeploys: () => undefined };
  }
  const followDeploys = () =>
    void fetchConfig().then(
      (config) => {
        if (JSON.stringify(config) === JSON.stringify(kept)) return;
        keep(config);
        window.location.reload();
      },
      // The kept copy stands in; a server that cannot be reached shows itself on the first API call.
      () => undefined,
    );
  return { config: kept, followDeploys };
}

/** The settings this browser kept from an earlier load, or null. */
export function keptConfig(): AppConfig | null {
  try {
    const raw = localStorage.getItem(remembered);
    return raw ? (JSON.parse(raw) as AppConfig) : null;
  } catch {
    // Storage can be switched off or hold something unreadable; the file is then the only source.
    return null;
  }
}

function keep(config: AppConfig): void {
  try {
    localStorage.setItem(remembered, JSON.stringify(config));
  } catch {
    // Without storage every load reads the file, as before.
  }
}
