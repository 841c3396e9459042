// The expert's view of the act a call is about, from the context the requesting station sent
// (act-context-share.ts): the patient banner and the reason above the call, and, in the call's
// "Dossier" panel, the consents and who gave them, the measurements with their times and devices,
// and the act's files by name. "Sans dossier associé" while no context came.
import { useEffect } from 'react';
import { ActContextBannerView, ActContextPanelView } from '../../ui/act-context-panel';
import type { CurrentCall } from '../../webrtc/call-store';
import { useCallActId } from './act-of-call';
import { followActOfCall, useActContext } from './act-context-share';

/** The context shown for this call, or null. */
function useContextOf(call: CurrentCall) {
  const { callId, context } = useActContext();
  return callId === call.callId ? context : null;
}

/** Expert: whom the call is about, from the context; or that it carries no act. */
export function ActContextBanner({ call }: { call: CurrentCall }) {
  return <ActContextBannerView context={useContextOf(call)} />;
}

/** Expert: the act's consents, measurements and files, in the call's work panel. */
export function ActContextPanel({ call }: { call: CurrentCall }) {
  return <ActContextPanelView context={useContextOf(call)} />;
}

/** Requesting station: sends the call's act's context as it changes (nothing for a call with no act). */
export function ActContextSender({ call }: { call: CurrentCall }) {
  const actId = useCallActId(call);
  useEffect(() => followActOfCall(actId), [actId]);
  return null;
}
