// The versions of her report she signed, oldest first: who signed, when, the SHA-256 the requesting
// station checks, and where each stands there (waiting, received during the call or through the
// regional server, or refused with its reason). The latest one may be corrected.
import { useTranslation } from 'react-i18next';
import type { RemoteReport } from '../../../shared/remote-acts/report-channels';
import { formatDateTime } from '../../ui/format';

interface Props {
  versions: RemoteReport[];
  /** The version being corrected, if any. */
  correcting: string | null;
  /** Starts a correction of the latest version; null when one is being written. */
  onCorrect: (() => void) | null;
}

function Delivery({ version }: { version: RemoteReport }) {
  const { t } = useTranslation();
  const { delivery } = version;
  if (delivery.state === 'pending') return <p className="hint">{t('expertReport.delivery.pending')}</p>;
  if (delivery.state === 'refused') {
    // The requesting station's reason is its error or field code: said in words when it is one of ours.
    const words = t(`fieldErrors.${delivery.reason}`, {
      defaultValue: t(`errors.${delivery.reason}`, delivery.reason),
    });
    return (
      <p className="error-text" role="alert">
        {t('expertReport.delivery.refused', { reason: words })}
      </p>
    );
  }
  return <p className="ok-text">{t(`expertReport.delivery.${delivery.via}`, { time: formatDateTime(delivery.at) })}</p>;
}

export function SignedVersions({ versions, correcting, onCorrect }: Props) {
  const { t } = useTranslation();
  if (versions.length === 0) return null;
  return (
    <div className="expert-report-versions" data-testid="expert-report-versions">
      <h4>{t('expertReport.versions')}</h4>
      <ol>
        {versions.map((version) => {
          const { report } = version;
          return (
            <li key={report.id} className={version.replacedBy ? 'replaced' : undefined}>
              <p>
                <strong>
                  {t('expertReport.signedBy', {
                    name: report.author.name,
                    rpps: report.author.rpps,
                    time: formatDateTime(report.signedAt),
                  })}
                </strong>
              </p>
              {report.correctionReason && (
                <p>
                  {t('expertReport.correctionReason')} : {report.correctionReason}
                </p>
              )}
              <p className="hint fingerprint">{t('expertReport.fingerprint', { sha: report.sha256 })}</p>
              {version.replacedBy ? (
                <p className="hint">{t('expertReport.replaced')}</p>
              ) : (
                <Delivery version={version} />
              )}
              {correcting === report.id && (
                <p className="hint">{t('expertReport.correctionOf', { time: formatDateTime(report.signedAt) })}</p>
              )}
            </li>
          );
        })}
      </ol>
      {onCorrect && (
        <button type="button" onClick={onCorrect}>
          {t('expertReport.correct')}
        </button>
      )}
    </div>
  );
}
