import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
// MathLive's static stylesheet: layout classes and the math fonts. Vite bundles the fonts it
// references into assets/, and it sets --ML__static-fonts, which tells MathLive not to load
// fonts on its own (so no requests to a guessed fonts directory). See client/math/README.md.
import 'mathlive/static.css';
import './app/styles.css';
import { configureApi } from './api/http';
import { App } from './app/App';
import { appStore } from './store/app-store';

// zod would otherwise probe `new Function` once to pick a faster parser; the CSP (script-src 'self') refuses it.
z.config({ jitless: true });

configureApi({
  csrfToken: () => appStore.getState().session.me?.csrfToken ?? null,
  onUnauthorized: () => appStore.getState().signedOut(),
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
