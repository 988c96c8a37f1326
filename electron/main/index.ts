// Electron main process entry: everything is in shell.ts (and testable there, against a fake
// electron module); this file only starts it.
import { launch } from './shell';

launch();
