// The expert's screen for an act of another station, after the call (issue 21, point 4): whom it is
// about (the banner, with the reason), what the requesting station sent (consents, measurements,
// files), and her report and prescription, each written, signed and followed until the requesting
// station has it: the documents one under the other, beside what was sent, so that she reads the
// act while she writes (one column on a narrow screen).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateForSpecialty } from '../../../shared/acts/expert-report-templates';
import type { RemoteAct } from '../../../shared/remote-acts/channels';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { ActContextBannerView, ActContextPanelView } from '../../ui/act-context-panel';
import { ActError } from '../../ui/error-line';
import { useView } from '../../ui/view-store';
import { useCalls } from '../../webrtc/call-store';
import { ExpertReportEditor } from './expert-report-editor';
import { PrescriptionEditor } from './prescription-editor';

export function RemoteActScreen({ peerId, actId }: { peerId: string; actId: string }) {
  const { t } = useTranslation();
  const show = useView((v) => v.show);
  const specialty = useCalls((s) => s.hub.you?.specialty ?? null);
  const [act, setAct] = useState<RemoteAct | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    void relais.invoke('remoteActs.get', { peerId, actId }).then((r) => {
      if (r.ok) setAct(r.value);
      else setError(r.error);
    });
  }, [peerId, actId]);
  return (
    <div className="remote-act">
      <button type="button" className="link" onClick={() => show({ name: 'home' })}>
        {t('remoteAct.back')}
      </button>
      <ActError error={error} />
      {act && (
        <>
          <ActContextBannerView context={act.context} />
          <h2>{t('remoteAct.title', { station: act.peerName })}</h2>
          <div className="remote-act-columns">
            <section className="card" aria-label={t('calls.work.tabs.act')}>
              <ActContextPanelView context={act.context} />
            </section>
            <div className="remote-act-documents">
              <section className="card">
                <ExpertReportEditor
                  peerId={peerId}
                  actId={actId}
                  context={act.context}
                  template={templateForSpecialty(specialty)}
                />
              </section>
              <section className="card">
                <PrescriptionEditor peerId={peerId} actId={actId} context={act.context} />
              </section>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
