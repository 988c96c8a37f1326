// The serving section: any number of services, each a collapsible group (the first open), with
// Add, Duplicate and Remove. Every change goes through the store's text edits, so undo covers
// it; only which groups are open is this form's own (view state, not scenario state).
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { getAtPath } from '../json-path';
import { serviceStarter, uniqueId } from '../section-starters';
import { StrayNote } from '../IssueNote';
import { duplicateService, openAfterInsert, openAfterRemove } from './service-blocks';
import { ServiceGroup } from './ServiceGroup';

const SERVICES = ['serving', 'services'] as const;
const NONE: unknown[] = [];

/** List edits get their own undo step even when two follow within the typing-coalescing window. */
let listEdit = 0;

interface View {
  scenarioId: string | null;
  open: ReadonlySet<number>;
  /** The group whose toggle takes focus after a list edit. */
  focus: number | null;
}

export function ServingForm() {
  const scenarioId = useAppStore((s) => s.editorScenarioId);
  const ids = useAppStore(useShallow((s) => {
    const list = getAtPath(s.raw, SERVICES);
    return Array.isArray(list) ? list.map((svc) => getAtPath(svc, ['id'])) : NONE;
  }));
  const isList = useAppStore((s) => Array.isArray(getAtPath(s.raw, SERVICES)));
  const editFields = useAppStore((s) => s.editFields);
  const [view, setView] = useState<View>({ scenarioId, open: new Set([0]), focus: null });
  // Another scenario in the editor: start again with its first service open.
  if (view.scenarioId !== scenarioId) setView({ scenarioId, open: new Set([0]), focus: null });

  const insert = (index: number, value: unknown) => {
    editFields([{ path: [...SERVICES, index], value, insert: true }], `services-list ${++listEdit}`);
    setView((v) => ({ ...v, open: new Set([...openAfterInsert(v.open, index), index]), focus: index }));
  };
  const remove = (index: number) => {
    editFields([{ path: [...SERVICES, index], value: undefined }], `services-list ${++listEdit}`);
    setView((v) => ({ ...v, open: openAfterRemove(v.open, index), focus: Math.max(0, index - 1) }));
  };
  const toggle = (index: number) =>
    setView((v) => {
      const open = new Set(v.open);
      if (!open.delete(index)) open.add(index);
      return { ...v, open, focus: null };
    });

  return (
    <div className="serving-form">
      <StrayNote path={['serving']} shownKeys={['services']} />
      <StrayNote path={SERVICES} shownKeys={ids.map((_, i) => i)} />
      {isList ? (
        <>
          {ids.map((_, i) => (
            <ServiceGroup
              key={i}
              index={i}
              open={view.open.has(i)}
              focus={view.focus === i}
              onToggle={() => toggle(i)}
              onDuplicate={() => insert(i + 1, duplicateService(getAtPath(useAppStore.getState().raw, [...SERVICES, i]), ids))}
              onRemove={ids.length > 1 ? () => remove(i) : undefined}
            />
          ))}
          <button type="button" className="add-service" onClick={() => insert(ids.length, serviceStarter(uniqueId('service_1', ids)))}>
            Add service
          </button>
        </>
      ) : (
        <p className="field-note">The services are not a list: fix them in the JSON view.</p>
      )}
    </div>
  );
}
