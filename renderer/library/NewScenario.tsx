// "New": a disclosure listing one small scenario per layer (scenario-templates.ts); picking one
// creates it and opens it in the editor. File → New Scenario makes the first.
import { useState } from 'react';
import { useAppStore } from '../store';
import { useDisclosure } from '../widgets/use-disclosure';
import { SCENARIO_TEMPLATES, type ScenarioTemplate } from './scenario-templates';

export function NewScenario() {
  const newScenario = useAppStore((s) => s.newScenario);
  const { open, setOpen, panelId: id, toggleProps, onKeyDown } = useDisclosure();
  const [busy, setBusy] = useState(false);

  const pick = async (template: ScenarioTemplate['id']) => {
    setBusy(true);
    try {
      await newScenario(template);
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <div className="new-from-example" onKeyDown={onKeyDown}>
      <button type="button" title="A small scenario of one layer that runs as it is, to edit" {...toggleProps}>New</button>
      {open && (
        <ul id={id} className="example-list" aria-label="New scenario">
          {SCENARIO_TEMPLATES.map((t) => (
            <li key={t.id}>
              <button type="button" disabled={busy} onClick={() => void pick(t.id)}>{t.label}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
