import { describe, expect, it } from 'vitest';
import { splitSteps } from './split-steps';

// [what the case shows, raw solution text, expected steps in order (index 0 = "Step 1")]
const cases: Array<[string, string, string[]]> = [
  ['empty input', '', []],
  ['whitespace only', ' \n\n \t\n', []],
  ['one paragraph without markers', 'The area is 6 cm^2 because 3 * 4 / 2 = 6.', ['The area is 6 cm^2 because 3 * 4 / 2 = 6.']],
  [
    'plain "Step k:" markers',
    'Step 1: Let x be the width.\nStep 2: Then 2x + 2(x + 3) = 26.\nStep 3: So x = 5.',
    ['Let x be the width.', 'Then 2x + 2(x + 3) = 26.', 'So x = 5.'],
  ],
  [
    '"Step k." markers with text before the first one',
    'We use the Pythagorean theorem.\n\nStep 1. a^2 + b^2 = c^2.\nStep 2. c = 5.',
    ['We use the Pythagorean theorem.', 'a^2 + b^2 = c^2.', 'c = 5.'],
  ],
  [
    'markdown bold markers, closed before and after the colon',
    '**Step 1:** Find the slope.\nm = 2.\n\n**Step 2**: Find the intercept.\nb = -1.',
    ['Find the slope.\nm = 2.', 'Find the intercept.\nb = -1.'],
  ],
  [
    'bold marker whose bold also covers the title',
    '**Step 1: Find the vertex**\nx = -b/(2a) = 1.\n**Step 2: Evaluate**\ny = 3.',
    ['**Find the vertex**\nx = -b/(2a) = 1.', '**Evaluate**\ny = 3.'],
  ],
  ['bold marker alone on its line', '**Step 1**\nx = 2\n**Step 2**\ny = 4', ['x = 2', 'y = 4']],
  [
    'markdown heading markers',
    '## Step 1\nDraw the height.\n\n## Step 2: Area\nA = 1/2 * 6 * 4 = 12.',
    ['Draw the height.', 'Area\nA = 1/2 * 6 * 4 = 12.'],
  ],
  [
    'CRLF line endings',
    'Step 1: x + 1 = 3\r\nStep 2: x = 2\r\n',
    ['x + 1 = 3', 'x = 2'],
  ],
  [
    'CRLF paragraphs',
    'First, factor.\r\n\r\nThen solve each factor.\r\n',
    ['First, factor.', 'Then solve each factor.'],
  ],
  [
    'display math spanning lines stays inside its marked step',
    'Step 1: Write the system.\n$$\n\\begin{cases}\nx + y = 5 \\\\\nStep 2: x - y = 1\n\\end{cases}\n$$\nStep 2: Add the equations.',
    ['Write the system.\n$$\n\\begin{cases}\nx + y = 5 \\\\\nStep 2: x - y = 1\n\\end{cases}\n$$', 'Add the equations.'],
  ],
  [
    'Chinese 第k步 markers',
    '第1步：设长方形的宽为x。\n第2步：列方程 2(x + x + 3) = 26。\n第三步：解得 x = 5。',
    ['设长方形的宽为x。', '列方程 2(x + x + 3) = 26。', '解得 x = 5。'],
  ],
  [
    'numbered lines "1."',
    '1. The radius is 3.\n2. The volume is 4/3 * pi * 27.\n3. So V = 36 pi.',
    ['The radius is 3.', 'The volume is 4/3 * pi * 27.', 'So V = 36 pi.'],
  ],
  [
    'numbered lines "(1)" with text before and a continuation line',
    'Solution:\n(1) Since AB = AC,\nthe base angles are equal.\n(2) So angle B = 70°.',
    ['Solution:', 'Since AB = AC,\nthe base angles are equal.', 'So angle B = 70°.'],
  ],
  ['numbered lines "1)"', '1) 2x = 10\n2) x = 5', ['2x = 10', 'x = 5']],
  [
    'circled digits',
    '① 连接AC。\n② 由勾股定理得 AC = 5。\n③ 所以周长为 12。',
    ['连接AC。', '由勾股定理得 AC = 5。', '所以周长为 12。'],
  ],
  [
    'a nested list restarting at 1 stays inside its step',
    '1. Consider two cases:\n   1. x > 0\n   2. x < 0\n2. Combine the cases.',
    ['Consider two cases:\n   1. x > 0\n   2. x < 0', 'Combine the cases.'],
  ],
  [
    'a line starting with a number is not a list',
    '3 apples cost 6 dollars.\nSo 1 apple costs 2 dollars.',
    ['3 apples cost 6 dollars.\nSo 1 apple costs 2 dollars.'],
  ],
  [
    'a lone "1." is not a list; paragraphs are used instead',
    '1. We start with the given.\n\nThe answer is 4.',
    ['1. We start with the given.', 'The answer is 4.'],
  ],
  [
    'numbers out of order are not a list',
    '2. is the second prime.\n\n3. is the third.',
    ['2. is the second prime.', '3. is the third.'],
  ],
  [
    'decimals are not list numbers',
    '1.5 + 2.5 = 4\n2.0 * 2 = 4',
    ['1.5 + 2.5 = 4\n2.0 * 2 = 4'],
  ],
  [
    'blank-line paragraphs',
    'Let the speed be v.\n\n\nThen 3v = 180.\n  \nSo v = 60 km/h.',
    ['Let the speed be v.', 'Then 3v = 180.', 'So v = 60 km/h.'],
  ],
  [
    'a display block standing alone attaches to the previous paragraph',
    'By the quadratic formula,\n\n$$\nx = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}\n$$\n\nSo x = 2 or x = 3.',
    ['By the quadratic formula,\n\n$$\nx = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}\n$$', 'So x = 2 or x = 3.'],
  ],
  [
    'display math with blank lines inside is never split',
    'We expand:\n\\[\n(a + b)^2\n\n= a^2 + 2ab + b^2\n\\]\n\nHence the identity holds.',
    ['We expand:\n\\[\n(a + b)^2\n\n= a^2 + 2ab + b^2\n\\]', 'Hence the identity holds.'],
  ],
  [
    'an align environment with blank lines is never split',
    'Subtract:\n\\begin{align*}\n3x &= 9\n\nx &= 3\n\\end{align*}\n\nDone.',
    ['Subtract:\n\\begin{align*}\n3x &= 9\n\nx &= 3\n\\end{align*}', 'Done.'],
  ],
  [
    'numbered lines inside display math are ignored',
    'The matrix is\n$$\n1. & 2 \\\\\n2. & 4\n$$\nwhich is singular.',
    ['The matrix is\n$$\n1. & 2 \\\\\n2. & 4\n$$\nwhich is singular.'],
  ],
  [
    'an escaped dollar and a LaTeX line break open no block',
    'It costs \\$$5.\n\nA matrix row ends with \\\\[2pt] here.\n\nTotal: 10.',
    ['It costs \\$$5.', 'A matrix row ends with \\\\[2pt] here.', 'Total: 10.'],
  ],
  ['lower-case "step k:" markers', 'step 1: a = 2\nstep 2: b = 3', ['a = 2', 'b = 3']],
  ['"Step k" alone on its line is a marker', 'Step 1\nLet x = 2.\nStep 2\nThen 2x = 4.', ['Let x = 2.', 'Then 2x = 4.']],
  ['"Step k -" markers', 'Step 1 - expand\nStep 2 - simplify', ['expand', 'simplify']],
  [
    'bold markers separated by blank lines',
    '**Step 1:** Draw AC.\n\n**Step 2:** AC = 5.\n\n**Step 3:** P = 12.',
    ['Draw AC.', 'AC = 5.', 'P = 12.'],
  ],
  [
    'display math with a blank line inside a marked step stays in that step',
    'Step 1: compute\n$$\na = 1\n\nb = 2\n$$\nStep 2: done',
    ['compute\n$$\na = 1\n\nb = 2\n$$', 'done'],
  ],
  ['Chinese 第k步 markers followed by a comma', '第一步，设宽为x。\n第二步，解得x=5。', ['设宽为x。', '解得x=5。']],
  ['Chinese 步骤k markers', '步骤1：连接AC。\n步骤2：AC = 5。', ['连接AC。', 'AC = 5。']],
  ['Chinese numbered lines "1、" without a space', '1、设宽为x\n2、列方程\n3、解得x=5', ['设宽为x', '列方程', '解得x=5']],
  ['full-width numbered lines "（1）"', '（1）设宽为x\n（2）解得x=5', ['设宽为x', '解得x=5']],
  ['numbered lines with a blank line between them', '1. a = 2\n2. b = 3\n\n3. c = 5', ['a = 2', 'b = 3', 'c = 5']],
  [
    '\\[…\\] standing alone attaches to the previous paragraph',
    'We get\n\n\\[\nx = 1\n\\]\n\nSo x is 1.',
    ['We get\n\n\\[\nx = 1\n\\]', 'So x is 1.'],
  ],
  [
    '"Step k" in prose at a line start is not a marker',
    'Step 2 gives x = 3, which we check.\n\nIt satisfies the equation.',
    ['Step 2 gives x = 3, which we check.', 'It satisfies the equation.'],
  ],
];

describe('splitSteps', () => {
  it.each(cases)('%s', (_what, raw, expected) => {
    expect(splitSteps(raw)).toEqual(expected);
  });

  it('never returns empty strings', () => {
    const steps = splitSteps('Step 1:\nStep 2: x = 1\n\n\nStep 3:   \n');
    expect(steps).toEqual(['x = 1']);
  });
});
