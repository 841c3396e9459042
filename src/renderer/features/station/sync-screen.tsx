// What the sync could not send: records the regional server refused, with its reason, and
// conflicts, with the station's and the server's versions field by field. Nothing here is lost:
// it waits in the outbox until a person (or a later version of Relais) settles it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import type { SyncDetails } from '../../../shared/station';
import { relais } from '../../api';

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value).slice(0, 400));

/** The top-level fields that differ between the two versions (meta, set by the server, aside). */
function differences(local: unknown, server: unknown): { field: string; local: unknown; server: unknown }[] {
  const a = (local ?? {}) as Record<string, unknown>;
  const b = (server ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => k !== 'meta' && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((field) => ({ field, local: a[field], server: b[field] }));
}

export function SyncScreen() {
  const { t, i18n } = useTranslation();
  const [details, setDetails] = useState<SyncDetails | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    void relais.invoke('sync.details', {}).then((r) => (r.ok ? setDetails(r.value) : setError(r.error)));
  }, []);
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);

  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      <p className="hint">{t('sync.intro')}</p>
      {error && <p role="alert" className="error-text">{t(`errors.${error.code}`)}</p>}
      {details && details.parked.length === 0 && details.conflicts.length === 0 && <p>{t('sync.nothing')}</p>}
      {details && details.conflicts.length > 0 && (
        <>
          <h2>{t('sync.conflicts')}</h2>
          {details.conflicts.map((c) => (
            <section key={c.id} className="card" aria-label={`${t(`sync.entities.${c.entity}`, { defaultValue: c.entity })} ${c.entityId}`}>
              <h3>
                {t(`sync.entities.${c.entity}`, { defaultValue: c.entity })} <span className="mono">{c.entityId}</span> — {t('sync.detectedAt', { when: when(c.detectedAt) })}
              </h3>
              <table className="diff">
                <thead>
                  <tr>
                    <th scope="col">{t('sync.field')}</th>
                    <th scope="col">{t('sync.station')}</th>
                    <th scope="col">{t('sync.server')}</th>
                  </tr>
                </thead>
                <tbody>
                  {differences(c.local, c.server).map((d) => (
                    <tr key={d.field}>
                      <th scope="row">{d.field}</th>
                      <td className="mono">{show(d.local)}</td>
                      <td className="mono">{show(d.server)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
      {details && details.parked.length > 0 && (
        <>
          <h2>{t('sync.parked')}</h2>
          <ul className="plain-list">
            {details.parked.map((p) => (
              <li key={`${p.entity}/${p.entityId}/${p.since}`} className="card">
                <strong>{t(`sync.entities.${p.entity}`, { defaultValue: p.entity })}</strong> <span className="mono">{p.entityId}</span> — {when(p.since)}
                <p>{p.error}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
