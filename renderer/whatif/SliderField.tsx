// One live what-if slider: a range input with its label, the value and unit, and a number input
// for an exact value. Dragging (or holding an arrow key) only shows the value; releasing the
// pointer or the key, or committing a typed value, asks for a preview (`onCommit`).
import { memo, useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatNumber } from '../format/numbers';
import { clampToSlider, type SliderSpec } from './preview-sliders';

/** Keys that move a range or number input; their release is the "release" of a keyboard move. */
const MOVE_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

interface Props {
  spec: SliderSpec;
  value: number;
  disabled?: boolean;
  /** Called with the slider's path, so one stable function serves every slider (they are memoized). */
  onInput: (path: string, value: number) => void;
  onCommit: () => void;
}

/** The value as shown: probabilities in percent, at most the step's precision. */
function shown(spec: SliderSpec, value: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(spec.step * spec.scale) + 1e-9));
  return Number((value * spec.scale).toFixed(Math.min(decimals + 1, 6)));
}

export function formatSliderValue(spec: SliderSpec, value: number): string {
  return `${formatNumber(shown(spec, value))} ${spec.unit}`;
}

/**
 * What a move is, for one input: it starts on pointer down, a move key's first press or (typed
 * values) focus, and ends on a move key's release or the native `change` event (a pointer
 * released after a drag, a typed value confirmed). React's onChange fires on every input event, so `change` is
 * listened to directly; a held key fires it on every repeat, so those wait for the keyup. A move
 * that ends where it started commits nothing.
 */
function useMove(onEnd: () => void) {
  const ref = useRef<HTMLInputElement>(null);
  const held = useRef(false);
  const start = useRef<string | null>(null);
  const end = (el: HTMLInputElement) => {
    if (el.value === start.current) return;
    start.current = el.value;
    onEnd();
  };
  const changed = useEffectEvent((el: HTMLInputElement) => {
    if (!held.current) end(el);
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onChange = () => changed(el);
    el.addEventListener('change', onChange);
    return () => el.removeEventListener('change', onChange);
  }, []);
  const begin = (el: HTMLInputElement) => {
    start.current = el.value;
  };
  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!MOVE_KEYS.has(e.key)) return;
    if (!held.current) begin(e.currentTarget);
    held.current = true;
  };
  const keyUp = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!MOVE_KEYS.has(e.key)) return;
    held.current = false;
    end(e.currentTarget);
  };
  return { ref, begin, keyDown, keyUp, end };
}

export const SliderField = memo(function SliderField({ spec, value, disabled, onInput, onCommit }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const { ref: rangeRef, ...range } = useMove(onCommit);
  const { ref: typedRef, ...typed } = useMove(() => {
    setDraft(null);
    onCommit();
  });
  const changed = value !== spec.value;
  const name = `${spec.group}: ${spec.label}`;

  return (
    <div className={changed ? 'slider-field changed' : 'slider-field'} data-path={spec.path}>
      <div className="slider-head">
        <label htmlFor={`${id}-range`} className="slider-label">
          <span className="visually-hidden">{spec.group}: </span>
          {spec.label}
        </label>
        <output htmlFor={`${id}-range`} className="slider-value">{formatSliderValue(spec, value)}</output>
      </div>
      <div className="slider-row">
        <input
          ref={rangeRef}
          id={`${id}-range`}
          type="range"
          min={spec.min}
          max={spec.max}
          step={spec.step}
          value={value}
          disabled={disabled}
          aria-valuetext={formatSliderValue(spec, value)}
          aria-describedby={changed || spec.note ? `${id}-note` : undefined}
          onChange={(e) => onInput(spec.path, Number(e.target.value))}
          // Not on focus: a click on the track focuses the input after moving it.
          onPointerDown={(e) => range.begin(e.currentTarget)}
          onKeyDown={range.keyDown}
          onKeyUp={range.keyUp}
        />
        <input
          ref={typedRef}
          type="number"
          className="slider-number"
          aria-label={`${name}, exact value (${spec.unit})`}
          min={shown(spec, spec.min)}
          max={shown(spec, spec.max)}
          step={spec.integer ? spec.step : 'any'}
          value={draft ?? String(shown(spec, value))}
          disabled={disabled}
          onChange={(e) => {
            setDraft(e.target.value);
            const x = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(x)) onInput(spec.path, clampToSlider(spec, x / spec.scale));
          }}
          onFocus={(e) => typed.begin(e.currentTarget)}
          onBlur={() => setDraft(null)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') typed.end(e.currentTarget);
            typed.keyDown(e);
          }}
          onKeyUp={typed.keyUp}
        />
      </div>
      {(changed || spec.note) && (
        <p id={`${id}-note`} className="slider-note">
          {changed && <span className="slider-was">was {formatSliderValue(spec, spec.value)}</span>}
          {changed && spec.note && ' · '}
          {spec.note}
        </p>
      )}
    </div>
  );
});
