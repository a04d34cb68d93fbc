import { describe, expect, it } from 'vitest';
import { checkPromptTemplate, DEFAULT_PROMPT_TEMPLATE, renderPrompt } from './prompt-template';

const input = { question: 'In the figure, $AB \\parallel CD$. Find $x$.', steps: ['Since AB ∥ CD, ∠1 = 40°.', ' So x = 50°. '], finalAnswer: '50^\\circ', answer: '40^\\circ' };

describe('renderPrompt', () => {
  it('fills the default template: numbered steps, final and gold answers', () => {
    const prompt = renderPrompt(DEFAULT_PROMPT_TEMPLATE, input);
    expect(prompt).toContain('## Problem\nIn the figure, $AB \\parallel CD$. Find $x$.');
    expect(prompt).toContain('## Solution\nStep 1: Since AB ∥ CD, ∠1 = 40°.\nStep 2: So x = 50°.\n');
    expect(prompt).toContain('## Final answer of the solution\n50^\\circ');
    expect(prompt).toContain('## Reference answer\n40^\\circ');
    expect(prompt).toContain('"status": "CORRECT" or "WRONG"');
    expect(prompt).not.toMatch(/\{\{/);
  });

  it('says so when answers are missing, and never expands placeholders inside values', () => {
    const prompt = renderPrompt('Q: {{question}}\n{{steps}}\nA: {{answer}} F: {{final_answer}} \\frac{a}{b}', {
      question: 'What is {{steps}}?', steps: ['one'], finalAnswer: null, answer: '  ',
    });
    expect(prompt).toBe('Q: What is {{steps}}?\nStep 1: one\nA: (not given) F: (none) \\frac{a}{b}');
  });
});

describe('checkPromptTemplate', () => {
  it('accepts the default', () => expect(checkPromptTemplate(DEFAULT_PROMPT_TEMPLATE)).toEqual([]));
  it('names missing and unknown placeholders', () => {
    expect(checkPromptTemplate('Judge {{solution}}')).toEqual([
      'the prompt template must contain {{question}}',
      'the prompt template must contain {{steps}}',
      'the prompt template names an unknown placeholder {{solution}}; known: {{question}}, {{steps}}, {{final_answer}}, {{answer}}',
    ]);
  });
});
