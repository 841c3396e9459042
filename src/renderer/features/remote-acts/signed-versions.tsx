// The versions of a document she signed (her report, or her prescriptions), oldest first: who
// signed, when, what was signed when it is short enough to read back (a prescription's lines), the
// SHA-256 the requesting station checks, and where each stands there (waiting, received during the
// call or through the regional server, or refused with its reason). A version nothing corrected yet
// may be corrected. One component for both documents; their words differ (a report is masculine
// in French, a prescription feminine), so each kind names its own texts.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDelivery } from '../../../shared/remote-acts/report-channels';
import { formatDateTime } from '../../ui/format';

/** What every signed document of hers carries, whatever its content. */
export interface SignedVersion {
  signed: {
    id: string;
    author: { name: string; rpps: string };
    signedAt: string;
    correctionReason: string | null;
    sha256: string;
  };
  delivery: ReportDelivery;
  replacedBy: string | null;
  /** What was signed, read back (a prescription's lines); none for a report, shown at the cart. */
  content?: ReactNode;
}

export type SignedKind = 'report' | 'prescription';

// The text keys of each kind, written whole so that the texts' tests see them used.
const TEXTS = {
  report: {
    testId: 'expert-report-versions',
    versions: 'expertReport.versions',
    signedBy: 'expertReport.signedBy',
    correctionReason: 'expertReport.correctionReason',
    fingerprint: 'expertReport.fingerprint',
    replaced: 'expertReport.replaced',
    correctionOf: 'expertReport.correctionOf',
    correct: 'expertReport.correct',
    pending: 'expertReport.delivery.pending',
    call: 'expertReport.delivery.call',
    hub: 'expertReport.delivery.hub',
    refused: 'expertReport.delivery.refused',
  },
  prescription: {
    testId: 'expert-prescription-versions',
    versions: 'expertPrescription.versions',
    signedBy: 'expertPrescription.signedBy',
    correctionReason: 'expertPrescription.correctionReason',
    fingerprint: 'expertReport.fingerprint',
    replaced: 'expertPrescription.replaced',
    correctionOf: 'expertPrescription.correctionOf',
    correct: 'expertPrescription.correct',
    pending: 'expertPrescription.delivery.pending',
    call: 'expertPrescription.delivery.call',
    hub: 'expertPrescription.delivery.hub',
    refused: 'expertPrescription.delivery.refused',
  },
} as const;

interface Props {
  kind: SignedKind;
  versions: SignedVersion[];
  /** The version being corrected, if any. */
  correcting: string | null;
  /** Starts a correction of that version; null while one is being written. */
  onCorrect: ((id: string) => void) | null;
}

function Delivery({ kind, delivery }: { kind: SignedKind; delivery: ReportDelivery }) {
  const { t } = useTranslation();
  const texts = TEXTS[kind];
  if (delivery.state === 'pending') return <p className="hint">{t(texts.pending)}</p>;
  if (delivery.state === 'refused') {
    // The requesting station's reason is its error or field code: said in words when it is one of ours.
    const words = t(`fieldErrors.${delivery.reason}`, {
      defaultValue: t(`errors.${delivery.reason}`, delivery.reason),
    });
    return (
      <p className="error-text" role="alert">
        {t(texts.refused, { reason: words })}
      </p>
    );
  }
  return <p className="ok-text">{t(texts[delivery.via], { time: formatDateTime(delivery.at) })}</p>;
}

export function SignedVersions({ kind, versions, correcting, onCorrect }: Props) {
  const { t } = useTranslation();
  const texts = TEXTS[kind];
  if (versions.length === 0) return null;
  return (
    <div className="expert-report-versions" data-testid={texts.testId}>
      <h4>{t(texts.versions)}</h4>
      <ol>
        {versions.map(({ signed, delivery, replacedBy, content }) => (
          <li key={signed.id} className={replacedBy ? 'replaced' : undefined}>
            <p>
              <strong>
                {t(texts.signedBy, {
                  name: signed.author.name,
                  rpps: signed.author.rpps,
                  time: formatDateTime(signed.signedAt),
                })}
              </strong>
            </p>
            {signed.correctionReason && (
              <p>
                {t(texts.correctionReason)} : {signed.correctionReason}
              </p>
            )}
            {content}
            <p className="hint fingerprint">{t(texts.fingerprint, { sha: signed.sha256 })}</p>
            {replacedBy ? <p className="hint">{t(texts.replaced)}</p> : <Delivery kind={kind} delivery={delivery} />}
            {correcting === signed.id && (
              <p className="hint">{t(texts.correctionOf, { time: formatDateTime(signed.signedAt) })}</p>
            )}
            {onCorrect && !replacedBy && (
              <button type="button" onClick={() => onCorrect(signed.id)}>
                {t(texts.correct)}
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
