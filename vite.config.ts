import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client lives in client/; the server serves dist/client and proxies nothing in production.
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    // client/api/*.ts are served at /api/*.ts by Vite itself; only real API calls go to the server.
    proxy: { '^/api/(?!.*\\.tsx?(?:\\?|$))': 'http://127.0.0.1:3000' },
  },
});
