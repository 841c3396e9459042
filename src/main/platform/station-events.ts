// The station's events, typed by the contract; bindings forward them to the page.
import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/contract';

export interface StationEvents {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
}

export function createStationEvents(): StationEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    emit(event, payload) {
      emitter.emit(event, payload);
      emitter.emit('*', event, payload);
    },
    on(event, listener) {
      emitter.on(event, listener as (payload: unknown) => void);
      return () => emitter.off(event, listener as (payload: unknown) => void);
    },
    onAny(listener) {
      emitter.on('*', listener);
      return () => emitter.off('*', listener);
    },
  };
}
