// The prescriptions the act's expert signed on her station, as the requesting station kept them
// (issue 21, point 5): each with its lines in words, who signed it and when, the correction's
// reason (the version it replaced kept and marked), and its kept PDF to print for the patient or
// to save. Read again whenever the act changes, so one arriving during or after the call shows at
// once. The cart's act screen shows it as a card; the cabin's end of session (through its slot)
// shows the list only, with printing alone: saving opens a file dialog, which a cabin never shows.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OtherLine, PrescriptionLine, SignedPrescription } from '../../../shared/acts/prescription';
import { medicationText, type PrescriptionWords } from '../../../shared/acts/prescription-words';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { formatDateTime } from '../../ui/format';
import { printPdf, savePdf } from '../../ui/pdf-file';
import { useActReading } from './use-act-reading';

function LineText({ line, words }: { line: PrescriptionLine; words: PrescriptionWords }) {
  const { t } = useTranslation();
  if (line.kind === 'medication') return <>{medicationText(line, words)}</>;
  const other: OtherLine = line;
  return (
    <>
      <strong>{t(`actPrescriptions.kinds.${other.kind}`)} :</strong> {other.text}
    </>
  );
}

function PrescriptionCard({
  prescription: p,
  replaced,
  cabin,
}: {
  prescription: SignedPrescription;
  replaced: boolean;
  cabin: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const words: PrescriptionWords = {
    during: (duration) => t('actPrescriptions.words.during', { duration }),
    quantity: (quantity) => t('actPrescriptions.words.quantity', { quantity }),
    nonSubstitutable: (reason) => t('actPrescriptions.words.nonSubstitutable', { reason }),
  };
  const { name, rpps, specialty } = p.author;
  const signer = specialty
    ? t('actPrescriptions.signerWithSpecialty', { name, rpps, specialty })
    : t('actPrescriptions.signer', { name, rpps });

  /** The kept PDF: printed from the page where it can be, else saved (never in the cabin). */
  async function withPdf(action: 'print' | 'save') {
    const r = await relais.invoke('encounters.prescriptionPdf', { prescriptionId: p.id });
    setError(r.ok ? null : r.error);
    setNote(null);
    if (!r.ok) return;
    if (action === 'save') return savePdf(r.value);
    if (printPdf(r.value)) return;
    if (cabin) return setNote(t('actPrescriptions.cannotPrintInCabin'));
    savePdf(r.value);
    setNote(t('actPrescriptions.saved', { fileName: r.value.fileName }));
  }

  return (
    <article className={replaced ? 'report replaced' : 'report'} data-testid="act-prescription">
      <ul className="plain-list act-prescription-lines" aria-label={t('actPrescriptions.lines')}>
        {p.lines.map((line, i) => (
          <li key={i}>
            <LineText line={line} words={words} />
          </li>
        ))}
      </ul>
      {p.correctionReason && <p>{t('actPrescriptions.correction', { reason: p.correctionReason })}</p>}
      <p className="hint">
        {t('actPrescriptions.signedBy', { signer, when: formatDateTime(p.signedAt, i18n.language) })}
        {replaced ? ` — ${t('actPrescriptions.replaced')}` : ''}
      </p>
      <div className="actions start act-prescription-actions">
        <button type="button" className={cabin ? 'kiosk-button' : 'primary'} onClick={() => void withPdf('print')}>
          {t('actPrescriptions.print')}
        </button>
        {!cabin && (
          <button type="button" className="link" onClick={() => void withPdf('save')}>
            {t('actPrescriptions.download')}
          </button>
        )}
      </div>
      {note && (
        <p role="status" className="hint">
          {note}
        </p>
      )}
      <ActError error={error} />
    </article>
  );
}

/**
 * The list alone: the cabin gives its own heading and words when there is none yet (`empty`), and
 * is told how many it shows (`onShown`).
 */
export function PrescriptionList({
  encounterId,
  cabin = false,
  empty,
  onShown,
}: {
  encounterId: string;
  cabin?: boolean;
  empty: ReactNode;
  onShown?: (count: number) => void;
}) {
  // The act's kept prescriptions, oldest first, read again when the act changes.
  const { value: prescriptions, error } = useActReading('encounters.prescriptions', encounterId);
  const count = prescriptions?.length ?? 0;
  useEffect(() => onShown?.(count), [count, onShown]);
  if (!prescriptions) return <ActError error={error} />;
  return (
    <>
      <ActError error={error} />
      {prescriptions.length === 0 ? empty : <PrescriptionCards prescriptions={prescriptions} cabin={cabin} />}
    </>
  );
}

/** The prescriptions as kept, oldest first, each corrected one marked as replaced. */
export function PrescriptionCards({ prescriptions, cabin }: { prescriptions: SignedPrescription[]; cabin: boolean }) {
  const replaced = new Set(prescriptions.map((p) => p.replaces).filter(Boolean));
  return prescriptions.map((p) => (
    <PrescriptionCard key={p.id} prescription={p} replaced={replaced.has(p.id)} cabin={cabin} />
  ));
}

/** The act screen's card "Ordonnances de l'expert". */
export function ActPrescriptions({ encounterId }: { encounterId: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="act-prescriptions-title">
      <h2 id="act-prescriptions-title">{t('actPrescriptions.title')}</h2>
      <PrescriptionList encounterId={encounterId} empty={<p>{t('actPrescriptions.none')}</p>} />
    </section>
  );
}
