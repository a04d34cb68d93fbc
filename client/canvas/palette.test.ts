import { describe, expect, it } from 'vitest';
import { NO_STEP_COLOUR, STEP_COLOURS, stepColour, stepLabel, withAlpha } from './palette';

describe('step palette', () => {
  it('colours by step, repeating, grey without a step', () => {
    expect(stepColour(0)).toBe(STEP_COLOURS[0]);
    expect(stepColour(STEP_COLOURS.length + 1)).toBe(STEP_COLOURS[1]);
    expect(stepColour(undefined)).toBe(NO_STEP_COLOUR);
  });

  it('labels 1-based and adds alpha to hex colours', () => {
    expect(stepLabel(0)).toBe('S1');
    expect(stepLabel(undefined)).toBeNull();
    expect(withAlpha('#000000', 0.2)).toBe('#00000033');
  });
});
