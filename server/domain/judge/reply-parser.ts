/**
 * Reads an ORM's reply into a judgment in MathSE's shape. Models wrap JSON in many ways: we take
 * raw JSON, a ```json fence, or the first JSON object in surrounding prose (after dropping a
 * <think>…</think> block reasoning models emit). Status words are read case-insensitively
 * ("Correct", "wrong", "INCORRECT"). A CORRECT judgment needs no error step; "N/A", "none" and ""
 * there mean none. Anything else unusable is rejected with a reason a person can act on.
 */
export interface ParsedJudgment {
  status: 'CORRECT' | 'WRONG';
  /** As the ORM wrote it; null when it named none (CORRECT). */
  errorStep: string | null;
  errorAnalysis: string | null;
  improvementSuggestion: string | null;
  /** 0..1 when the ORM gave one. */
  score: number | null;
}

export type ReplyParse = { ok: true; judgment: ParsedJudgment } | { ok: false; reason: string };

const NO_STEP = /^(?:n\/?a|none|null|nil|-+|no error|not applicable|—)?$/i;

export function parseOrmReply(reply: string): ReplyParse {
  const text = reply.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  if (text === '') return { ok: false, reason: 'the reply is empty' };
  const object = findJsonObject(text);
  if (object === null) return { ok: false, reason: 'no JSON object found in the reply' };
  return readJudgment(object);
}

/** The first candidate that parses as a JSON object with a status field; else the first object. */
function findJsonObject(text: string): Record<string, unknown> | null {
  let fallback: Record<string, unknown> | null = null;
  for (const candidate of candidates(text)) {
    const value = tryParse(candidate);
    if (value === null) continue;
    if (findKey(value, STATUS_KEYS) !== undefined) return value;
    fallback ??= value;
  }
  return fallback;
}

function* candidates(text: string): Generator<string> {
  yield text;
  for (const fence of text.matchAll(/```[a-zA-Z]*\s*\n?([\s\S]*?)```/g)) yield (fence[1] ?? '').trim();
  yield* balancedObjects(text);
}

/** Every top-level `{…}` span, braces inside JSON strings ignored. */
function* balancedObjects(text: string): Generator<string> {
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"' && depth > 0) inString = true;
    else if (ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) yield text.slice(start, i + 1);
    }
  }
}

function tryParse(candidate: string): Record<string, unknown> | null {
  const latexSafe = escapeLatex(candidate);
  for (const attempt of [latexSafe, latexSafe.replace(/,\s*([}\]])/g, '$1')]) {
    try {
      const value: unknown = JSON.parse(attempt);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // Not JSON as written; the next attempt drops trailing commas.
    }
  }
  return null;
}

/**
 * Models write LaTeX inside JSON strings with single backslashes: `\sqrt` is not valid JSON and
 * `\frac` would silently become a form feed. Inside strings, a backslash that does not start a
 * valid escape, or that starts `\b \f \r \t` followed by a lowercase letter (or `\n` before a
 * LaTeX name such as `\neq`), is taken literally.
 */
function escapeLatex(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!inString) {
      if (ch === '"') inString = true;
      out += ch;
      continue;
    }
    if (ch === '"') {
      inString = false;
      out += ch;
    } else if (ch === '\\') {
      const rest = text.slice(i + 1, i + 16);
      if (/^(?:["\\/]|u[0-9a-fA-F]{4})/.test(rest) || (/^[bfnrt]/.test(rest) && !LATEX_AFTER_ESCAPE.test(rest))) {
        out += ch + rest[0];
        i++;
      } else {
        out += '\\\\';
      }
    } else {
      out += ch;
    }
  }
  return out;
}

const LATEX_AFTER_ESCAPE = /^(?:[bfrt][a-z]|n(?:eq|e\b|abla|ot|eg|leq|geq|parallel|mid|u\b|i\b|ewline))/;

const STATUS_KEYS = ['status', 'verdict', 'judgment', 'judgement'];
const STEP_KEYS = ['error_step', 'errorStep', 'error step', 'first_error_step'];
const ANALYSIS_KEYS = ['error_analysis', 'errorAnalysis', 'analysis'];
const SUGGESTION_KEYS = ['improvement_suggestion', 'improvementSuggestion', 'suggestion'];
const SCORE_KEYS = ['score', 'confidence'];

function findKey(object: Record<string, unknown>, keys: readonly string[]): unknown {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const [key, value] of Object.entries(object)) if (wanted.has(key.toLowerCase())) return value;
  return undefined;
}

function readJudgment(object: Record<string, unknown>): ReplyParse {
  const rawStatus = findKey(object, STATUS_KEYS);
  if (rawStatus === undefined) return { ok: false, reason: 'the JSON has no "status" field' };
  if (typeof rawStatus !== 'string') return { ok: false, reason: `"status" must be "CORRECT" or "WRONG", got ${JSON.stringify(rawStatus)}` };
  const word = rawStatus.trim().toUpperCase();
  const status = word === 'CORRECT' ? 'CORRECT' : word === 'WRONG' || word === 'INCORRECT' ? 'WRONG' : null;
  if (status === null) return { ok: false, reason: `"status" must be "CORRECT" or "WRONG", got "${rawStatus.slice(0, 40)}"` };

  const fields: Array<[string, readonly string[]]> = [['error_analysis', ANALYSIS_KEYS], ['improvement_suggestion', SUGGESTION_KEYS]];
  const texts: Array<string | null> = [];
  for (const [name, keys] of fields) {
    const value = findKey(object, keys);
    if (value !== undefined && value !== null && typeof value !== 'string') return { ok: false, reason: `"${name}" must be text, got ${typeof value}` };
    texts.push(typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  }

  const rawStep = findKey(object, STEP_KEYS);
  let errorStep: string | null;
  if (rawStep === undefined || rawStep === null) errorStep = null;
  else if (typeof rawStep === 'number' && Number.isInteger(rawStep)) errorStep = `Step ${rawStep}`;
  else if (typeof rawStep === 'string') errorStep = NO_STEP.test(rawStep.trim()) ? null : rawStep.trim();
  else return { ok: false, reason: `"error_step" must be text such as "Step 3", got ${JSON.stringify(rawStep)}` };
  if (status === 'WRONG' && errorStep === null) return { ok: false, reason: 'status is WRONG but "error_step" names no step' };
  if (status === 'CORRECT') errorStep = null;

  const rawScore = findKey(object, SCORE_KEYS);
  let score: number | null = null;
  if (rawScore !== undefined && rawScore !== null) {
    const value = typeof rawScore === 'string' ? Number(rawScore) : rawScore;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      return { ok: false, reason: `"score" must be a number from 0 to 1, got ${JSON.stringify(rawScore)}` };
    }
    score = value;
  }
  return { ok: true, judgment: { status, errorStep, errorAnalysis: texts[0] ?? null, improvementSuggestion: texts[1] ?? null, score } };
}
