// The figures of a report: the document's figure catalogue (simulation/present/figures.ts) with
// the scenario's budgets and SLO percentiles. Every report kind reads its rows from it.
import type { ResultDocument } from '../../../simulation';
import { documentFigures, type Figure } from '../../../simulation/present';
import { scenarioInfo, type ScenarioInfo } from './scenario-info';

export { figureIndex, isSimulatedService, summaryLabel, YOUNG_DALY_FIGURES, type Figure, type Section } from '../../../simulation/present';

export function reportFigures(doc: ResultDocument, scenario: unknown = null, info: ScenarioInfo = scenarioInfo(doc, scenario)): Figure[] {
  return documentFigures(doc, info.services);
}
