// The charts spell numbers with the app's formatter (renderer/format/numbers.ts), in the user's
// locale. A renderer of the charts other than the app (the HTML report, in Node) sets its own
// locale for one render through this door, as the charts are all it may import.
export { withChartNumbers } from '../format/numbers';
