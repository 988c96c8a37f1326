// The report renders the app's chart components in Node (./charts.ts); their number formatter
// (renderer/format/numbers.ts) asks `navigator` for the user's locale, which Node 20 lacks, so
// the report's charts use the fixed en-US locale, as its tables do. Declared for this layer only.
// eslint-disable-next-line no-var -- a global is declared with var
declare var navigator: { readonly language: string } | undefined;
