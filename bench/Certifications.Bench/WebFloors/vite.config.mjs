// Builds the React floor with the web app's own Vite and React (web/node_modules), so it needs no packages of its own.
// FLOORS_OUT is where the bench wants it; the bench serves it from the same host as the app.
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const packages = fileURLToPath(new URL('../../../web/node_modules/', import.meta.url));

export default {
  root: here,
  base: '/floors/',
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^react$/, replacement: `${packages}react/index.js` },
      { find: /^react-dom\/client$/, replacement: `${packages}react-dom/client.js` },
    ],
  },
  build: { outDir: process.env.FLOORS_OUT, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: `${here}react-home.html` } },
};
