// How a feature shows another feature's screen without importing it (docs/ARCHITECTURE.md,
// Boundaries): app.tsx, which composes the features, fills these slots with their components,
// and a feature takes the one it needs with useSlots(). The props are written here, from
// src/shared types only, so that this file knows no feature either.
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { Attachment } from '../../shared/acts/attachments';
import type { Encounter } from '../../shared/acts/encounter';
import type { SignedExpertReport } from '../../shared/acts/expert-report';
import type { ReportTemplateId } from '../../shared/acts/expert-report-templates';
import type { SignedPrescription } from '../../shared/acts/prescription';
import type { ActContext } from '../../shared/calls/act-context';
import type { SharedView } from '../../shared/imaging/imaging-view';
import type { AppError } from '../../shared/result';
import type { StrokeChangeInput, StrokeSheet } from '../../shared/stroke/sheet';
import type { FrameSource } from './imaging/frame-source';

type Decision = 'given' | 'refused' | null;

export interface Slots {
  /** acts, on the patient screen (patients). */
  PatientActs: ComponentType<{ patientId: string }>;
  /** imaging, on the patient screen (patients) and in a call to share a series (calls). */
  PatientImaging: ComponentType<{ patientId: string; onShare?: (source: FrameSource, view: SharedView) => void }>;
  /** teleexpertise, in the act list (acts): a new request, and a request's state beside its act. */
  NewRequestForm: ComponentType<{ patientId: string; onCreated: (act: Encounter) => void; onCancel: () => void }>;
  RequestStateLabel: ComponentType<{ encounterId: string }>;
  /** teleexpertise, on a téléexpertise act's screen (acts). */
  ActExpertise: ComponentType<{
    encounter: Encounter;
    files: Attachment[];
    imageSharing: Decision;
    onDone: (e: AppError | null) => void;
  }>;
  /** acts, in the call bound to an act (calls): its measurements, taken without leaving the call. */
  ActVitals: ComponentType<{ encounterId: string }>;
  /** stroke, on an act's screen (acts). */
  ActStroke: ComponentType<{ encounterId: string; onSummary?: (text: string) => void }>;
  /** stroke, the sheet shared in a tele-stroke call (calls). */
  StrokeSheetView: ComponentType<{
    sheet: StrokeSheet;
    onChange(change: StrokeChangeInput): void;
    birthDate?: string | null;
    presets?: readonly { number: number; name: string }[];
    onPreset?(preset: number): void;
  }>;
  StrokeError: ComponentType<{ error: AppError | null }>;
  /** acts, at the end of a cabin session (kiosk): the prescriptions the doctor signed for its act, to print. */
  CabinPrescriptions: ComponentType<{ encounterId: string; empty: ReactNode; onShown?: (count: number) => void }>;
  /** kiosk, its entry on the home screen (station). */
  KioskEntry: ComponentType;
  /** calls, on an act's screen (acts): "Appeler l'expert", the call bound to the act from its ring. */
  CallFromAct: ComponentType<{ encounter: Encounter }>;
  /** calls, on the sync screen (station): the calls whose chat and files wait for an act, each to attach. */
  WaitingCalls: ComponentType;
  /** calls, in the cabin's call step (kiosk): the call screen, and ringing and leaving a call. */
  CallView: ComponentType<{ cabin?: boolean }>;
  calls: {
    /** `actId`: the call is bound to that act at its ring (an appointment's reminder opens its act and calls). */
    ring(peerId: string, reason: string, urgent: boolean, actId?: string): Promise<void>;
    dismiss(): void;
    /** An offer's waiting queue: join it (or find the place again), leave it, step out and back. */
    queue: {
      join(offerId: string, reason: string): Promise<void>;
      leave(offerId: string): Promise<void>;
      stepAway(away: boolean): Promise<void>;
    };
  };
  /** remote-acts, in the expert's call (calls): her report of the act the requesting station sent. */
  ExpertReport: ComponentType<{
    peerId: string;
    actId: string;
    context: ActContext | null;
    template: ReportTemplateId;
    onSigned?: (report: SignedExpertReport) => void;
  }>;
  /** remote-acts, in the expert's call (calls): her prescription of the act the requesting station sent. */
  ExpertPrescription: ComponentType<{
    peerId: string;
    actId: string;
    context: ActContext | null;
    onSigned?: (prescription: SignedPrescription) => void;
  }>;
  /** calls, on the expert's home (station): who waits in the queues of the offers she serves. */
  QueuePanel: ComponentType;
  /** agenda, on the patient screen (patients): her appointments, "Prendre rendez-vous". */
  PatientAppointments: ComponentType<{ patientId: string }>;
  /** agenda, on an act's screen (acts): "Prendre rendez-vous" for a follow-up that keeps the act's id. */
  BookFollowUp: ComponentType<{ encounter: Encounter }>;
  /** agenda, on the cart's and the expert's home (station): today's appointments and their reminders. */
  TodayAppointments: ComponentType;
  /** remote-acts, on the expert's home (station): the reports she owes. */
  ReportWorklist: ComponentType;
}

const SlotsContext = createContext<Slots | null>(null);

export const SlotsProvider = SlotsContext.Provider;

export function useSlots(): Slots {
  const slots = useContext(SlotsContext);
  // A screen rendered outside app.tsx's provider is a programming error, said as such.
  if (!slots) throw new Error('useSlots: no SlotsProvider above this screen (app.tsx provides it)');
  return slots;
}
