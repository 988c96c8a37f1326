// The actions the desktop menu asks the page for, as plain constants (no zod), so that the
// renderer and the main process can both name them. The schema is MenuCommandSchema (api-records.ts).
export const MENU_COMMANDS = [
  'new-scenario', 'import', 'export-scenario', 'export-report', 'backup', 'restore',
  'undo', 'redo', 'present', 'toggle-theme', 'toggle-library', 'toggle-editor', 'shortcuts', 'licences',
] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];
