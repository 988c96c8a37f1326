// What makes two screenshots of the same seed differ, and how to remove it for the shot only.
// The page code is a string: tsconfig.node.json has no DOM types, and this runs in the browser.

/**
 * Rewrites, in place, the text that depends on the clock and not on the seed: run dates
 * ("Dec 2, 02:54:01 PM"), wall times ("2.9 s", "Done in 2.9 s ·") and the report's
 * "Wall-clock time" cell. Text nodes keep their identity (only `data` changes), so React,
 * which re-renders them only when its own value changes, is not disturbed.
 */
export const STABILIZE_TEXT_JS = `(() => {
  const DATE = /\\b[A-Z][a-z]{2} \\d{1,2}, \\d{1,2}:\\d{2}:\\d{2}( [AP]M)?/g;
  const DURATION = /^\\d[\\d,]*(\\.\\d+)? (ms|s)$|^\\d+ min \\d{2} s$|^\\d+ h \\d{2} min$/;
  const roots = document.querySelectorAll('.run-meta-head p, .progress-text, .run-list, time');
  for (const root of roots) {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
      const node = walk.currentNode;
      let text = node.data.replace(DATE, 'Jan 1, 00:00:00').replace(/Done in [^·]*·/, 'Done in 0.0 s ·');
      if (DURATION.test(text.trim())) text = '0.0 s';
      if (text !== node.data) node.data = text;
    }
  }
  for (const th of document.querySelectorAll('th')) {
    if (th.textContent.trim() === 'Wall-clock time' && th.nextElementSibling) th.nextElementSibling.textContent = '0 ms';
  }
})()`;

/** Passed as the screenshot's `style`: transient toasts, the text caret and hover-only UI. */
export const SHOT_CSS = `.toast-region { display: none !important; }`;

/**
 * Injected before the full-page shots: the app fills the window and scrolls its panels; this
 * lets the document grow instead, so a full-page screenshot holds every chart.
 */
export const EXPAND_CSS = `
html, body, #root, .app { height: auto !important; }
.sidebar, .workspace > .panel { overflow: visible !important; }
`;

/** Lets charts that redraw on resize finish: two animation frames, then a short pause. */
export const SETTLE_JS = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300))))`;
