// Keyboard: which shortcut a key press is in which context (renderer/app/shortcut-list.ts), that
// the sheet lists every shortcut, and the arrow-key steps of number fields (editor/field-input.ts).
import { describe, expect, it } from 'vitest';
import { matchShortcut, SHORTCUT_GROUPS, type KeyContext, type KeyLike, type ShortcutId } from '../../../renderer/app/shortcut-list';
import { stepNumberText } from '../../../renderer/editor/field-input';

const IDLE: KeyContext = { typing: false, activatable: false, presenting: false, playable: false };

function key(k: string, mods: Partial<KeyLike> = {}): KeyLike {
  return { key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}

describe('matchShortcut', () => {
  it('maps Ctrl (or ⌘) chords, also while typing', () => {
    const typing = { ...IDLE, typing: true };
    expect(matchShortcut(key('s', { ctrlKey: true }), typing)).toBe('save');
    expect(matchShortcut(key('s', { metaKey: true }), typing)).toBe('save');
    expect(matchShortcut(key('Enter', { ctrlKey: true }), typing)).toBe('run');
    expect(matchShortcut(key('z', { ctrlKey: true }), typing)).toBe('undo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), typing)).toBe('redo');
    expect(matchShortcut(key('y', { ctrlKey: true }), typing)).toBe('redo');
    expect(matchShortcut(key('b', { ctrlKey: true }), typing)).toBe('toggle-library');
    expect(matchShortcut(key('e', { ctrlKey: true }), typing)).toBe('toggle-editor');
    expect(matchShortcut(key('s', { ctrlKey: true, altKey: true }), IDLE)).toBeNull();
    expect(matchShortcut(key('q', { ctrlKey: true }), IDLE)).toBeNull();
  });

  it('lets plain keys through to a text field, except Escape and F5', () => {
    const typing = { ...IDLE, typing: true, presenting: true, playable: true };
    expect(matchShortcut(key('?', { shiftKey: true }), typing)).toBeNull();
    expect(matchShortcut(key('ArrowRight'), typing)).toBeNull();
    expect(matchShortcut(key(' '), typing)).toBeNull();
    expect(matchShortcut(key('Home'), typing)).toBeNull();
    expect(matchShortcut(key('Escape'), typing)).toBe('escape');
    expect(matchShortcut(key('F5'), typing)).toBe('present');
  });

  it('opens the sheet on ? and Shift+/', () => {
    expect(matchShortcut(key('?', { shiftKey: true }), IDLE)).toBe('shortcuts');
    expect(matchShortcut({ ...key('/', { shiftKey: true }), code: 'Slash' }, IDLE)).toBe('shortcuts');
    expect(matchShortcut(key('/'), IDLE)).toBeNull();
  });

  it('binds the arrows only while presenting, the playback keys only with something to play', () => {
    expect(matchShortcut(key('ArrowRight'), IDLE)).toBeNull();
    expect(matchShortcut(key('ArrowRight'), { ...IDLE, presenting: true })).toBe('next-chart');
    expect(matchShortcut(key('ArrowLeft'), { ...IDLE, presenting: true })).toBe('prev-chart');
    expect(matchShortcut(key('ArrowLeft', { shiftKey: true }), { ...IDLE, presenting: true })).toBeNull();
    for (const k of [' ', 'Home', 'End', '[', ']']) expect(matchShortcut(key(k), IDLE)).toBeNull();
    const playable = { ...IDLE, playable: true };
    expect([' ', 'Home', 'End', '[', ']'].map((k) => matchShortcut(key(k), playable))).toEqual(['play', 'playback-start', 'playback-end', 'step-back', 'step-forward']);
    // Space on a focused button presses the button.
    expect(matchShortcut(key(' '), { ...playable, activatable: true })).toBeNull();
    expect(matchShortcut(key('constructor'), playable)).toBeNull();
  });

  it('the sheet lists every shortcut once', () => {
    const listed = SHORTCUT_GROUPS.flatMap((g) => g.shortcuts.map((s) => s.id));
    const all: ShortcutId[] = ['save', 'run', 'undo', 'redo', 'toggle-library', 'toggle-editor', 'present', 'escape', 'shortcuts', 'prev-chart', 'next-chart', 'play', 'playback-start', 'playback-end', 'step-back', 'step-forward'];
    expect([...listed].sort()).toEqual([...all].sort());
  });
});

describe('stepNumberText', () => {
  it('steps by one unit of the last typed digit, keeping the typed precision', () => {
    expect(stepNumberText('7', 1)).toBe('8');
    expect(stepNumberText('0.25', 1)).toBe('0.26');
    expect(stepNumberText('2.50', 1)).toBe('2.51');
    expect(stepNumberText('0.3', -1)).toBe('0.2');
    expect(stepNumberText('0.1', 1)).toBe('0.2'); // not 0.30000000000000004-style noise
    expect(stepNumberText('5.', 1)).toBe('6');
    expect(stepNumberText('.5', 1)).toBe('0.6');
    expect(stepNumberText(' 12 ', -1)).toBe('11');
  });

  it('takes ten steps with Shift', () => {
    expect(stepNumberText('80', 1, true)).toBe('90');
    expect(stepNumberText('0.25', -1, true)).toBe('0.15');
  });

  it('steps exponent notation in its last mantissa digit', () => {
    expect(stepNumberText('1e-3', 1)).toBe('0.002');
    expect(stepNumberText('1.5e3', 1)).toBe('1600');
  });

  it('does not take a non-negative value below zero, but steps negative values', () => {
    expect(stepNumberText('0', -1)).toBe('0');
    expect(stepNumberText('0.5', -1, true)).toBe('0.0');
    expect(stepNumberText('-2', -1)).toBe('-3');
    expect(stepNumberText('-0.5', 1)).toBe('-0.4');
  });

  it('leaves text that is not a number alone', () => {
    expect(stepNumberText('', 1)).toBeNull();
    expect(stepNumberText('abc', 1)).toBeNull();
    expect(stepNumberText('1e', 1)).toBeNull();
  });
});
