// A statistic in a narrow table cell: "40.7 ms [39.4, 41.9]" as its mean over its 95% CI on a
// line of its own, so that a solve's evidence or an llm sweep's points (TTFT and TPOT side by
// side) fit the results column at 1280×720. The text reads the same to a screen reader.
import type { ReactNode } from 'react';

export function stackedStat(text: string): ReactNode {
  const at = text.indexOf(' [');
  return at < 0 ? text : <>{text.slice(0, at)} <span className="wi-ci">{text.slice(at + 1)}</span></>;
}
