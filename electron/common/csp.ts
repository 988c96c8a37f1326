// The page's Content-Security-Policy, sent as a header by both shells (the preview server and the
// desktop's app:// protocol); renderer/index.html carries the same policy as a meta tag, which a
// test compares. No 'unsafe-eval' and no 'unsafe-inline': zod is never loaded in the page.
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
