// The expert's view of the act a call is about, from the context the requesting station sent
// (act-context-share.ts): the patient banner and the reason above the call, and, in the call's
// "Dossier" panel, the consents and who gave them, the measurements with their times and devices,
// and the act's files by name. "Sans dossier associé" while no context came.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActContext, ActContextMeasurement } from '../../../shared/calls/act-context';
import { useConsentLine } from '../../ui/consent-form';
import { formatDateTime } from '../../ui/format';
import { ContextPatientBanner } from '../../ui/patient-banner';
import type { CurrentCall } from '../../webrtc/call-store';
import { useCallActId } from './act-of-call';
import { followActOfCall, useActContext } from './act-context-share';

const UNIT_SHOWN: Record<ActContextMeasurement['unit'], string> = {
  '%': '%',
  '/min': '/min',
  Cel: '°C',
  kg: 'kg',
  'mm[Hg]': 'mmHg',
};

/** The context shown for this call, or null. */
function useContextOf(call: CurrentCall) {
  const { callId, context } = useActContext();
  return callId === call.callId ? context : null;
}

/** Expert: whom the call is about, from the context; or that it carries no act. */
export function ActContextBanner({ call }: { call: CurrentCall }) {
  return <ActContextBannerView context={useContextOf(call)} />;
}

export function ActContextBannerView({ context }: { context: ActContext | null }) {
  const { t } = useTranslation();
  if (!context)
    return (
      <p className="hint" data-testid="act-context-none">
        {t('calls.context.none')}
      </p>
    );
  return (
    <div data-testid="act-context">
      <ContextPatientBanner patient={context.patient}>
        <span className="patient-banner-reason">{t('calls.reasonShown', { reason: context.act.reason })}</span>
      </ContextPatientBanner>
    </div>
  );
}

/** Expert: the act's consents, measurements and files, in the call's work panel. */
export function ActContextPanel({ call }: { call: CurrentCall }) {
  return <ActContextPanelView context={useContextOf(call)} />;
}

export function ActContextPanelView({ context }: { context: ActContext | null }) {
  const { t } = useTranslation();
  const consentLine = useConsentLine();
  if (!context) return <p className="hint">{t('calls.context.none')}</p>;
  const { act, consents, measurements, files } = context;
  return (
    <div className="act-context-panel">
      <p>{t('calls.context.requester', { name: act.requester.name, site: act.site })}</p>
      <h3>{t('acts.consents')}</h3>
      {consents.length === 0 ? (
        <p className="hint">{t('calls.context.noConsents')}</p>
      ) : (
        <ul>
          {consents.map((c, i) => (
            <li key={i}>{consentLine(c)}</li>
          ))}
        </ul>
      )}
      <h3>{t('acts.vitals')}</h3>
      {measurements.length === 0 ? (
        <p className="hint">{t('acts.noVitals')}</p>
      ) : (
        <ul data-testid="act-context-measurements">
          {measurements.map((m, i) => (
            <li key={i}>
              {t(`acts.vitalNames.${m.kind}`)} : {m.values.join('/')} {UNIT_SHOWN[m.unit]} · {formatDateTime(m.takenAt)}{' '}
              · {m.device ?? t('acts.byHand')} · {m.takenBy}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('acts.files')}</h3>
      {files.length === 0 ? (
        <p className="hint">{t('acts.noFiles')}</p>
      ) : (
        <ul>
          {files.map((f, i) => (
            <li key={i}>
              {t(`calls.context.fileKinds.${f.kind}`)} : {f.name} · {formatDateTime(f.takenAt)}
              {f.author ? ` · ${f.author}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Requesting station: sends the call's act's context as it changes (nothing for a call with no act). */
export function ActContextSender({ call }: { call: CurrentCall }) {
  const actId = useCallActId(call);
  useEffect(() => followActOfCall(actId), [actId]);
  return null;
}
