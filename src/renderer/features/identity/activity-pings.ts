// Tells the station someone is using it (a touch, a key), at most every 30 seconds, so that the
// cart locks only after real inactivity; and all through a call, where the expert may steer the
// camera for long minutes while nobody touches the cart.
import { useEffect } from 'react';
import { relais } from '../../api';

const EVERY_MS = 30_000;

export function useActivityPings(enabled: boolean, inCall: boolean): void {
  useEffect(() => {
    if (!enabled || !inCall) return;
    void relais.invoke('identity.activity', {});
    const timer = setInterval(() => void relais.invoke('identity.activity', {}), EVERY_MS);
    return () => clearInterval(timer);
  }, [enabled, inCall]);
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    const seen = () => {
      const now = Date.now();
      if (now - last < EVERY_MS) return;
      last = now;
      void relais.invoke('identity.activity', {});
    };
    window.addEventListener('pointerdown', seen);
    window.addEventListener('keydown', seen);
    return () => {
      window.removeEventListener('pointerdown', seen);
      window.removeEventListener('keydown', seen);
    };
  }, [enabled]);
}
