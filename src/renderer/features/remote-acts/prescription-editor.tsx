// The expert writes her prescription (ordonnance) of the act a requesting station sent (issue 21,
// point 5), during the call or after it: medicines and non-drug lines (biology, imaging, nursing,
// other) she adds one by one; she signs in her signed-in name, for the patient of the act's
// context, and reads back each version she signed with where it stands at the requesting station.
// An act may have several prescriptions ("Nouvelle ordonnance"); a correction is a new version of
// one of them, with its reason, the first kept.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MedicationLineSchema,
  OTHER_LINE_KINDS,
  OtherLineSchema,
  type OtherLine,
  type SignedPrescription,
} from '../../../shared/acts/prescription';
import type { ActContext } from '../../../shared/calls/act-context';
import type { RemotePrescription } from '../../../shared/remote-acts/prescription-channels';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';
import { ActError } from '../../ui/error-line';
import { splitFieldErrors } from '../../ui/field-errors';
import { useSignedIn } from '../../ui/identity-store';
import { PrescriptionLineFields } from './prescription-lines';
import { firstIncomplete, MAX_PRESCRIPTION_LINES, reasonsOffered, type DraftLine } from './prescription-draft';
import { SignedLines } from './signed-lines';
import { SignedVersions } from './signed-versions';
import { useExpertPrescription } from './use-expert-prescription';
import './expert-report.css';
import './prescription-editor.css';

interface Props {
  peerId: string;
  actId: string;
  context: ActContext | null;
  /** A version was signed: the call sends it to the requesting station at once. */
  onSigned?: (prescription: SignedPrescription) => void;
}

/** A line's fields, either kind's as their schemas name them, and '' for the line as a whole (a union that matched neither kind). */
const LINE_ERROR_FIELDS = [
  '',
  ...new Set([...Object.keys(MedicationLineSchema.shape), ...Object.keys(OtherLineSchema.shape)]),
];

/** The paths of main's field errors each line shows beside its fields ('lines.0.duration'). */
const linePaths = (lines: readonly DraftLine[]) =>
  lines.flatMap((_, i) => LINE_ERROR_FIELDS.map((f) => (f ? `lines.${i}.${f}` : `lines.${i}`)));

/** Main's sentences for the fields of line i, by field name ('' for the line as a whole). */
function errorsOfLine(byPath: Record<string, string>, i: number): Record<string, string> {
  const prefix = `lines.${i}`;
  return Object.fromEntries(
    Object.entries(byPath)
      .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
      .map(([path, sentence]) => [path.slice(prefix.length + 1), sentence]),
  );
}

export function PrescriptionEditor({ peerId, actId, context, onSigned }: Props) {
  const { t } = useTranslation();
  const user = useSignedIn();
  const rx = useExpertPrescription(peerId, actId);
  const [otherKind, setOtherKind] = useState<OtherLine['kind']>('biology');
  const { draft, signed } = rx;
  const { lines, correction } = draft;
  const writing = signed.length === 0 || correction !== null || draft.another;
  // EFG is offered by the patient's age today; main checks it again on the day she signs.
  const reasons = reasonsOffered(context?.patient.birthDate, new Date());
  const incomplete = firstIncomplete(lines);
  const full =
    lines.length >= MAX_PRESCRIPTION_LINES && t('expertPrescription.why.full', { max: MAX_PRESCRIPTION_LINES });
  const reason = firstReason([
    !user && t('expertPrescription.why.notSignedIn'),
    user && !user.rpps && t('expertPrescription.why.noRpps'),
    lines.length === 0 && t('expertPrescription.why.noLine'),
    incomplete &&
      t('expertPrescription.why.incomplete', {
        n: incomplete.index + 1,
        fields: incomplete.fields.map((f) => t(`expertPrescription.fields.${f}`)).join(', '),
      }),
    correction && correction.reason.trim() === '' && t('expertPrescription.why.noReason'),
    rx.busy && t('expertPrescription.signing'),
  ]);
  const { byPath, rest } = splitFieldErrors(t, rx.error, ['correctionReason', ...linePaths(lines)]);

  const sign = async () => {
    const done = await rx.sign();
    if (done) onSigned?.(done.prescription);
  };
  const versionOf = (id: string) => signed.find((v) => v.prescription.id === id) ?? null;

  if (!rx.loaded) return null;
  return (
    <section className="expert-report expert-prescription" aria-labelledby={`expert-prescription-${actId}`}>
      <h3 id={`expert-prescription-${actId}`}>{t('expertPrescription.title')}</h3>
      <SignedVersions
        kind="prescription"
        versions={signed.map((v: RemotePrescription) => ({
          signed: v.prescription,
          delivery: v.delivery,
          replacedBy: v.replacedBy,
          content: <SignedLines lines={v.prescription.lines} />,
        }))}
        correcting={correction?.replaces ?? null}
        onCorrect={writing ? null : (id) => rx.correct(versionOf(id))}
      />
      {!writing && (
        <button type="button" onClick={rx.startAnother}>
          {t('expertPrescription.another')}
        </button>
      )}
      {writing && (
        <form
          className="expert-report-form"
          aria-label={t('expertPrescription.title')}
          // The reasons are said in French beside the button, never in the browser's English bubbles.
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason) void sign();
          }}
        >
          {draft.another && signed.length > 0 && <h4>{t('expertPrescription.another')}</h4>}
          {correction && (
            <div className="expert-report-reason">
              <label htmlFor={`${actId}-rx-reason`}>{t('expertPrescription.correctionReason')}</label>
              <textarea
                id={`${actId}-rx-reason`}
                rows={2}
                value={correction.reason}
                onChange={(e) => rx.setReason(e.target.value)}
                required
                aria-invalid={byPath.correctionReason ? true : undefined}
              />
              {byPath.correctionReason && (
                <p className="error-text" role="alert">
                  {byPath.correctionReason}
                </p>
              )}
            </div>
          )}
          {lines.length === 0 && <p className="hint">{t('expertPrescription.empty')}</p>}
          {lines.map((line, i) => (
            <PrescriptionLineFields
              key={line.key}
              line={line}
              n={i + 1}
              idPrefix={`${actId}-rx-${line.key}`}
              reasons={reasons}
              errors={errorsOfLine(byPath, i)}
              onChange={rx.setLine}
              onRemove={() => rx.removeLine(line.key)}
            />
          ))}
          {/* A div, not a label around it all: a label holding the buttons would name them. */}
          <div className="prescription-add">
            <ReasonedButton onClick={rx.addMedication} reason={full || null}>
              {t('expertPrescription.addMedication')}
            </ReasonedButton>
            <span className="prescription-add-other">
              <label htmlFor={`${actId}-rx-other-kind`}>{t('expertPrescription.otherKind')}</label>
              <select
                id={`${actId}-rx-other-kind`}
                value={otherKind}
                onChange={(e) => setOtherKind(e.target.value as OtherLine['kind'])}
              >
                {OTHER_LINE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`expertPrescription.kinds.${kind}`)}
                  </option>
                ))}
              </select>
              <ReasonedButton onClick={() => rx.addOther(otherKind)} reason={full || null}>
                {t('expertPrescription.addOther')}
              </ReasonedButton>
            </span>
          </div>
          {user && <p className="hint">{t('expertPrescription.signedIn', { name: user.name })}</p>}
          <div className="expert-report-actions">
            <ReasonedButton type="submit" className="primary" reason={reason}>
              {correction ? t('expertPrescription.signCorrection') : t('expertPrescription.sign')}
            </ReasonedButton>
            {(correction || (draft.another && signed.length > 0)) && (
              <button type="button" onClick={() => rx.correct(null)}>
                {correction ? t('expertPrescription.cancelCorrection') : t('expertPrescription.cancelAnother')}
              </button>
            )}
          </div>
          <ActError error={rest} />
        </form>
      )}
    </section>
  );
}
