// The element ids of the collapsible side panels, named by their toggles and splitters (aria-controls).
export const SIDEBAR_ID = 'library-sidebar';
export const EDITOR_ID = 'editor-panel';
