// A plain model of what the store and the library should hold after each user action, for the
// model-based test (store.model.test.ts). It keeps texts, versions, the trash, drafts and the
// undo stacks; the text of an edit is computed with the editor's own pure formatting (tested on
// its own in editor-model.test.ts), so the model's subject is the state machine around it.
//
// Time is faked in the test: edits of one field coalesce into one undo step unless a Pause (of
// more than AUTOSAVE_MS, so more than the coalescing second) came between; a Pause also runs the
// pending autosave.
import type { JsonPath } from '../../../../renderer/editor/json-path';
import { editText } from '../../../../renderer/editor/text-edit';

export interface ScenarioModel {
  id: string;
  /** The latest version's text. */
  saved: string;
  versions: number;
  /** Order of the last change of the latest version (the list shows the newest first). */
  touched: number;
  deleted: boolean;
  deletedAt: number;
}

export interface EditorModel {
  text: string;
  past: string[];
  future: string[];
  /** What the last recorded edit changed (a field, or "library"), while it may still coalesce. */
  lastKey: string | null;
  /** An autosave is scheduled. */
  pending: boolean;
}

/** The one toast showing: a delete's offers Undo; it closes TOAST_MS after it was shown. */
export interface ToastModel {
  undo: { id: string; wasOpen: boolean } | null;
  shownAt: number;
}

export interface Model {
  scenarios: Map<string, ScenarioModel>;
  open: string | null;
  editor: EditorModel;
  drafts: Map<string, string>;
  clock: number;
  toast: ToastModel | null;
  /** Faked milliseconds elapsed (only Pause moves them). */
  now: number;
}

export const PAUSE_MS = 1500;
const TOAST_MS = 12_000;

const CLOSED: EditorModel = { text: '', past: [], future: [], lastKey: null, pending: false };

export function emptyModel(): Model {
  return { scenarios: new Map(), open: null, editor: { ...CLOSED }, drafts: new Map(), clock: 0, toast: null, now: 0 };
}

/** The fields the test edits; 0 is out of range for both, so an edit can make the text invalid. */
export const FIELDS = {
  replicas: ['serving', 'services', 0, 'replicas'],
  concurrency: ['serving', 'services', 0, 'concurrency'],
} as const satisfies Record<string, JsonPath>;
export type Field = keyof typeof FIELDS;

interface Doc {
  name: string;
  serving: { services: { replicas: number; concurrency: number }[] };
}
const doc = (text: string) => JSON.parse(text) as Doc;

export function isValid(text: string): boolean {
  const svc = doc(text).serving.services[0]!;
  return svc.replicas >= 1 && svc.concurrency >= 1;
}

export const nameOf = (text: string) => doc(text).name;

/** The backend's rewrite of a text with another name (rename, duplicate). */
export function withName(text: string, name: string): string {
  return `${JSON.stringify({ ...(JSON.parse(text) as object), name }, null, 2)}\n`;
}

export function live(m: Model): ScenarioModel[] {
  return [...m.scenarios.values()].filter((s) => !s.deleted).sort((a, b) => b.touched - a.touched);
}

export function trash(m: Model): ScenarioModel[] {
  return [...m.scenarios.values()].filter((s) => s.deleted).sort((a, b) => b.deletedAt - a.deletedAt);
}

export const current = (m: Model): ScenarioModel => m.scenarios.get(m.open!)!;
export const isDirty = (m: Model) => m.open !== null && m.editor.text !== current(m).saved;

function record(e: EditorModel, previous: string, key: string): void {
  const coalesce = e.lastKey === key && e.past.length > 0;
  if (!coalesce) e.past.push(previous);
  e.future = [];
  e.lastKey = key;
}

/** Saves the editor's text as the next version; false (and nothing saved) when it is invalid. */
export function save(m: Model): boolean {
  if (!isDirty(m)) return true;
  m.editor.pending = false;
  if (!isValid(m.editor.text)) return false;
  const s = current(m);
  s.saved = m.editor.text;
  s.versions += 1;
  s.touched = ++m.clock;
  return true;
}

/** Leaving the open scenario saves valid edits and keeps invalid ones as a draft. */
function leave(m: Model): void {
  if (!isDirty(m)) return;
  if (isValid(m.editor.text) && save(m)) return;
  m.drafts.set(m.open!, m.editor.text);
}

export function open(m: Model, id: string): void {
  if (m.open === id) return;
  leave(m);
  const text = m.drafts.get(id) ?? m.scenarios.get(id)!.saved;
  m.drafts.delete(id);
  m.open = id;
  m.editor = { text, past: [], future: [], lastKey: null, pending: false };
}

export function create(m: Model, id: string, text: string): void {
  m.scenarios.set(id, { id, saved: text, versions: 1, touched: ++m.clock, deleted: false, deletedAt: 0 });
  open(m, id);
}

export function edit(m: Model, field: Field, value: number): void {
  const text = editText(m.editor.text, [{ path: FIELDS[field], value }]);
  if (text === m.editor.text) return;
  record(m.editor, m.editor.text, field);
  m.editor.text = text;
  m.editor.pending = true;
}

export function undo(m: Model): void {
  const e = m.editor;
  const text = e.past.pop();
  if (text === undefined) return;
  e.future.unshift(e.text);
  Object.assign(e, { text, lastKey: null, pending: true });
}

export function redo(m: Model): void {
  const e = m.editor;
  const text = e.future.shift();
  if (text === undefined) return;
  e.past.push(e.text);
  Object.assign(e, { text, lastKey: null, pending: true });
}

/** Time passes: the coalescing window closes and a scheduled autosave saves valid edits. */
export function pause(m: Model): void {
  m.now += PAUSE_MS;
  if (m.toast && m.now - m.toast.shownAt >= TOAST_MS) m.toast = null;
  if (m.editor.pending && m.open !== null) save(m);
  m.editor.pending = false;
  m.editor.lastKey = null;
}

/** Adopting a text the backend saved: it replaces the editor's, which stays one Undo away. */
function adopt(m: Model, text: string): void {
  if (text !== m.editor.text) record(m.editor, m.editor.text, 'library');
  m.editor.text = text;
  m.editor.pending = false;
}

/** Renames the open scenario; false when its pending edits cannot be saved or the name is blank. */
export function rename(m: Model, given: string): boolean {
  if (!save(m)) return false;
  const name = given.trim();
  if (name === '') return false;
  const s = current(m);
  if (nameOf(s.saved) !== name) {
    s.saved = withName(s.saved, name);
    s.versions += 1;
    s.touched = ++m.clock;
  }
  adopt(m, s.saved);
  return true;
}

/** Duplicates the open scenario from its latest version (pending edits saved first if valid), then opens the copy. */
export function duplicate(m: Model, copyId: string): void {
  save(m);
  const name = nameOf(current(m).saved);
  create(m, copyId, withName(current(m).saved, `${name.slice(0, 193)} (copy)`));
  m.toast = { undo: null, shownAt: m.now };
}

export function remove(m: Model, id: string): void {
  const wasOpen = m.open === id;
  if (wasOpen) leave(m);
  const s = m.scenarios.get(id)!;
  s.deleted = true;
  s.deletedAt = ++m.clock;
  m.drafts.delete(id);
  m.toast = { undo: { id, wasOpen }, shownAt: m.now };
  if (!wasOpen) return;
  m.open = null;
  m.editor = { ...CLOSED };
  const next = live(m)[0];
  if (next) open(m, next.id);
}

export function restore(m: Model, id: string): void {
  m.scenarios.get(id)!.deleted = false;
  m.toast = { undo: null, shownAt: m.now };
  if (m.open === null) open(m, id);
}

/** The delete toast's Undo: out of the trash, and reopened if it was open. */
export function undoDelete(m: Model): void {
  const { id, wasOpen } = m.toast!.undo!;
  restore(m, id);
  if (wasOpen) open(m, id);
}
