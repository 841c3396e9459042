// "Technique": what the station is, what is plugged in, whether the region is reachable, what waits to
// sync, where the data and its key are: for the IT support, out of the clinicians' home screens.
import { useEffect, useState } from 'react';
import { relais } from '../../api';
import { useTranslation } from 'react-i18next';
import { useView } from '../../ui/view-store';
import { useStation } from './station-store';
import { UploadProgress } from './upload-progress';
import { HubTokenNotice } from './hub-token-notice';
import { DiskSpace } from './disk-space';
import { useSlots } from '../../ui/slots';
import type { StationRole } from '../../ui/station-role';

export function TechniqueScreen({ role }: { role: StationRole }) {
  const { KioskEntry } = useSlots();
  const { t, i18n } = useTranslation();
  const { status, error, load } = useStation();
  const show = useView((v) => v.show);
  // The INSi gateway's setting is named here, for the IT; the patient screen says it in plain words.
  const [insi, setInsi] = useState<boolean | null>(null);
  useEffect(() => {
    void load();
    void relais.invoke('patients.insiStatus', {}).then((r) => setInsi(r.ok ? r.value.configured : false));
  }, [load]);

  return (
    <section aria-labelledby="technique-title">
      <h1 id="technique-title">{t('roleHome.technique.title')}</h1>
      <p>{t('roleHome.technique.intro')}</p>
      {error && (
        <p role="alert" className="error-text">
          {t(`errors.${error.code}`)}
        </p>
      )}
      <section className="card" role="region" aria-label={t('home.status')}>
        <h2>{t('home.status')}</h2>
        {!status ? (
          <p>{t('home.loading')}</p>
        ) : (
          <dl className="status-grid">
            <dt>{t('home.station')}</dt>
            <dd>{status.stationName}</dd>
            <dt>{t('home.mode')}</dt>
            <dd>{t(`home.modes.${status.mode}`)}</dd>
            <dt>{t('home.patientCount')}</dt>
            <dd className="figure">{status.patientCount}</dd>
            <dt>{t('home.pending')}</dt>
            <dd className="figure">{status.sync.pending}</dd>
            {status.sync.waitingForAct > 0 && (
              <>
                <dt>{t('home.waitingForAct')}</dt>
                <dd>{t('home.waitingForActCount', { count: status.sync.waitingForAct })}</dd>
              </>
            )}
            <dt>{t('home.lastSync')}</dt>
            <dd>
              {status.sync.lastSyncAt
                ? new Date(status.sync.lastSyncAt).toLocaleString(i18n.language)
                : t('home.never')}
            </dd>
            <dt>{t('home.syncServer')}</dt>
            <dd>
              {status.sync.server ?? t('home.noSyncServer')}{' '}
              {status.sync.server && (
                <button type="button" className="link" onClick={() => show({ name: 'sync' })}>
                  {t('home.openSync')}
                </button>
              )}
              <UploadProgress uploads={status.sync.uploads} />
            </dd>
            {(status.sync.parked > 0 || status.sync.conflicts > 0) && (
              <>
                <dt>{t('home.needsAttention')}</dt>
                <dd className="error-text" role="alert">
                  {t('home.parkedAndConflicts', { parked: status.sync.parked, conflicts: status.sync.conflicts })}{' '}
                  <button type="button" className="link" onClick={() => show({ name: 'sync' })}>
                    {t('home.syncDetails')}
                  </button>
                </dd>
              </>
            )}
            {status.sync.lastError && (
              <>
                <dt>{t('home.syncError')}</dt>
                <dd>{status.sync.lastError}</dd>
              </>
            )}
            <dt>{t('home.hub')}</dt>
            <dd>
              {t(`home.hubStates.${status.hub.state}`)}
              {status.hub.url ? ` (${status.hub.url})` : ''}
              {status.hub.token && <HubTokenNotice token={status.hub.token} />}
            </dd>
            <dt>{t('home.devices')}</dt>
            <dd>
              {status.devices.length === 0 ? (
                t('home.noDevices')
              ) : (
                <ul className="plain-list">
                  {status.devices.map((d) => (
                    <li key={d.id}>
                      {d.label} — {t(`home.deviceStates.${d.state}`)}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>{t('home.recordAccess')}</dt>
            {/* A <dl> holds only <dt> and <dd> (axe definition-list): the note is inside the <dd>. */}
            <dd data-testid="record-access">
              {status.signIn === 'none' ? (
                <span role="note" className="error-text">
                  {t(`home.signIn.${status.signIn}`)}
                </span>
              ) : (
                t(`home.signIn.${status.signIn}`)
              )}
            </dd>
            <dt>{t('roleHome.technique.supportContact')}</dt>
            <dd data-testid="support-contact">
              {status.supportContact
                ? t('roleHome.technique.supportContactSet', { contact: status.supportContact })
                : t('roleHome.technique.supportContactUnset')}
            </dd>
            <dt>{t('roleHome.technique.insi')}</dt>
            <dd data-testid="insi-setting">
              {insi === null ? '' : t(insi ? 'roleHome.technique.insiOn' : 'roleHome.technique.insiOff')}
            </dd>
            <dt>{t('home.dataDir')}</dt>
            <dd className="mono">{status.dataDir}</dd>
            <dt>{t('disk.space')}</dt>
            <dd data-testid="disk-space" {...(status.disk.full ? { className: 'error-text' } : {})}>
              <DiskSpace disk={status.disk} />
            </dd>
            <dt>{t('home.dataProtection')}</dt>
            <dd data-testid="data-protection">
              {t(`home.dataProtectionBy.${status.dataProtection.protection}`)}
              {status.dataProtection.weaknesses.length > 0 && (
                // A list keeps its list role (axe listitem); the note is around it.
                <div role="note">
                  <ul className="plain-list">
                    {status.dataProtection.weaknesses.map((w) => (
                      <li key={w}>{t(`home.keyWeakness.${w}`)}</li>
                    ))}
                  </ul>
                </div>
              )}
            </dd>
          </dl>
        )}
      </section>
      <p>
        <button type="button" className="link" onClick={() => show({ name: 'sync' })}>
          {t('roleHome.technique.syncAndDatabase')}
        </button>
      </p>
      {/* Making a station a pharmacy cabin is an installation step; an expert's desk is never one. */}
      {role !== 'expert' && <KioskEntry />}
    </section>
  );
}
