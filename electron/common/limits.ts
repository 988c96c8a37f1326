// Every limit the app's API enforces, defined once. The backend validates against them (the
// method table's schemas), and the renderer reads the same values to check input as the user
// types and to say what the limit is — so the two can never disagree. Plain constants: this
// file imports nothing, which is why the renderer may import values from it (eslint.config.mjs).

/** Largest scenario text accepted from the renderer or read from a file (checked before reading). */
export const MAX_SCENARIO_BYTES = 10 * 1024 * 1024;
/** Largest scenario, bundle or trace file accepted for import. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
/**
 * Largest result or sweep document (the CLI's `--json`, `merge --out`) accepted for import, checked
 * before reading: these grow with a sweep's points, and a 20 × 20 sweep of the risk-model example
 * as `sweep --json` writes it is 84 MiB. A larger file that turns out not to be one is refused at
 * MAX_IMPORT_FILE_BYTES once parsed.
 */
export const MAX_RESULT_IMPORT_BYTES = 200 * 1024 * 1024;
/** Largest sum of one import's files (what the preview's request and the backend's memory must hold). */
export const MAX_IMPORT_TOTAL_BYTES = 240 * 1024 * 1024;
/** Largest per-worker step-times file accepted for straggler calibration. */
export const MAX_CALIBRATION_FILE_BYTES = 10 * 1024 * 1024;
/** Most files in one import. */
export const MAX_IMPORT_FILES = 50;
/** The wall-clock cap of a run started from the app unless the user sets another (RunOptions.maxWallS). */
export const DEFAULT_APP_MAX_WALL_S = 300;
/** The largest wall-clock cap a run's options may ask for: a day (RunOptions.maxWallS). */
export const MAX_APP_WALL_S = 86_400;
/** Checkpoint-sweep factors are multiples of the Young/Daly interval; outside this range the sweep says nothing useful. */
export const MIN_FACTOR = 0.05;
export const MAX_FACTOR = 20;
export const MAX_FACTORS = 16;
/** Most replications per interval of a checkpoint sweep started from the app. */
export const MAX_SWEEP_REPLICATIONS = 200;
/** A report's locale (electron/common/locale.ts): a BCP 47 tag, language then 2–8 character subtags. */
export const MAX_LOCALE_CHARS = 35;
export const LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** Whether `tag` is a locale the API accepts (the renderer checks navigator.language with it). */
export const isLocaleTag = (tag: string): boolean => tag.length <= MAX_LOCALE_CHARS && LOCALE_TAG.test(tag);
/** Most characters of a run's label in the runs list (after trimming). */
export const MAX_RUN_LABEL = 80;
