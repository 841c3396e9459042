// The stroke sheet during a call. The requesting site's station owns the act and its sheet: it
// sends the sheet after every change; the neurologist's changes come back over the data channel
// and are recorded there in her name as the hub authenticated her (never a name she sends).
import { create } from 'zustand';
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import type { AppError } from '../../../shared/result';
import { StrokeChangeSchema, type StrokeChangeInput, type StrokeSheet } from '../../../shared/stroke/sheet';
import { relais } from '../../api';

export interface SharedStroke {
  role: 'site' | 'neurologist';
  encounterId: string;
  patient: string;
  /** YYYY-MM-DD: both sides show a minor's thrombolysis as needing a confirmation. */
  birthDate: string | null;
  sheet: StrokeSheet;
}

/** 'disconnected': the neurologist's change could not be sent; else the station's refusal. */
export const useSharedStroke = create<{ stroke: SharedStroke | null; error: AppError | 'disconnected' | null }>(() => ({
  stroke: null,
  error: null,
}));

let send: ((message: RemoteMessage) => boolean) | null = null;
let unsubscribe: (() => void) | null = null;
const current = () => useSharedStroke.getState().stroke;

function broadcast(): void {
  const s = current();
  if (s?.role !== 'site') return;
  send?.({
    type: 'stroke.sheet',
    patient: s.patient.slice(0, 200),
    ...(s.birthDate ? { birthDate: s.birthDate } : {}),
    sheet: s.sheet,
  });
}

/** The site shows an act's stroke sheet in the call; the neurologist sees it from now on. */
export async function shareStroke(encounterId: string, patient: string, birthDate: string | null): Promise<void> {
  unsubscribe?.();
  const r = await relais.invoke('stroke.sheet', { encounterId });
  if (!r.ok) return void useSharedStroke.setState({ error: r.error });
  useSharedStroke.setState({ stroke: { role: 'site', encounterId, patient, birthDate, sheet: r.value }, error: null });
  unsubscribe = relais.on('stroke.changed', (e) => {
    if (e.encounterId !== current()?.encounterId) return;
    void relais.invoke('stroke.sheet', { encounterId }).then((again) => {
      const s = current();
      if (!again.ok || s?.encounterId !== encounterId) return;
      useSharedStroke.setState({ stroke: { ...s, sheet: again.value } });
      broadcast();
    });
  });
  broadcast();
}

/** A change made on this side: recorded here (site) or sent to the site (neurologist). */
export async function changeStroke(change: StrokeChangeInput, by: string): Promise<void> {
  const s = current();
  if (!s) return;
  if (s.role === 'neurologist') {
    const sent = send?.({
      type: 'stroke.change',
      encounterId: s.encounterId,
      change: StrokeChangeSchema.parse(change),
    });
    if (!sent) useSharedStroke.setState({ error: 'disconnected' });
    return;
  }
  const r = await relais.invoke('stroke.change', { encounterId: s.encounterId, change, by });
  useSharedStroke.setState({ error: r.ok ? null : r.error });
}

/** A stroke message from the other side; `remoteName` is who the hub says she is. */
export function onStrokeMessage(m: Extract<RemoteMessage, { type: `stroke.${string}` }>, remoteName: string): void {
  const s = current();
  if (m.type === 'stroke.sheet') {
    if (s?.role === 'site') return; // two sites do not share sheets
    const older = s && s.encounterId === m.sheet.encounterId && s.sheet.version > m.sheet.version;
    const stroke: SharedStroke = {
      role: 'neurologist',
      encounterId: m.sheet.encounterId,
      patient: m.patient,
      birthDate: m.birthDate ?? null,
      sheet: m.sheet,
    };
    if (!older) useSharedStroke.setState({ stroke, error: null });
    return;
  }
  if (s?.role !== 'site' || s.encounterId !== m.encounterId) return;
  void relais.invoke('stroke.change', { encounterId: m.encounterId, change: m.change, by: remoteName }).then((r) => {
    // Refused here (the act closed...): the neurologist's screen gets the sheet as it stands.
    if (!r.ok) broadcast();
  });
}

export function strokeLinkOpened(sender: (message: RemoteMessage) => boolean): void {
  send = sender;
  broadcast();
}

export function strokeCallEnded(): void {
  send = null;
  unsubscribe?.();
  unsubscribe = null;
  useSharedStroke.setState({ stroke: null, error: null });
}
