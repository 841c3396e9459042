// Renderer entry: translations first, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { hasStationKey } from './api';
import { initCalls } from './features/calls/call-controller';
import { trackBlobUrls } from './features/kiosk/wipe';
import { restorePharmacist } from './features/kiosk/cabin-pharmacist-carry';
import './i18n';
import './styles.css';

// Before anything makes one: the cabin's end of session revokes every blob: URL the page made.
trackBlobUrls();
restorePharmacist(window.sessionStorage); // the cabin's pharmacist, carried across the wipe between patients
// Calls ring on any screen: the hub's messages are listened to from the start.
if (hasStationKey) void initCalls();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
