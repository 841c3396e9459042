// Renderer entry: translations first, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { hasStationKey } from './api';
import { initCalls } from './features/calls/call-controller';
import './i18n';
import './styles.css';

// Calls ring on any screen: the hub's messages are listened to from the start.
if (hasStationKey) void initCalls();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
