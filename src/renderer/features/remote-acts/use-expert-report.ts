// The expert's report of one act of another station, as her page holds it: what her station kept
// (her draft, her signed versions and where each stands), the sections she is typing, saved as a
// draft a moment after she stops, and her signature. Main signs: this hook never names the signer.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportSections } from '../../../shared/acts/expert-report';
import {
  reportFromTemplate,
  REPORT_TEMPLATES,
  untouchedSections,
  type ReportTemplateId,
} from '../../../shared/acts/expert-report-templates';
import { REPORT_SECTIONS } from '../../../shared/acts/expert-report';
import type { ActContext } from '../../../shared/calls/act-context';
import type { RemoteReport } from '../../../shared/remote-acts/report-channels';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useActDocumentsChanged } from './use-act-documents-changed';

const DRAFT_DELAY_MS = 800;

export interface Correction {
  replaces: string;
  reason: string;
}

/** The sections a template change may fill: empty ones, or ones still as a template wrote them. */
function withTemplate(sections: ReportSections, id: ReportTemplateId, context: ActContext | null): ReportSections {
  const fresh = reportFromTemplate(id, context);
  const untouched = new Set(untouchedSections(sections));
  const next = { ...sections };
  for (const key of REPORT_SECTIONS) {
    if (key === 'motif' || key === 'mesures') continue; // from the act, not from the template
    if (sections[key].trim() === '' || untouched.has(key)) next[key] = REPORT_TEMPLATES[id].sections[key] ?? fresh[key];
  }
  return next;
}

export function useExpertReport(peerId: string, actId: string, context: ActContext | null, initial: ReportTemplateId) {
  const [loaded, setLoaded] = useState(false);
  const [signed, setSigned] = useState<RemoteReport[]>([]);
  const [template, setTemplate] = useState<ReportTemplateId>(initial);
  const [sections, setSections] = useState<ReportSections>(() => reportFromTemplate(initial, context));
  const [correction, setCorrection] = useState<Correction | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The newest typed state, for the delayed draft save.
  const latest = useRef({ template, sections, correction });
  useEffect(() => {
    latest.current = { template, sections, correction };
  });

  const reloadSigned = useCallback(async () => {
    const result = await relais.invoke('remoteActs.report', { peerId, actId });
    if (result.ok) setSigned(result.value.signed);
    return result;
  }, [peerId, actId]);

  // Her draft where she left it, else a new report from the template.
  useEffect(() => {
    let live = true;
    void relais.invoke('remoteActs.report', { peerId, actId }).then((result) => {
      if (!live) return;
      if (!result.ok) setError(result.error);
      else setSigned(result.value.signed);
      const draft = result.ok ? result.value.draft : null;
      if (draft) {
        setTemplate(draft.template);
        setSections(draft.sections);
        setCorrection(draft.replaces ? { replaces: draft.replaces, reason: draft.correctionReason ?? '' } : null);
        setSavedAt(draft.savedAt);
      }
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [peerId, actId]);
  useActDocumentsChanged(peerId, actId, reloadSigned);

  const saveDraft = useCallback(async () => {
    const { template: t, sections: s, correction: c } = latest.current;
    const result = await relais.invoke('remoteActs.saveDraft', {
      peerId,
      actId,
      template: t,
      sections: s,
      replaces: c?.replaces ?? null,
      ...(c ? { correctionReason: c.reason } : {}),
    });
    if (result.ok) setSavedAt(result.value.savedAt);
    else setError(result.error);
  }, [peerId, actId]);

  const changed = () => {
    setSavedAt(null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveDraft(), DRAFT_DELAY_MS);
  };
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return {
    loaded,
    signed,
    template,
    sections,
    correction,
    savedAt,
    error,
    busy,
    edit(key: keyof ReportSections, text: string) {
      setSections((s) => ({ ...s, [key]: text }));
      changed();
    },
    chooseTemplate(id: ReportTemplateId) {
      setTemplate(id);
      setSections((s) => withTemplate(s, id, context));
      changed();
    },
    correct(version: RemoteReport | null) {
      setCorrection(version ? { replaces: version.report.id, reason: '' } : null);
      if (version) setSections(version.report.sections);
      changed();
    },
    setReason(reason: string) {
      setCorrection((c) => (c ? { ...c, reason } : c));
      changed();
    },
    async sign(): Promise<RemoteReport | null> {
      if (timer.current) clearTimeout(timer.current);
      setBusy(true);
      setError(null);
      const result = await relais.invoke('remoteActs.sign', {
        peerId,
        actId,
        sections,
        replaces: correction?.replaces ?? null,
        ...(correction ? { correctionReason: correction.reason } : {}),
      });
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      setCorrection(null);
      setSavedAt(null);
      await reloadSigned();
      return result.value;
    },
  };
}
