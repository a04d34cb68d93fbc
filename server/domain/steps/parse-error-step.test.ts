import { describe, expect, it } from 'vitest';
import { parseErrorStep } from './parse-error-step';

type Input = string | number | null | undefined;

// [ORM error_step as written, steps in the solution, expected 0-based index, expected unclear]
const cases: Array<[Input, number, number | null, boolean]> = [
  // Plain English references, 1-based in the text.
  ['Step 3', 10, 2, false],
  ['step 3', 10, 2, false],
  ['STEP 3', 10, 2, false],
  ['Step 3:', 10, 2, false],
  ['Step 3: Finding the slope of the line through A and B', 10, 2, false],
  ['Step 1: Finding the vertex x-coordinate', 10, 0, false],
  ['In step 5, the area of the triangle was computed as 24 instead of 12', 10, 4, false],
  ['The error occurs in Step 4, where 3 + 5 was written as 9', 10, 3, false],
  ['Step3', 10, 2, false],
  ['step #3', 10, 2, false],
  ['Step (3)', 10, 2, false],
  ['Step 2.1', 10, 1, false],
  // Several steps named: the first one written wins.
  ['Steps 2 and 4: Misinterpretation of geometric relationships', 10, 1, false],
  ['Steps 2-4', 10, 1, false],
  ['Steps 2–4: The similarity ratio is inverted', 10, 1, false],
  ['Step 6 and Step 2', 10, 5, false],
  // Markdown and LaTeX decoration.
  ['**Step 2**', 10, 1, false],
  ['**Step 2:** The angle sum was taken as 360°', 10, 1, false],
  ['### Step 7', 10, 6, false],
  ['Step $3$', 10, 2, false],
  // Leading bare numbers.
  ['(3) Calculation for the time period from 9:00 to 9:30', 10, 2, false],
  ['3', 10, 2, false],
  ['3.', 10, 2, false],
  ['3. The perimeter formula is misapplied', 10, 2, false],
  ['3) Wrong sign when expanding (x - 2)^2', 10, 2, false],
  ['[4] The discriminant is negative, not positive', 10, 3, false],
  ['（3）计算错误', 10, 2, false],
  // Words.
  ['Step three', 10, 2, false],
  ['step Twelve', 15, 11, false],
  ['Steps two and four', 10, 1, false],
  ['the third step', 10, 2, false],
  ['The error is in the first step.', 10, 0, false],
  ['The 3rd step mixes up radius and diameter', 10, 2, false],
  ['the second and fourth steps', 10, 1, false],
  ['In the twentieth step', 20, 19, false],
  ['the final step', 6, 5, false],
  ['The last step divides by zero', 4, 3, false],
  ['the second-to-last step', 6, 4, false],
  // Chinese.
  ['第3步', 10, 2, false],
  ['步骤3', 10, 2, false],
  ['第三步', 10, 2, false],
  ['第十二步：面积计算错误', 15, 11, false],
  ['第二十步', 20, 19, false],
  ['在第 5 步中，角度计算错误', 10, 4, false],
  ['步骤三：单位换算错误', 10, 2, false],
  ['第３步', 10, 2, false],
  ['第3步和第5步都有错误', 10, 2, false],
  ['步骤 ２', 10, 1, false],
  ['步骤二', 10, 1, false],
  ['（2）', 10, 1, false],
  ['（2）面积公式用错', 10, 1, false],
  // Circled numbers name a step wherever they start the text, with or without a space after.
  ['①', 10, 0, false],
  ['② 计算错误', 10, 1, false],
  ['③三角形面积计算错误', 10, 2, false],
  ['⑩', 12, 9, false],
  ['⑤', 3, null, true],
  // More English forms met in ORM output.
  ['step two', 10, 1, false],
  ['Step-3', 10, 2, false],
  ['Step #2', 10, 1, false],
  ['error at step: 4', 10, 3, false],
  ['Step 2 and Step 4', 10, 1, false],
  ['In steps 3 through 5', 10, 2, false],
  ['The error lies in steps 3, 4 and 6', 10, 2, false],
  ['Steps 4,5', 10, 3, false],
  ['Error in Step 4 (line 2)', 10, 3, false],
  ['Problem 2, step 3', 10, 2, false],
  ['Step 10', 12, 9, false],
  ['**Step 2**: Misreads the diagram', 3, 1, false],
  ['2nd step', 10, 1, false],
  ['2', 1, null, true],
  ['Step 0: setup', 10, null, true],
  // Shorthand.
  ['S3', 10, 2, false],
  ['S3: wrong formula', 10, 2, false],
  // Numbers given as numbers are "Step n".
  [3, 10, 2, false],
  [1, 10, 0, false],
  [0, 10, null, true],
  [11, 10, null, true],
  [2.5, 10, null, true],
  // Out of range or zero: 1-based text, so "Step 0" names nothing.
  ['Step 0', 10, null, true],
  ['Step 12', 10, null, true],
  ['Step 3', 3, 2, false],
  ['Step 4', 3, null, true],
  ['the last step', 0, null, true],
  // Nothing named: flagged as unclear.
  ['Incorrect use and calculation of the radius for the cylinder and cone', 10, null, true],
  ['the area is 12 cm^2', 10, null, true],
  ['angle 40°', 10, null, true],
  ['12 cm^2 is not the area of the base', 10, null, true],
  ['3.5 should be 2.5', 10, null, true],
  ['The speed is 5 m/s2', 10, null, true],
  ['The final answer is wrong', 10, null, true],
  ['None', 10, null, true],
  // Nothing written at all: not unclear.
  ['', 10, null, false],
  ['   ', 10, null, false],
  [null, 10, null, false],
  [undefined, 10, null, false],
];

describe('parseErrorStep', () => {
  it.each(cases)('%j with %i steps → index %j, unclear %j', (input, stepCount, index, unclear) => {
    expect(parseErrorStep(input, stepCount)).toEqual({ index, unclear });
  });
});
