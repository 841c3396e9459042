// The patient's consents for the call on screen, as the station knows them (its own act for the
// call, or what the other station said), kept fresh by the station's events; and why a recording
// or a sharing is not offered, in the words shown beside the control.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallConsent } from '../../../shared/acts/consent-channels';
import { relais } from '../../api';

export function useCallConsent(callId: string | null): CallConsent | null {
  const [state, setState] = useState<CallConsent | null>(null);
  useEffect(() => {
    if (!callId || callId === 'pending') return;
    let current = true;
    const load = () =>
      void relais.invoke('calls.consent', { callId }).then((r) => current && setState(r.ok ? r.value : null));
    load();
    const offs = [relais.on('calls.consentChanged', (c) => c.callId === callId && load())];
    return () => {
      current = false;
      offs.forEach((off) => off());
    };
  }, [callId]);
  // What was read for another call (the previous one) is never shown for this one.
  return state?.callId === callId ? state : null;
}

/**
 * Why this call may not record (or share images), or null when the patient consented. `holdsAct`:
 * this side keeps the patient's act (the cart); the expert's side goes by what the cart said.
 */
export function useCallBlocked(
  consent: CallConsent | null,
  holdsAct: boolean,
  remoteName: string,
): (scope: 'recording' | 'image_sharing') => string | null {
  const { t } = useTranslation();
  return (scope) => {
    const decision =
      consent?.source === 'none' || !consent ? null : scope === 'recording' ? consent.recording : consent.imageSharing;
    if (decision === 'given') return null;
    if (decision === 'refused') return t(`consent.blocked.${scope}_refused`);
    // Not collected: the cart collects it in the call's own panel; the expert waits for the cart.
    if (!holdsAct) return t('consent.blocked.remote_without_act', { name: remoteName });
    return consent?.source === 'local'
      ? t(`consent.blocked.${scope}_missing_call`)
      : t('consent.blocked.call_without_act');
  };
}
