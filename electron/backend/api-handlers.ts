// The backend as the shells serve it: its methods of the table (api.ts), and a source for each
// of the table's events. Both shells wire these, and only these, to their transport.
import type * as z from 'zod';
import { API, type API_EVENTS, type BACKEND_EVENTS } from '../common/api';
import { bindHandlers, type Handlers } from '../common/api-validate';
import type { Backend } from './backend';

/** Subscribes a listener to one event; returns the unsubscribe function. */
export type EventSource<T> = (listener: (payload: T) => void) => () => void;
export type EventSources = { [K in keyof typeof API_EVENTS]: EventSource<z.output<(typeof API_EVENTS)[K]>> };
/** The backend's own events; a shell adds its own (the desktop's menu commands). */
export type BackendEventSources = Pick<EventSources, (typeof BACKEND_EVENTS)[number]>;

export function backendHandlers(backend: Backend): Handlers {
  return bindHandlers(API, 'backend', backend);
}

export function backendEvents(backend: Backend): BackendEventSources {
  return { onRunEvent: (listener) => backend.subscribe(listener) };
}
