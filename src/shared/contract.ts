// The one IPC contract: every channel's input and output schema, and every event's payload.
// The preload API, main's IPC binding and the browser-mode WebSocket binding are built from it.
// Each feature declares its own channels and events in src/shared/<feature>/channels.ts; this file
// only assembles them.
import type { z } from 'zod';
import { ACTIVITY_CHANNELS } from './activity/channels';
import { ACTS_CHANNELS, ACTS_EVENTS } from './acts/channels';
import { AUDIT_CHANNELS } from './audit/channels';
import { CALLS_CHANNELS, CALLS_EVENTS } from './calls/channels';
import { DEVICES_CHANNELS, DEVICES_EVENTS } from './devices/channels';
import { IDENTITY_CHANNELS, IDENTITY_EVENTS } from './identity/channels';
import { IMAGING_CHANNELS, IMAGING_EVENTS } from './imaging/channels';
import { KIOSK_CHANNELS, KIOSK_EVENTS } from './kiosk/channels';
import { PATIENTS_CHANNELS, PATIENTS_EVENTS } from './patients/channels';
import { REMOTE_ACTS_CHANNELS, REMOTE_ACTS_EVENTS } from './remote-acts/channels';
import { SCHEDULING_CHANNELS, SCHEDULING_EVENTS } from './scheduling/channels';
import type { Result } from './result';
import { STATION_CHANNELS, STATION_EVENTS } from './station/channels';
import { STROKE_CHANNELS, STROKE_EVENTS } from './stroke/channels';
import { SYNC_CHANNELS } from './sync/channels';
import { TELEEXPERTISE_CHANNELS, TELEEXPERTISE_EVENTS } from './teleexpertise/channels';

export const contract = {
  invoke: {
    ...STATION_CHANNELS,
    ...SYNC_CHANNELS,
    ...PATIENTS_CHANNELS,
    ...DEVICES_CHANNELS,
    ...CALLS_CHANNELS,
    ...ACTS_CHANNELS,
    ...IMAGING_CHANNELS,
    ...STROKE_CHANNELS,
    ...IDENTITY_CHANNELS,
    ...KIOSK_CHANNELS,
    ...ACTIVITY_CHANNELS,
    ...TELEEXPERTISE_CHANNELS,
    ...AUDIT_CHANNELS,
    ...REMOTE_ACTS_CHANNELS,
    ...SCHEDULING_CHANNELS,
  },
  events: {
    ...STATION_EVENTS,
    ...PATIENTS_EVENTS,
    ...DEVICES_EVENTS,
    ...ACTS_EVENTS,
    ...CALLS_EVENTS,
    ...IMAGING_EVENTS,
    ...STROKE_EVENTS,
    ...KIOSK_EVENTS,
    ...IDENTITY_EVENTS,
    ...TELEEXPERTISE_EVENTS,
    ...REMOTE_ACTS_EVENTS,
    ...SCHEDULING_EVENTS,
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
export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};
