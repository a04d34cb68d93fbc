import { describe, expect, it } from 'vitest';
import { parseOrmReply, type ParsedJudgment } from './reply-parser';

const wrong = (errorStep: string, errorAnalysis: string | null = null, improvementSuggestion: string | null = null, score: number | null = null): ParsedJudgment =>
  ({ status: 'WRONG', errorStep, errorAnalysis, improvementSuggestion, score });
const correct = (errorAnalysis: string | null = null, score: number | null = null): ParsedJudgment =>
  ({ status: 'CORRECT', errorStep: null, errorAnalysis, improvementSuggestion: null, score });

// Replies in the forms ORMs served by vLLM actually produce.
const ACCEPTED: Array<[string, string, ParsedJudgment]> = [
  ['raw JSON', '{"status": "WRONG", "error_step": "Step 3", "error_analysis": "The angle is misread.", "improvement_suggestion": "Use the alternate angles."}',
    wrong('Step 3', 'The angle is misread.', 'Use the alternate angles.')],
  ['raw CORRECT with empty fields', '{"status": "CORRECT", "error_step": "", "error_analysis": "", "improvement_suggestion": ""}', correct()],
  ['CORRECT without error_step', '{"status":"CORRECT","error_analysis":"All steps are valid."}', correct('All steps are valid.')],
  ['```json fence', 'Here is my judgment:\n```json\n{"status": "WRONG", "error_step": "Step 2", "error_analysis": "2+2 is not 5", "improvement_suggestion": "Recompute."}\n```',
    wrong('Step 2', '2+2 is not 5', 'Recompute.')],
  ['bare ``` fence', '```\n{"status": "CORRECT", "error_step": "N/A"}\n```', correct()],
  ['JSON inside prose', 'After checking each step carefully, I conclude: {"status": "WRONG", "error_step": "Steps 2 and 4: both use the wrong radius", "error_analysis": "r = 3, not 6", "improvement_suggestion": "Halve the diameter."} I hope this helps.',
    wrong('Steps 2 and 4: both use the wrong radius', 'r = 3, not 6', 'Halve the diameter.')],
  ['lower-case status', '{"status": "wrong", "error_step": "(3) Calculation for the area", "error_analysis": "x", "improvement_suggestion": "y"}',
    wrong('(3) Calculation for the area', 'x', 'y')],
  ['Title-case Correct', '{"status": "Correct", "error_step": null, "error_analysis": null, "improvement_suggestion": null}', correct()],
  ['INCORRECT as WRONG', '{"status": "INCORRECT", "error_step": "Step 1", "error_analysis": "misread figure"}', wrong('Step 1', 'misread figure')],
  ['numeric error_step', '{"status": "WRONG", "error_step": 4, "error_analysis": "a", "improvement_suggestion": "b"}', wrong('Step 4', 'a', 'b')],
  ['think block first', '<think>Step 2 says {x}... hmm, "status" could be wrong</think>\n{"status": "WRONG", "error_step": "Step 2", "error_analysis": "sign error"}',
    wrong('Step 2', 'sign error')],
  ['LaTeX with single backslashes', String.raw`{"status": "WRONG", "error_step": "Step 2", "error_analysis": "$\frac{1}{2} \times \sqrt{3} \neq \theta$", "improvement_suggestion": "Use $\triangle ABC$."}`,
    wrong('Step 2', String.raw`$\frac{1}{2} \times \sqrt{3} \neq \theta$`, String.raw`Use $\triangle ABC$.`)],
  ['escaped LaTeX stays', String.raw`{"status": "WRONG", "error_step": "Step 1", "error_analysis": "$\\angle A = 40^\\circ$\nnot 50"}`,
    wrong('Step 1', '$\\angle A = 40^\\circ$\nnot 50')],
  ['trailing comma', '{"status": "CORRECT", "error_step": "", "error_analysis": "fine",}', correct('fine')],
  ['camelCase keys and score', '{"status": "WRONG", "errorStep": "the third step", "errorAnalysis": "bad", "improvementSuggestion": "fix", "score": 0.12}',
    wrong('the third step', 'bad', 'fix', 0.12)],
  ['status with spaces', '{"status": "  WRONG ", "error_step": " Step 5 ", "error_analysis": " a "}', wrong('Step 5', 'a')],
  ['two objects, the judgment second', 'Example format: {"a": 1}. My answer: {"status": "CORRECT"}', correct()],
  ['CORRECT with a stray step dropped', '{"status": "CORRECT", "error_step": "Step 0"}', correct()],
  ['a list holding the object', '[{"status": "CORRECT"}]', correct()],
  ['Chinese error step', '{"status": "WRONG", "error_step": "第3步", "error_analysis": "计算错误"}', wrong('第3步', '计算错误')],
];

const REJECTED: Array<[string, string, RegExp]> = [
  ['empty', '   ', /empty/],
  ['only thinking', '<think>long thoughts</think>', /empty/],
  ['prose only', 'The solution is correct.', /no JSON object/],
  ['truncated JSON', '{"status": "WRONG", "error_step": "Step 2", "error_analy', /no JSON object/],
  ['no status', '{"error_step": "Step 2", "error_analysis": "x"}', /no "status" field/],
  ['unknown status', '{"status": "PARTIALLY CORRECT", "error_step": "Step 2"}', /"status" must be "CORRECT" or "WRONG", got "PARTIALLY CORRECT"/],
  ['boolean status', '{"status": true}', /"status" must be/],
  ['WRONG without a step', '{"status": "WRONG", "error_analysis": "something is off"}', /WRONG but "error_step" names no step/],
  ['WRONG with N/A step', '{"status": "WRONG", "error_step": "N/A"}', /names no step/],
  ['analysis not text', '{"status": "WRONG", "error_step": "Step 1", "error_analysis": ["a", "b"]}', /"error_analysis" must be text/],
  ['score out of range', '{"status": "CORRECT", "score": 7}', /"score" must be a number from 0 to 1/],
];

describe('parseOrmReply', () => {
  it.each(ACCEPTED)('accepts %s', (_name, reply, expected) => {
    expect(parseOrmReply(reply)).toEqual({ ok: true, judgment: expected });
  });

  it.each(REJECTED)('rejects %s with a reason', (_name, reply, reason) => {
    const result = parseOrmReply(reply);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
