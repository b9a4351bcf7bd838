import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev host serves dist/ at http://localhost:7071/ beside /api; `npm run dev` proxies /api to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:7071', '/config.json': 'http://localhost:7071', '/dev': 'http://localhost:7071' } },
});
