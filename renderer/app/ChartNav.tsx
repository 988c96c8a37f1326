// In the presentation view's header: previous / next chart and "chart 3 of 9" (chart-nav.ts).
// The position follows focus (arrow keys, these buttons, a click into a chart) and the results
// as charts appear or go.
import { useEffect, useState } from 'react';
import { chartPosition, stepChart, type ChartPosition } from './chart-nav';

export function ChartNav() {
  const [pos, setPos] = useState<ChartPosition>({ index: -1, count: 0 });
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPos((p) => {
        const next = chartPosition();
        return next.index === p.index && next.count === p.count ? p : next;
      }));
    };
    update();
    document.addEventListener('focusin', update);
    const observer = new MutationObserver(update);
    observer.observe(document.querySelector('.workspace') ?? document.body, { childList: true, subtree: true });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('focusin', update);
      observer.disconnect();
    };
  }, []);

  const text = pos.count === 0 ? 'no charts' : pos.index < 0 ? `${pos.count} charts` : `chart ${pos.index + 1} of ${pos.count}`;
  return (
    <div className="chart-nav" role="group" aria-label="Charts">
      <button type="button" aria-label="Previous chart" aria-keyshortcuts="ArrowLeft" disabled={pos.count === 0 || pos.index === 0} onClick={() => setPos(stepChart(-1))}>
        <span aria-hidden="true">←</span>
      </button>
      <span className="chart-nav-position" aria-live="polite">{text}</span>
      <button type="button" aria-label="Next chart" aria-keyshortcuts="ArrowRight" disabled={pos.count === 0 || pos.index === pos.count - 1} onClick={() => setPos(stepChart(1))}>
        <span aria-hidden="true">→</span>
      </button>
    </div>
  );
}
