// A signed prescription's lines read back as text, in the order she wrote them: each medicine in
// one sentence (as the PDF prints it), each other line with its kind.
import { useTranslation } from 'react-i18next';
import type { PrescriptionLine } from '../../../shared/acts/prescription';
import { medicationSummary, type SummaryWords } from './prescription-draft';

export function SignedLines({ lines }: { lines: readonly PrescriptionLine[] }) {
  const { t } = useTranslation();
  const words: SummaryWords = {
    duration: (duration) => t('expertPrescription.summary.duration', { duration }),
    quantity: (quantity) => t('expertPrescription.summary.quantity', { quantity }),
    nonSubstitutable: (reason) => t('expertPrescription.summary.nonSubstitutable', { reason }),
  };
  return (
    <ol className="prescription-signed-lines">
      {lines.map((line, i) => (
        <li key={i}>
          {line.kind === 'medication'
            ? medicationSummary(line, words)
            : t('expertPrescription.summary.other', {
                kind: t(`expertPrescription.kinds.${line.kind}`),
                text: line.text,
              })}
        </li>
      ))}
    </ol>
  );
}
