// The app's pipeline DAG: the pure renderer/charts/pipeline/PipelineDagFigure at the measured width.
import { measured } from '../../charts/measured';
import { PipelineDagFigure } from '../../charts/pipeline/PipelineDagFigure';

export { MAX_DRAWN_TASKS } from '../../charts/pipeline/PipelineDagFigure';

export const PipelineDag = measured(PipelineDagFigure);
