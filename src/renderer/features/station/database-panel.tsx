// The technician's panel for the station's database, on the Synchronisation screen: its state and
// what the station found, the full check, the backups (each can be checked), and, while the
// database is held, the decision: restore a backup, start empty, or keep an older database. The
// station then restarts its services and says what the region gave back and what is lost.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup, DatabaseDecision, IntegrityReport } from '../../../shared/station/database';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useStation } from './station-store';
import { formatNumber } from '../../ui/format';
import { AuthorLine } from '../../ui/author-line';
import { needAuthor } from '../../ui/author-store';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';

type Checked = { ok: boolean; patients: number; encounters: number; auditLastSeq: number; problems: string[] };

function Decision({
  backups,
  state,
  onDone,
}: {
  backups: Backup[];
  state: 'damaged' | 'missing' | 'older';
  onDone: (error: AppError | null) => void;
}) {
  const { t } = useTranslation();
  // No choice is made for the person: each replaces or keeps the records, and is recorded with her name.
  const [action, setAction] = useState<DatabaseDecision['action'] | null>(null);
  const [picked, setBackup] = useState('');
  // The newest backup until the person picks another (the list may arrive after the form).
  const backup = picked || backups[0]?.name || '';
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    const author = await needAuthor();
    if (!author) return;
    const by = author.name;
    setBusy(true);
    const decision: DatabaseDecision = action === 'restore' ? { action, backup, by } : { action, by };
    const result = await relais.invoke('database.decide', decision);
    setBusy(false);
    onDone(result.ok ? null : result.error);
  };
  const choices: DatabaseDecision['action'][] = [
    ...(backups.length > 0 ? ['restore' as const] : []),
    'start_empty',
    ...(state === 'older' ? ['keep' as const] : []),
  ];
  const label = { restore: t('database.restore'), start_empty: t('database.startEmpty'), keep: t('database.keep') };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-label={t('database.decide')} noValidate>
      <h3>{t('database.decide')}</h3>
      <p className="hint">{t('database.decideHint')}</p>
      {choices.map((c) => (
        <label key={c} className="checkbox">
          <input type="radio" name="database-decision" checked={action === c} onChange={() => setAction(c)} />{' '}
          {label[c]}
        </label>
      ))}
      {action === 'restore' && (
        <label>
          {t('database.pickBackup')}
          <select value={backup} onChange={(e) => setBackup(e.target.value)}>
            {backups.map((b) => (
              <option key={b.name} value={b.name}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <AuthorLine />
      {busy && <p className="hint">{t('database.working')}</p>}
      <div className="actions start">
        <ReasonedButton
          type="submit"
          reason={firstReason([
            busy && t('database.working'),
            !action && t('database.chooseFirst'),
            action === 'restore' && !backup && t('database.backupFirst'),
          ])}
        >
          {action ? label[action] : t('database.decide')}
        </ReasonedButton>
      </div>
    </form>
  );
}

export function DatabasePanel() {
  const { t, i18n } = useTranslation();
  const database = useStation((s) => s.status?.database ?? null);
  const [backups, setBackups] = useState<Backup[]>([]);
  const [checks, setChecks] = useState<Record<string, Checked>>({});
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  const load = useCallback(
    () => relais.invoke('database.backups', {}).then((r) => (r.ok ? setBackups(r.value) : setError(r.error))),
    [],
  );
  const count = database?.backups.count;
  useEffect(() => {
    void load();
  }, [load, count, database?.state]);
  if (!database) return null;
  const run = async <T,>(
    work: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>,
    then: (value: T) => void,
  ) => {
    setBusy(true);
    const result = await work();
    setBusy(false);
    if (result.ok) then(result.value);
    else setError(result.error);
  };
  const last = database.lastRecovery;
  const regionOnly = last ? Object.values(last.atRegionOnly).reduce((n, k) => n + k, 0) : 0;
  return (
    <section className="card" aria-labelledby="database-title">
      <h2 id="database-title">{t('database.title')}</h2>
      <p
        role={database.state === 'ok' ? undefined : 'alert'}
        className={database.state === 'ok' ? undefined : 'error-text'}
      >
        {t('database.state', { state: t(`database.states.${database.state}`) })}
        {database.since && ` ${t('database.since', { when: when(database.since) })}`}
      </p>
      {database.problem && (
        <>
          <p className="hint">{t('database.found')}</p>
          <p lang="en">{database.problem}</p>
        </>
      )}
      {database.damaged.length > 0 && <p>{t('database.damagedParts', { names: database.damaged.join(', ') })}</p>}
      <p className="hint">
        {t('database.backupsSummary', {
          count: database.backups.count,
          keep: database.backups.keep,
          newest: database.backups.newestAt ? when(database.backups.newestAt) : t('database.noBackup'),
        })}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error.code === 'validation_failed' || error.code === 'hub_unavailable'
            ? error.message
            : t(`errors.${error.code}`)}
        </p>
      )}
      <div className="actions start">
        <ReasonedButton
          reason={busy ? t('why.busy') : null}
          onClick={() => void run(() => relais.invoke('database.check', {}), setReport)}
        >
          {busy ? t('database.checking') : t('database.check')}
        </ReasonedButton>
        {database.state === 'ok' && (
          <ReasonedButton
            reason={busy ? t('why.busy') : null}
            onClick={() =>
              void run(
                () => relais.invoke('database.backup', {}),
                () => void load(),
              )
            }
          >
            {t('database.backupNow')}
          </ReasonedButton>
        )}
      </div>
      {report && (
        <p role="status">
          {t(report.ok ? 'database.checkOk' : 'database.checkDamaged', { when: when(report.checkedAt) })}
        </p>
      )}
      {backups.length > 0 && (
        <>
          <h3>{t('database.backups')}</h3>
          <ul className="plain-list">
            {backups.map((b) => (
              <li key={b.name}>
                {t('database.backupLine', {
                  when: when(b.takenAt),
                  reason: t(`database.reasons.${b.reason}`),
                  size: formatNumber(b.bytes / 1e6, 1, 1),
                })}{' '}
                <ReasonedButton
                  className="link"
                  reason={busy ? t('why.busy') : null}
                  onClick={() =>
                    void run(
                      () => relais.invoke('database.checkBackup', { name: b.name }),
                      (c) => setChecks((all) => ({ ...all, [b.name]: c })),
                    )
                  }
                >
                  {t('database.checkBackup')}
                </ReasonedButton>
                {checks[b.name] && (
                  <span className={checks[b.name]!.ok ? 'hint' : 'error-text'}>
                    {' '}
                    {checks[b.name]!.ok
                      ? t('database.backupOk', {
                          patients: checks[b.name]!.patients,
                          encounters: checks[b.name]!.encounters,
                          audit: checks[b.name]!.auditLastSeq,
                        })
                      : t('database.backupBad')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {database.state !== 'ok' && <Decision backups={backups} state={database.state} onDone={(e) => setError(e)} />}
      {last && (
        <>
          <h3>{t('database.lastRecovery')}</h3>
          <p>
            {t('database.recoveryLine', {
              decision: t(`database.decisions.${last.decision}`),
              when: when(last.at),
              by: last.by,
            })}
          </p>
          <p>
            {last.regionReached
              ? t('database.broughtBack', {
                  patients: last.broughtBack.patients,
                  encounters: last.broughtBack.encounters,
                  audit: last.broughtBack.auditRows,
                })
              : t('database.noRegion')}
          </p>
          {regionOnly > 0 && <p>{t('database.atRegionOnly', { count: regionOnly })}</p>}
          <p className={last.lost.events > 0 ? 'error-text' : undefined}>
            {last.lost.events > 0 ? t('database.lost', { count: last.lost.events }) : t('database.nothingLost')}
          </p>
          <details>
            <summary>{t('database.details')}</summary>
            <ul>
              {last.messages.map((m) => (
                <li key={m} lang="en">
                  {m}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
