// The expert's "Compte rendu" tab in a call: her report of the act the requesting station sent
// (the remote-acts feature's editor), each version she signs sent over the call at once.
import { useTranslation } from 'react-i18next';
import { templateForSpecialty } from '../../../shared/acts/expert-report-templates';
import { useSlots } from '../../ui/slots';
import { useCalls, type CurrentCall } from '../../webrtc/call-store';
import { useActContext } from './act-context-share';
import { sendSignedReport } from './expert-report-share';

export function CallReport({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  const { ExpertReport } = useSlots();
  const specialty = useCalls((s) => s.hub.you?.specialty ?? null);
  const { callId, context } = useActContext();
  if (callId !== call.callId || !context) return <p className="hint">{t('expertReport.noAct')}</p>;
  return (
    <ExpertReport
      key={context.act.id}
      peerId={call.remote.id}
      actId={context.act.id}
      context={context}
      template={templateForSpecialty(specialty)}
      onSigned={(report) => void sendSignedReport(report)}
    />
  );
}
