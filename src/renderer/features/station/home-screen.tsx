// Home, by the station's role: the cart's (start a consultation, acts in progress), the expert's
// (requests, acts awaiting her report, calls), the cabin's (the pharmacy). Each ends with one plain
// sentence on the station's health and whom to call; the details are on the "Technique" page.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationRole } from '../../ui/station-role';
import { useCalls } from '../../webrtc/call-store';
import { useStation } from './station-store';
import { CartHome } from './cart-home';
import { ExpertHome } from './expert-home';
import { CabinHome } from './cabin-home';
import { HealthNote } from './health-note';
import './home.css';

export function HomeScreen({ role, pharmacy }: { role: StationRole; pharmacy: string }) {
  const { t } = useTranslation();
  const { status, load } = useStation();
  // The home stays mounted behind a call: its lists are read again when the call ends (a missed
  // call, an act that moved on), by mounting them afresh.
  const calls = useCalls((s) => s.call?.callId ?? 'none');
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section aria-labelledby="home-title" className={`home home-${role}`}>
      <h1 id="home-title">{t(`roleHome.${role}.title`)}</h1>
      {role === 'cart' && <CartHome key={calls} />}
      {role === 'expert' && <ExpertHome key={calls} />}
      {role === 'cabin' && <CabinHome pharmacy={pharmacy} />}
      <HealthNote status={status} />
    </section>
  );
}
