// Writes what the Static Web App serves beside the built app, from the azd environment (see azure.yaml):
//   dist/config.json              — where the API is and how people sign in (read by the app at start);
//   dist/staticwebapp.config.json — deep links fall back to index.html; CSP and security headers.
// Run after `npm run build`: node deploy/write-deploy-config.mjs
// The CSP allows no inline code: index.html is a static shell whose only script is the module entry.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = process.env.WEB_DIST ?? fileURLToPath(new URL('../dist/', import.meta.url));

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`write-deploy-config: ${name} is not set in the azd environment (azd env set ${name} ...).`);
    process.exit(1);
  }
  return value;
}

function requireBuild() {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`write-deploy-config: ${join(dist, 'index.html')} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}

const apiUrl = required('API_URL').replace(/\/$/, '');
const config = {
  signIn: 'entra',
  apiBaseUrl: `${apiUrl}/api`,
  clientId: required('WEB_CLIENT_ID'),
  tenantId: process.env.WEB_SIGN_IN_TENANT || 'organizations',
  apiScope: required('API_SCOPE'),
};

requireBuild();
const apiOrigin = new URL(apiUrl).origin;
const login = 'https://login.microsoftonline.com';
const policy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  `connect-src 'self' ${apiOrigin} ${login}`,
  `frame-src ${login}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const staticWebApp = {
  navigationFallback: { rewrite: '/index.html', exclude: ['/assets/*', '/config.json'] },
  routes: [
    { route: '/assets/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
    { route: '/config.json', headers: { 'Cache-Control': 'no-cache' } },
    { route: '/index.html', headers: { 'Cache-Control': 'no-cache' } },
  ],
  globalHeaders: {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  },
  mimeTypes: { '.json': 'application/json' },
};

writeFileSync(join(dist, 'config.json'), JSON.stringify(config, null, 2) + '\n');
writeFileSync(join(dist, 'staticwebapp.config.json'), JSON.stringify(staticWebApp, null, 2) + '\n');
console.log(`write-deploy-config: the web app calls ${config.apiBaseUrl} and signs in with Entra (${config.tenantId}).`);
