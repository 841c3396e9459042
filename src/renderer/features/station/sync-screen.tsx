// The sync, for the person who has to look: files on their way, conflicts with the station's and
// the server's versions field by field and the choice between them, records the server refused
// with its reason (and what came of sending one again), server versions the station refused with
// the reason, what this server cannot do, and the last check that the region still holds what the
// station sent. Nothing here is lost: it waits on the station until a person settles it. Audit rows
// the region refused are listed apart, for the regional IT: they are never a clinician's problem.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import type { SyncDetails, SyncRetryResult } from '../../../shared/station/station';
import { relais } from '../../api';
import { RegionCheck } from './region-check';
import { useStation } from './station-store';
import { UploadProgress } from './upload-progress';
import { DatabasePanel } from './database-panel';
import { useSlots } from '../../ui/slots';
import { AuthorLine } from '../../ui/author-line';
import { needAuthor } from '../../ui/author-store';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value).slice(0, 400));

/** The top-level fields that differ between the two versions (meta, set by the server, aside). */
function differences(local: unknown, server: unknown): { field: string; local: unknown; server: unknown }[] {
  const a = (local ?? {}) as Record<string, unknown>;
  const b = (server ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => k !== 'meta' && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((field) => ({ field, local: a[field], server: b[field] }));
}

/** Patients and acts take the server's version; a measurement, a consent or a file stays as recorded here. */
const TAKES_SERVER_VERSION = new Set(['patient', 'encounter']);

function ConflictChoice({
  conflict,
  onSettled,
}: {
  conflict: SyncDetails['conflicts'][number];
  onSettled: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const settle = async (keep: 'station' | 'server', event?: FormEvent) => {
    event?.preventDefault();
    const author = await needAuthor();
    if (!author) return;
    setBusy(true);
    const result = await relais.invoke('sync.resolve', { conflictId: conflict.id, keep, by: author.name });
    setBusy(false);
    if (result.ok) onSettled();
    else setError(result.error);
  };
  const serverLabel = TAKES_SERVER_VERSION.has(conflict.entity) ? t('sync.keepServer') : t('sync.leaveServer');
  return (
    <form className="conflict-choice" onSubmit={(e) => void settle('station', e)} noValidate>
      <AuthorLine />
      <p className="hint">{t('sync.choiceHint')}</p>
      {error && (
        <p role="alert" className="error-text">
          {error.code === 'validation_failed' && error.message ? error.message : t(`errors.${error.code}`)}
        </p>
      )}
      <div className="actions">
        <ReasonedButton type="submit" reason={busy ? t('sync.settling') : null}>
          {t('sync.keepStation')}
        </ReasonedButton>
        <ReasonedButton reason={busy ? t('sync.settling') : null} onClick={() => void settle('server')}>
          {serverLabel}
        </ReasonedButton>
      </div>
    </form>
  );
}

/** Records that could not go, or could not be taken in, each with the reason. */
function RecordList({
  title,
  hint,
  items,
  onRetry,
}: {
  title: string;
  hint?: string;
  items: { entity: string; entityId: string; at: string; error: string }[];
  onRetry?: (entity: string, entityId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      {hint && <p className="hint">{hint}</p>}
      <ul className="plain-list">
        {items.map((r) => (
          <li key={`${r.entity}/${r.entityId}/${r.at}`} className="card">
            <strong>{t(`sync.entities.${r.entity}`, { defaultValue: r.entity })}</strong>{' '}
            <span className="mono">{r.entityId}</span> — {new Date(r.at).toLocaleString(i18n.language)}
            <p>{r.error}</p>
            {onRetry && (
              <button type="button" onClick={() => onRetry(r.entity, r.entityId)}>
                {t('sync.retry')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function SyncScreen() {
  const { WaitingCalls } = useSlots();
  const { t, i18n } = useTranslation();
  const status = useStation((s) => s.status);
  const [details, setDetails] = useState<SyncDetails | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [retried, setRetried] = useState<SyncRetryResult | null>(null);
  const load = useCallback(
    () =>
      relais.invoke('sync.details', {}).then((r) => {
        if (r.ok) {
          setDetails(r.value);
          setError(null);
        } else setError(r.error);
      }),
    [],
  );
  // Reloaded whenever the figures move (a pass found a conflict, a person settled one...).
  const parked = status?.sync.parked;
  const conflicts = status?.sync.conflicts;
  const auditRefused = status?.sync.auditRefused;
  // And when records go (a check of the region may have found some missing and sent them again).
  const pending = status?.sync.pending;
  const lastSyncAt = status?.sync.lastSyncAt;
  useEffect(() => {
    void load();
  }, [load, parked, conflicts, auditRefused, pending, lastSyncAt]);
  const syncNow = async () => {
    setSyncing(true);
    const r = await relais.invoke('sync.now', {});
    setSyncing(false);
    if (!r.ok) setError(r.error);
    await load();
  };
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  const entity = (name: string) => t(`sync.entities.${name}`, { defaultValue: name });
  // A record in conflict is shown once, with its conflict, not again among the refused ones.
  const inConflict = new Set(details?.conflicts.map((c) => `${c.entity}/${c.entityId}`));
  const parkedRows = details?.parked.filter((p) => !inConflict.has(`${p.entity}/${p.entityId}`)) ?? [];
  const empty =
    details &&
    details.parked.length === 0 &&
    details.conflicts.length === 0 &&
    details.refused.length === 0 &&
    details.auditRefused.length === 0;
  const retry = (entity: string, entityId: string) => {
    setRetried(null);
    void relais.invoke('sync.retry', { entity, entityId }).then((r) => {
      if (!r.ok) return setError(r.error);
      setRetried(r.value);
      return load();
    });
  };

  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      <p className="hint">{t('sync.intro')}</p>
      {status && (
        <p>
          {t('sync.summary', {
            pending: status.sync.pending,
            lastSync: status.sync.lastSyncAt ? when(status.sync.lastSyncAt) : t('home.never'),
            lastPull: status.sync.lastPullAt ? when(status.sync.lastPullAt) : t('home.never'),
          })}{' '}
          <ReasonedButton
            onClick={() => void syncNow()}
            reason={firstReason([syncing && t('why.busy'), !status.sync.server && t('why.noServer')])}
          >
            {syncing ? t('sync.syncing') : t('sync.now')}
          </ReasonedButton>
        </p>
      )}
      {status && <UploadProgress uploads={status.sync.uploads} />}
      {status && status.sync.waitingForAct > 0 && (
        <p className="hint">{t('home.waitingForActCount', { count: status.sync.waitingForAct })}</p>
      )}
      {status && status.sync.waitingForAct > 0 && <WaitingCalls />}
      {error && (
        <p role="alert" className="error-text">
          {t(`errors.${error.code}`)}
        </p>
      )}
      {empty && <p>{t('sync.nothing')}</p>}
      {retried && (
        <p role="status" className={retried.outcome === 'sent' ? undefined : 'error-text'}>
          {t(`sync.retryOutcome.${retried.outcome}`, { error: retried.error ?? '' })}
        </p>
      )}
      <RegionCheck check={details?.reconciliation ?? null} />
      {details && details.conflicts.length > 0 && (
        <>
          <h2>{t('sync.conflicts')}</h2>
          {details.conflicts.map((c) => (
            <section key={c.id} className="card" aria-label={`${entity(c.entity)} ${c.entityId}`}>
              <h3>
                {entity(c.entity)} <span className="mono">{c.entityId}</span> —{' '}
                {t('sync.detectedAt', { when: when(c.detectedAt) })}
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
                      <th scope="row">
                        {t(`sync.fields.${d.field}`, { defaultValue: d.field })}{' '}
                        <span className="mono hint">{d.field}</span>
                      </th>
                      <td className="mono">{show(d.local)}</td>
                      <td className="mono">{show(d.server)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ConflictChoice conflict={c} onSettled={() => void load()} />
            </section>
          ))}
        </>
      )}
      <RecordList
        title={t('sync.parked')}
        items={parkedRows.map((p) => ({ entity: p.entity, entityId: p.entityId, at: p.since, error: p.error }))}
        onRetry={retry}
      />
      <RecordList
        title={t('sync.auditRefused')}
        hint={t('sync.auditRefusedHint')}
        items={
          details?.auditRefused.map((p) => ({ entity: p.entity, entityId: p.entityId, at: p.since, error: p.error })) ??
          []
        }
        onRetry={retry}
      />
      <RecordList title={t('sync.refused')} items={details?.refused ?? []} />
      <DatabasePanel />
      {details && details.notes.length > 0 && (
        <>
          <h2>{t('sync.notes')}</h2>
          <ul>
            {details.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
