// The act another station sent to the expert (its context, issue 21): the patient banner with the
// act's reason, and its consents, measurements and files. Shown in her call (calls) and on the act's
// screen after the call (remote-acts): one widget, two features.
import { useTranslation } from 'react-i18next';
import type { ActContext } from '../../shared/calls/act-context';
import { UNIT_SHOWN } from '../../shared/acts/encounter';
import { useConsentLine } from './consent-form';
import { formatDateTime } from './format';
import { ContextPatientBanner } from './patient-banner';

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
