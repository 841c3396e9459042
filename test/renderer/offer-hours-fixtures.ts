// The cart's hub in the hours tests: a dermatologist of a weekday offer, a neurologist of the urgent
// offer. Imports no store: the tests build their call store's first state from it.
import type { Peer } from '../../src/shared/hub-protocol';
import { anOffer } from '../helpers/offers';

const person = (id: string, role: Peer['role'], name: string, specialty: string | null): Peer => ({
  id,
  role,
  name,
  site: 'Site',
  specialty,
  availability: 'available',
});

export const cart = person('cart-1', 'station', 'Chariot 1', null);
export const peau = person('dr-peau', 'expert', 'Dr Peau', 'dermatologie');
export const garde = person('dr-garde', 'expert', 'Dr Garde', 'neurologie');
export const dermato = anOffer({
  id: 'dermato',
  specialty: 'dermatologie',
  experts: [{ id: peau.id, name: peau.name }],
});
export const neuro = anOffer({
  id: 'neuro-garde',
  specialty: 'neurologie',
  urgent: true,
  experts: [{ id: garde.id, name: garde.name }],
});
