// The development identities, said once: the hub's RELAIS_HUB_DEV tokens (main.ts) and the embedded
// default of `npm start` (src/main/host/embedded-hub.ts) give the expert the same id, the one the
// sample offers name (resources/hub/offers.json, checked by test/integration/embedded-hub.test.ts),
// so that the stroke alert, the directory and téléexpertise reach her on one machine.
import type { NewClaims } from './tokens';

type DevPeer = Omit<NewClaims, 'exp'>;

export const DEV_EXPERT: DevPeer = {
  sub: 'expert-dev',
  role: 'expert',
  name: 'Expert de test',
  site: 'CHU de test',
  specialty: 'neurologie',
};

export const DEV_CART: DevPeer = {
  sub: 'cart-dev',
  role: 'station',
  name: 'Chariot de test',
  site: 'Site de test',
  specialty: null,
};

/** The region's coordinator: publishes and withdraws offers and their rotas; never rung. */
export const DEV_COORDINATOR: DevPeer = {
  sub: 'coordinator-dev',
  role: 'coordinator',
  name: 'Coordination régionale de test',
  site: 'Plateforme régionale de test',
  specialty: null,
};
