// The expert's prescriptions of one act of another station, as her page holds them: the versions
// she signed and where each stands, and the one she is writing. Main signs: this hook never names
// the signer, nor the patient (main takes them from the sign-in and from the act's context).
import { useCallback, useEffect, useState } from 'react';
import { create } from 'zustand';
import type { OtherLine } from '../../../shared/acts/prescription';
import type { RemotePrescription } from '../../../shared/remote-acts/prescription-channels';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import {
  draftOf,
  emptyMedication,
  emptyOther,
  linesToSign,
  MAX_PRESCRIPTION_LINES,
  type DraftLine,
} from './prescription-draft';
import { useActDocumentsChanged } from './use-act-documents-changed';

export interface PrescriptionDraft {
  lines: DraftLine[];
  /** The signed version this one corrects, and why; null for a prescription of its own. */
  correction: { replaces: string; reason: string } | null;
  /** She asked for another prescription of the act after one was signed ("Nouvelle ordonnance"). */
  another: boolean;
}

const EMPTY: PrescriptionDraft = { lines: [], correction: null, another: false };

// Per act, for as long as the page lives: what she types in the call's tab is still there on the
// act's screen after the call, whichever screen unmounted. Not on disk (no channel keeps a
// prescription's draft yet): a restart loses an unsigned prescription.
const useDrafts = create<{ drafts: Record<string, PrescriptionDraft> }>(() => ({ drafts: {} }));

function change(key: string, next: (draft: PrescriptionDraft) => PrescriptionDraft): void {
  useDrafts.setState((s) => ({ drafts: { ...s.drafts, [key]: next(s.drafts[key] ?? EMPTY) } }));
}

const withLine = (draft: PrescriptionDraft, line: DraftLine): PrescriptionDraft =>
  draft.lines.length >= MAX_PRESCRIPTION_LINES ? draft : { ...draft, lines: [...draft.lines, line] };

export function useExpertPrescription(peerId: string, actId: string) {
  const key = `${peerId}/${actId}`;
  const draft = useDrafts((s) => s.drafts[key] ?? EMPTY);
  const [loaded, setLoaded] = useState(false);
  const [signed, setSigned] = useState<RemotePrescription[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const result = await relais.invoke('remoteActs.prescriptions', { peerId, actId });
    if (result.ok) setSigned(result.value);
    else setError(result.error);
  }, [peerId, actId]);

  useEffect(() => {
    let live = true;
    void relais.invoke('remoteActs.prescriptions', { peerId, actId }).then((result) => {
      if (!live) return;
      if (result.ok) setSigned(result.value);
      else setError(result.error);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [peerId, actId]);
  useActDocumentsChanged(peerId, actId, reload);

  const update = (next: (draft: PrescriptionDraft) => PrescriptionDraft) => change(key, next);

  return {
    loaded,
    signed,
    draft,
    error,
    busy,
    addMedication: () => update((d) => withLine(d, emptyMedication())),
    addOther: (kind: OtherLine['kind']) => update((d) => withLine(d, emptyOther(kind))),
    /** The line of that key, as she changed it. */
    setLine: (line: DraftLine) => update((d) => ({ ...d, lines: d.lines.map((l) => (l.key === line.key ? line : l)) })),
    removeLine: (lineKey: string) => update((d) => ({ ...d, lines: d.lines.filter((l) => l.key !== lineKey) })),
    startAnother: () => update(() => ({ ...EMPTY, another: true })),
    /** Starts correcting a version (its lines to change), or gives up what is being written. */
    correct(version: RemotePrescription | null) {
      setError(null);
      update(() =>
        version
          ? {
              lines: draftOf(version.prescription.lines),
              correction: { replaces: version.prescription.id, reason: '' },
              another: false,
            }
          : EMPTY,
      );
    },
    setReason: (reason: string) =>
      update((d) => (d.correction ? { ...d, correction: { ...d.correction, reason } } : d)),
    async sign(): Promise<RemotePrescription | null> {
      setBusy(true);
      setError(null);
      const { correction } = draft;
      const result = await relais.invoke('remoteActs.signPrescription', {
        peerId,
        actId,
        lines: linesToSign(draft.lines),
        replaces: correction?.replaces ?? null,
        ...(correction ? { correctionReason: correction.reason } : {}),
      });
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      update(() => EMPTY);
      await reload();
      return result.value;
    },
  };
}
