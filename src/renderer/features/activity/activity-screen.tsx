// The coordinator's activity screen: this station's acts per month by type and specialty, the
// time they took and the transport they spared patients (with its method, and why some acts
// have no estimate), as a table, two charts, and a CSV to export.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  activityCsvFileName,
  activityReportCsv,
  type ActivityReport,
  type KmMissing,
} from '../../../shared/activity/activity-report';
import { dayInFrance } from '../../../shared/france-time';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { MonthInput } from '../../ui/month-input';
import { activityChartData, monthsBefore } from './activity-chart-data';
import { MonthBars } from './month-bars';
import { ReasonedButton } from '../../ui/disabled-reason';

const COLORS = {
  teleconsultation: '#0b4f8a',
  teleexpertise: '#2f8f5b',
  telesurveillance: '#b8860b',
  teleassistance: '#8a3b8f',
} as const;
const REASONS: (keyof KmMissing)[] = ['patientCommune', 'siteCommune', 'noTable', 'notInTable'];

/** The CSV, saved by the browser; a byte order mark so that a French spreadsheet reads it as UTF-8. */
function saveCsv(report: ActivityReport) {
  const url = URL.createObjectURL(new Blob(['\uFEFF', activityReportCsv(report)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = activityCsvFileName(report);
  link.click();
  // SECURITY: an export the page makes itself: the station's audit trail records it.
  void relais.invoke('audit.note', {
    event: 'activity.csvExported',
    fileName: link.download,
    detail: `${report.from}..${report.to}: ${report.rows.length} rows`,
  });
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function Coordinates({ report }: { report: ActivityReport }) {
  const { t, i18n } = useTranslation();
  const c = report.coordinates;
  const file = c.file.split(/[\\/]/).pop() ?? c.file;
  if (c.status === 'loaded')
    return <p className="hint">{t(`activity.coordinates.loaded_${c.reference}`, { count: c.communes, file })}</p>;
  if (c.status === 'missing')
    return (
      // The setting's name is for the IT only: in the tooltip, not in the sentence a coordinator reads.
      <p
        role="status"
        className="warning-text"
        title={t('activity.coordinates.setting', { setting: 'RELAIS_COMMUNES_CSV' })}
      >
        {t('activity.coordinates.missing', { file, path: c.file })}
      </p>
    );
  return (
    <p role="status" className="warning-text">
      {t('activity.coordinates.unreadable', { file, reason: i18n.language.startsWith('fr') ? c.fr : c.en })}
    </p>
  );
}

export function ActivityScreen() {
  const { t, i18n } = useTranslation();
  const thisMonth = dayInFrance(new Date().toISOString()).slice(0, 7);
  const [range, setRange] = useState({ from: monthsBefore(thisMonth, 5), to: thisMonth });
  const [asked, setAsked] = useState(range);
  // The years offered: the last ten, up to this one (five years at most are shown at once).
  const thisYear = Number(thisMonth.slice(0, 4));
  const years = Array.from({ length: 10 }, (_, i) => thisYear - 9 + i);
  const [report, setReport] = useState<ActivityReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    void relais.invoke('activity.monthly', asked).then((r) => {
      if (!current) return;
      setReport(r.ok ? r.value : null);
      setError(r.ok ? null : r.error);
    });
    return () => {
      current = false;
    };
  }, [asked]);

  const data = useMemo(() => (report ? activityChartData(report) : null), [report]);
  const actSeries = useMemo(
    () =>
      data
        ? data.types.map((type) => ({ label: t(`acts.types.${type}`), color: COLORS[type], values: data.acts[type] }))
        : [],
    [data, t],
  );
  const minuteSeries = useMemo(
    () => (data ? [{ label: t('activity.minutes'), color: '#0b4f8a', values: data.minutes }] : []),
    [data, t],
  );
  const totals = report?.rows.reduce(
    (sum, r) => ({
      acts: sum.acts + r.acts,
      minutes: sum.minutes + r.minutes,
      km: sum.km + r.km,
      kmUnknown: sum.kmUnknown + r.kmUnknown,
    }),
    { acts: 0, minutes: 0, km: 0, kmUnknown: 0 },
  );
  const number = (n: number) => n.toLocaleString(i18n.language);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAsked({ ...range });
  }

  return (
    <section aria-labelledby="activity-title">
      <h1 id="activity-title">{t('activity.title')}</h1>
      {report && <p className="hint">{t('activity.scope')}</p>}
      <form className="card inline-form" aria-label={t('activity.range')} onSubmit={submit} noValidate>
        <label htmlFor="activity-from">{t('activity.from')}</label>
        <MonthInput
          id="activity-from"
          label={t('activity.from')}
          value={range.from}
          years={years}
          onChange={(from) => setRange((r) => ({ ...r, from }))}
        />
        <label htmlFor="activity-to">{t('activity.to')}</label>
        <MonthInput
          id="activity-to"
          label={t('activity.to')}
          value={range.to}
          years={years}
          onChange={(to) => setRange((r) => ({ ...r, to }))}
        />
        <button type="submit">{t('activity.show')}</button>
        <ReasonedButton
          className="primary"
          reason={report ? null : t('why.showFirst')}
          onClick={() => report && saveCsv(report)}
        >
          {t('activity.export')}
        </ReasonedButton>
      </form>
      <ActError error={error} />

      {report && data && totals && (
        <>
          {report.rows.length === 0 ? (
            <p>{t('activity.none')}</p>
          ) : (
            <table className="activity-table">
              <caption>{t('activity.tableCaption', { from: report.from, to: report.to })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('activity.month')}</th>
                  <th scope="col">{t('activity.act')}</th>
                  <th scope="col">{t('activity.specialty')}</th>
                  <th scope="col">{t('activity.acts')}</th>
                  <th scope="col">{t('activity.minutes')}</th>
                  <th scope="col">{t('activity.km')}</th>
                  <th scope="col">{t('activity.kmUnknown')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={`${r.month}|${r.act}|${r.specialty}`}>
                    <td>{r.month}</td>
                    <td>{t(`acts.types.${r.act}`)}</td>
                    <td>{r.specialty}</td>
                    <td>{number(r.acts)}</td>
                    <td>{number(r.minutes)}</td>
                    <td>{number(r.km)}</td>
                    <td>{number(r.kmUnknown)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t('activity.total')}
                  </th>
                  <td>{number(totals.acts)}</td>
                  <td>{number(totals.minutes)}</td>
                  <td>{number(totals.km)}</td>
                  <td>{number(totals.kmUnknown)}</td>
                </tr>
              </tfoot>
            </table>
          )}

          <div className="charts">
            <MonthBars
              months={data.months}
              series={actSeries}
              label={t('activity.actsChart')}
              unit={t('activity.acts')}
            />
            <MonthBars
              months={data.months}
              series={minuteSeries}
              label={t('activity.minutesChart')}
              unit={t('activity.minutes')}
            />
          </div>

          <section aria-labelledby="activity-km-title" className="card">
            <h2 id="activity-km-title">{t('activity.kmTitle')}</h2>
            <p data-testid="activity-km-total">
              {t('activity.kmTotal', { km: number(totals.km), acts: totals.acts - totals.kmUnknown })}
            </p>
            {report.method && <p data-testid="activity-method">{t('activity.method', { method: report.method })}</p>}
            <Coordinates report={report} />
            {REASONS.some((r) => report.kmMissing[r] > 0) && (
              <ul aria-label={t('activity.missingTitle')}>
                {REASONS.filter((r) => report.kmMissing[r] > 0).map((r) => (
                  <li key={r}>{t(`activity.missing.${r}`, { count: report.kmMissing[r] })}</li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
