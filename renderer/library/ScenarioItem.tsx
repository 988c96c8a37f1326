// One library entry: opens on click; delete asks for confirmation inline (no blocking dialog).
import { useEffect, useRef, useState } from 'react';
import type { ScenarioSummary } from '../../electron/common/contract';
import { useAppStore } from '../store';

interface Props {
  scenario: ScenarioSummary;
  selected: boolean;
}

export function ScenarioItem({ scenario, selected }: Props) {
  const open = useAppStore((s) => s.openScenario);
  const remove = useAppStore((s) => s.deleteScenario);
  const [confirming, setConfirming] = useState(false);
  const [kept, setKept] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // "Keep" unmounts the confirmation; put focus back where the keyboard user left it.
    if (kept) deleteButton.current?.focus();
  }, [kept]);
  const sections = scenario.sections.length > 0 ? scenario.sections.join(' · ') : 'no sections';

  if (confirming) {
    return (
      <li className="scenario-item confirming">
        <div role="group" aria-label={`Confirm deleting ${scenario.name}`} className="confirm">
          <p>Delete “{scenario.name}” and its runs?</p>
          <div className="row">
            <button type="button" className="danger" onClick={() => void remove(scenario.id)}>Delete</button>
            <button type="button" autoFocus onClick={() => { setConfirming(false); setKept(true); }}>Keep</button>
          </div>
        </div>
      </li>
    );
  }

  return (
    <li className={selected ? 'scenario-item selected' : 'scenario-item'}>
      <button type="button" className="scenario-open" aria-current={selected ? 'true' : undefined} onClick={() => void open(scenario.id)}>
        <span className="scenario-name">{scenario.name}</span>
        <span className="scenario-meta">
          <span className="version">v{scenario.version}</span> {sections}
        </span>
      </button>
      <button ref={deleteButton} type="button" className="icon-button" aria-label={`Delete ${scenario.name}`} title="Delete" onClick={() => { setConfirming(true); setKept(false); }}>
        <span aria-hidden="true">✕</span>
      </button>
    </li>
  );
}
