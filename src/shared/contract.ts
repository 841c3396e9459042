// The one IPC contract: every channel's input and output schema, and every event's payload.
// The preload API, main's IPC binding and the browser-mode WebSocket binding are built from it.
import { z } from 'zod';
import {
  CreatePatientInputSchema,
  CreatePatientResultSchema,
  PatientIdSchema,
  PatientSchema,
  PatientSearchSchema,
  UpdatePatientInputSchema,
} from './patients/patient';
import { BloodPressureReadingSchema, CameraCommandInputSchema, CameraPositionSchema, DeviceIdSchema, DeviceInfoSchema, OximeterReadingSchema, PeripheralEventSchema } from './devices/devices';
import { AttachmentBeginSchema, AttachmentChunkSchema, AttachmentSchema } from './acts/attachments';
import { CallCommandSchema, CallRecordSchema, ChatEntrySchema, HubStateSchema, IceConfigSchema } from './calls/calls';
import { ServerMessageSchema } from './hub-protocol';
import type { Result } from './result';
import { ResolveConflictInputSchema, StationStatusSchema, SyncDetailsSchema, SyncRetryResultSchema } from './station/station';
import { StrokeChangeSchema, StrokeSheetSchema } from './stroke/sheet';
import { KioskStateSchema } from './kiosk/kiosk';
import { BadgeUidSchema, IdentityStateSchema } from './identity/identity';
import { DropChunkSchema, FrameInputSchema, ImageFrameSchema, ImagingProgressSchema, ImportInputSchema, ImportResultSchema, PacsRetrieveSchema, PacsSearchSchema, PacsStudySchema, PatientStudySchema, ScanInputSchema, ScanReportSchema, SeriesImagesSchema } from './imaging/imaging';
import { ActivityQuerySchema, ActivityReportSchema } from './activity/activity-report';
import { TELEEXPERTISE_CHANNELS } from './teleexpertise/channels';
import { CONSENT_CHANNELS, CONSENT_EVENTS } from './acts/consent-channels';
import { IDENTITY_VIGILANCE_CHANNELS } from './patients/insi';
import { AUDIT_CHANNELS } from './audit/audit';
import { DATABASE_CHANNELS } from './station/database';
import { ControlChangeSchema, STEERING_CHANNELS } from './devices/steering-grant';
import { ConsentInputSchema, ConsentSchema, EncounterRecordSchema, EncounterSchema, NewEncounterSchema, ObservationInputSchema, ObservationSchema, ReportInputSchema, ReportSchema, SetStatusInputSchema } from './acts/encounter';

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const noInput = z.strictObject({});

export const contract = {
  invoke: {
    'station.status': channel(noInput, StationStatusSchema),
    'sync.details': channel(noInput, SyncDetailsSchema),
    'sync.resolve': channel(ResolveConflictInputSchema, z.strictObject({ entity: z.string(), entityId: z.string(), keep: z.enum(['station', 'server']) })),
    'sync.now': channel(noInput, z.strictObject({ done: z.literal(true) })),
    'sync.retry': channel(z.strictObject({ entity: z.string().min(1).max(50), entityId: z.string().min(1).max(300) }), SyncRetryResultSchema),
    'patients.create': channel(CreatePatientInputSchema, CreatePatientResultSchema),
    'patients.update': channel(UpdatePatientInputSchema, PatientSchema),
    'patients.get': channel(z.strictObject({ id: PatientIdSchema }), PatientSchema),
    'patients.search': channel(PatientSearchSchema, z.array(PatientSchema)),
    'devices.list': channel(noInput, z.array(DeviceInfoSchema)),
    'camera.command': channel(CameraCommandInputSchema, z.strictObject({ accepted: z.literal(true) })),
    'camera.position': channel(z.strictObject({ deviceId: DeviceIdSchema.optional() }), CameraPositionSchema),
    /** The monitor's newest stored reading (null: it holds none). */
    'bloodPressure.latest': channel(z.strictObject({ deviceId: DeviceIdSchema }), BloodPressureReadingSchema.nullable()),
    /** Simulated monitors only: as if the patient pressed START. */
    'bloodPressure.simulateMeasurement': channel(z.strictObject({ deviceId: DeviceIdSchema }), z.strictObject({ measured: z.literal(true) })),
    'calls.hub': channel(noInput, HubStateSchema),
    'calls.send': channel(CallCommandSchema, z.strictObject({ sent: z.literal(true) })),
    'calls.ice': channel(noInput, IceConfigSchema),
    'calls.chat': channel(ChatEntrySchema, z.strictObject({ saved: z.literal(true) })),
    'encounters.create': channel(NewEncounterSchema, EncounterSchema),
    'encounters.get': channel(z.strictObject({ id: z.uuid() }), EncounterRecordSchema),
    'encounters.forPatient': channel(z.strictObject({ patientId: PatientIdSchema, limit: z.number().int().min(1).max(200).default(50) }), z.array(EncounterSchema)),
    'encounters.setStatus': channel(SetStatusInputSchema, EncounterSchema),
    'encounters.consent': channel(ConsentInputSchema, ConsentSchema),
    'encounters.observe': channel(ObservationInputSchema, ObservationSchema),
    'encounters.report': channel(ReportInputSchema, ReportSchema),
    /** A signed report as a PDF (base64), to print or give to the patient. */
    'encounters.reportPdf': channel(z.strictObject({ reportId: z.uuid() }), z.strictObject({ fileName: z.string(), data: z.string() })),
    'attachments.begin': channel(AttachmentBeginSchema, z.strictObject({ uploadId: z.uuid() })),
    'attachments.chunk': channel(AttachmentChunkSchema, z.strictObject({ received: z.number().int() })),
    'attachments.finish': channel(z.strictObject({ uploadId: z.uuid() }), AttachmentSchema),
    'imaging.scan': channel(ScanInputSchema, ScanReportSchema),
    'imaging.import': channel(ImportInputSchema, ImportResultSchema),
    'imaging.studies': channel(z.strictObject({ patientId: PatientIdSchema }), z.array(PatientStudySchema)),
    'imaging.dropBegin': channel(noInput, z.strictObject({ dropId: z.uuid() })),
    'imaging.dropChunk': channel(DropChunkSchema, z.strictObject({ received: z.number().int() })),
    'imaging.dropScan': channel(z.strictObject({ dropId: z.uuid() }), ScanReportSchema),
    'imaging.series': channel(z.strictObject({ seriesUid: z.string().min(1).max(64) }), SeriesImagesSchema),
    'imaging.frame': channel(FrameInputSchema, ImageFrameSchema),
    'pacs.search': channel(PacsSearchSchema, z.array(PacsStudySchema)),
    'stroke.sheet': channel(z.strictObject({ encounterId: z.uuid() }), StrokeSheetSchema),
    'stroke.change': channel(z.strictObject({ encounterId: z.uuid(), change: StrokeChangeSchema, by: z.string().trim().min(1).max(200) }), StrokeSheetSchema),
    'pacs.retrieve': channel(PacsRetrieveSchema, ImportResultSchema),
    'pacs.status': channel(noInput, z.strictObject({ configured: z.boolean() })),
    'pacs.sendPhoto': channel(z.strictObject({ attachmentId: z.string().min(1).max(100) }), z.strictObject({ sopInstanceUid: z.string() })),
    'identity.state': channel(noInput, IdentityStateSchema),
    /** Starts a professional sign-in: the provider's address, opened in the browser. */
    'identity.login': channel(noInput, z.strictObject({ authorizationUrl: z.string() })),
    'identity.logout': channel(noInput, z.strictObject({ endSessionUrl: z.string().nullable() })),
    /** The signed-in professional's PIN to unlock the cart between acts (4 to 8 digits). */
    // A change of PIN gives the current one (currentPin); the first PIN of a sign-in does not.
    'identity.setPin': channel(z.strictObject({ pin: z.string().max(20), currentPin: z.string().max(20).optional() }), IdentityStateSchema),
    /** Her staff badge, as the reader typed it, read while the cart is open: it unlocks the cart too, in this sign-in. */
    'identity.enrolBadge': channel(z.strictObject({ uid: BadgeUidSchema }), IdentityStateSchema),
    'identity.lock': channel(noInput, IdentityStateSchema),
    'identity.unlock': channel(z.strictObject({ pin: z.string().max(20) }), IdentityStateSchema),
    'identity.unlockBadge': channel(z.strictObject({ uid: BadgeUidSchema }), IdentityStateSchema),
    /** Someone touched the station (throttled by the page): pushes the automatic lock back. */
    'identity.activity': channel(noInput, z.strictObject({ seen: z.literal(true) })),
    'kiosk.state': channel(noInput, KioskStateSchema),
    /** The first PIN typed sets the pharmacist's PIN; afterwards it must match. */
    'kiosk.enter': channel(z.strictObject({ pin: z.string().max(40) }), KioskStateSchema),
    'kiosk.leave': channel(z.strictObject({ pin: z.string().max(40) }), KioskStateSchema),
    /** A cabin session ended: the shell wipes the browser's storage and caches. */
    'kiosk.endSession': channel(noInput, z.strictObject({ wiped: z.literal(true) })),
    /** This station's acts by month, type and specialty, their minutes and the transport they avoided. */
    'activity.monthly': channel(ActivityQuerySchema, ActivityReportSchema),
    'calls.history': channel(z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }), z.array(CallRecordSchema)),
    ...TELEEXPERTISE_CHANNELS,
    ...IDENTITY_VIGILANCE_CHANNELS,
    ...AUDIT_CHANNELS,
    ...DATABASE_CHANNELS,
    ...STEERING_CHANNELS,
    ...CONSENT_CHANNELS,
  },
  events: {
    'station.statusChanged': StationStatusSchema,
    'patients.changed': z.object({ id: PatientIdSchema }),
    'devices.changed': z.array(DeviceInfoSchema),
    'oximeter.reading': OximeterReadingSchema,
    'peripheral.event': PeripheralEventSchema,
    'encounters.changed': z.object({ id: z.uuid() }),
    'calls.hubChanged': HubStateSchema,
    /** The hub's call messages (ringing, incoming, accepted, ended, away, resumed, signal, error). */
    'calls.message': ServerMessageSchema,
    /** Remote steering granted to the call's expert, or ended (taken back, or by itself). */
    'calls.controlChanged': ControlChangeSchema,
    'imaging.progress': ImagingProgressSchema,
    /** A patient's imaging changed (a study imported). */
    'imaging.changed': z.object({ patientId: PatientIdSchema }),
    /** An act's stroke sheet changed (here, or by the neurologist over the call). */
    'stroke.changed': z.object({ encounterId: z.uuid() }),
    'kiosk.changed': KioskStateSchema,
    'identity.changed': IdentityStateSchema,
    /** For the shell (Electron): a cabin session ended, wipe the renderer's storage and caches. */
    'kiosk.sessionEnded': z.object({ at: z.string() }),
    /** For the page (Electron): closing or quitting was refused in kiosk mode; the pharmacist's keypad opens. */
    'kiosk.exitRefused': z.object({ at: z.string() }),
    /** A téléexpertise request's exchange changed (a reply written here, or pulled from the region). */
    'teleexpertise.changed': z.object({ requestId: z.uuid() }),
    ...CONSENT_EVENTS,
  },
} as const;

type Invoke = typeof contract.invoke;
type Events = typeof contract.events;
export type Channel = keyof Invoke;
export type EventName = keyof Events;
export type ChannelInput<C extends Channel> = z.input<Invoke[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Invoke[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Invoke[C]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const CHANNELS = Object.keys(contract.invoke) as Channel[];
export const EVENT_NAMES = Object.keys(contract.events) as EventName[];
export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.hasOwn(contract.invoke, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(contract.events, name);

// What the page sees as window.relais (Electron) or gets from the WebSocket client (browser mode).
export interface RelaisApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

// Main's side: one handler per channel, given the parsed input.
export type Handlers = { [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };
