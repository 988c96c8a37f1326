// One library entry: opens on click; delete moves it to the trash at once (a toast offers Undo).
import type { ScenarioSummary } from '../../electron/common/contract';
import { useAppStore } from '../store';

interface Props {
  scenario: ScenarioSummary;
  selected: boolean;
}

export function ScenarioItem({ scenario, selected }: Props) {
  const open = useAppStore((s) => s.openScenario);
  const remove = useAppStore((s) => s.deleteScenario);
  const writable = useAppStore((s) => s.libraryFile?.state === 'ok');
  const sections = scenario.sections.length > 0 ? scenario.sections.join(' · ') : 'no sections';

  return (
    <li className={selected ? 'scenario-item selected' : 'scenario-item'}>
      <button type="button" className="scenario-open" aria-current={selected ? 'true' : undefined} onClick={() => void open(scenario.id)}>
        <span className="scenario-name">{scenario.name}</span>
        <span className="scenario-meta">
          <span className="version">v{scenario.version}</span> {sections}
        </span>
        {scenario.tags.length > 0 && (
          <span className="tag-list">
            <span className="visually-hidden">Tags: </span>
            {scenario.tags.map((t) => <span key={t} className="tag">{t}</span>)}
          </span>
        )}
      </button>
      {writable && (
        <button type="button" className="icon-button" aria-label={`Delete ${scenario.name}`} title="Move to the trash" onClick={() => void remove(scenario.id)}>
          <span aria-hidden="true">✕</span>
        </button>
      )}
    </li>
  );
}
