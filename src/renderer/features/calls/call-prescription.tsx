// The expert's "Ordonnance" tab in a call: her prescription of the act the requesting station sent
// (the remote-acts feature's editor), each version she signs sent over the call at once.
import { useTranslation } from 'react-i18next';
import { useSlots } from '../../ui/slots';
import type { CurrentCall } from '../../webrtc/call-store';
import { useActContext } from './act-context-share';
import { sendSignedPrescription } from './expert-prescription-share';

export function CallPrescription({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  const { ExpertPrescription } = useSlots();
  const { callId, context } = useActContext();
  if (callId !== call.callId || !context) return <p className="hint">{t('expertPrescription.noAct')}</p>;
  return (
    <ExpertPrescription
      key={context.act.id}
      peerId={call.remote.id}
      actId={context.act.id}
      context={context}
      onSigned={(prescription) => void sendSignedPrescription(prescription)}
    />
  );
}
