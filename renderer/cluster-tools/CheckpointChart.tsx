// The checkpoint sweep's chart in the dialog: the pure ./CheckpointFigure at the measured width.
import { measured } from '../charts/measured';
import { CheckpointFigure } from './CheckpointFigure';

export const CheckpointChart = measured(CheckpointFigure, 640);
