// The report renders the app's chart components in Node (./charts.ts); their number formatter
// (renderer/format/numbers.ts) reads `navigator` for the user's locale at load, which Node 20
// lacks (Node 21+ has it). Either way a report's charts are spelled in the report's own locale:
// renderHtml swaps the charts' formatter for the render (./format.ts, inReportLocale).
// eslint-disable-next-line no-var -- a global is declared with var
declare var navigator: { readonly language: string } | undefined;
