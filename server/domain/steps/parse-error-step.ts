/**
 * Reads which step an outcome reward model (ORM) blamed from its free-text `error_step` field.
 *
 * Index base: the ORM writes 1-based references ("Step 3"); we return the 0-based index into the
 * solution's steps, so "Step 3" → 2. Out-of-range or unreadable text gives `index: null` with
 * `unclear: true`, which the importer turns into the "ORM step unclear" flag (SPEC §3.3).
 */
export interface ParsedErrorStep {
  /** 0-based step index, or null when no usable step was named. */
  index: number | null;
  /** True when something was written but no valid step could be read from it. */
  unclear: boolean;
}

const CARDINALS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];
const ORDINALS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth',
  'eighteenth', 'nineteenth', 'twentieth',
];
const CHINESE_DIGITS = '一二三四五六七八九';

const CARDINAL = `(?:${CARDINALS.join('|')})`;
const ORDINAL = `(?:${ORDINALS.join('|')}|\\d+(?:st|nd|rd|th))`;
const CHINESE_NUMBER = '(?:\\d+|[一二三四五六七八九十]+)';

/** A rule finds its first mention; `step` turns the match into a 1-based step number. */
interface Rule {
  pattern: RegExp;
  step: (match: RegExpExecArray, stepCount: number) => number | null;
}

const fromDigits = (m: RegExpExecArray): number => Number(m[1]);

const RULES: Rule[] = [
  // "Step 3", "Steps 2 and 4", "Steps 2-4", "step #3", "Step (3)", "Step-3", "step no. 3": the first number wins.
  { pattern: /\bsteps?\s*(?:[:#(-]|no\.?|number)?\s*(\d+)/i, step: fromDigits },
  // "Step three", "steps two and four".
  { pattern: new RegExp(`\\bsteps?\\s+(${CARDINAL})\\b`, 'i'), step: (m) => wordValue(m[1], CARDINALS) },
  // "the third step", "3rd step", "the second and fourth steps".
  {
    pattern: new RegExp(`\\b(${ORDINAL})(?:\\s*(?:,|and|or|&|to|-|–)\\s*${ORDINAL})*\\s+steps?\\b`, 'i'),
    step: (m) => wordValue(m[1], ORDINALS) ?? Number.parseInt(m[1] ?? '', 10),
  },
  // Relative references resolve against the solution's length.
  { pattern: /\b(?:penultimate|second[\s-]+to[\s-]+last)\s+step\b/i, step: (_m, n) => n - 1 },
  { pattern: /\b(?:last|final)\s+step\b/i, step: (_m, n) => n },
  // Chinese: "第3步", "第三步", "第3个步骤", "步骤3".
  { pattern: new RegExp(`第\\s*(${CHINESE_NUMBER})\\s*(?:个)?步`), step: (m) => chineseValue(m[1]) },
  { pattern: new RegExp(`步骤\\s*(${CHINESE_NUMBER})`), step: (m) => chineseValue(m[1]) },
  // "S3" shorthand; capital S only, and not a unit such as "m/s2" or an exponent.
  { pattern: /(?<![\w/^.])S(\d+)\b/, step: fromDigits },
  // A bare number only counts at the very start: "(3) …", "[3] …", "3. …", "3) …", "3: …", "3".
  // Later numbers are quantities ("9:00", "12 cm^2"), and "3.5" is a decimal, not "3.".
  { pattern: /^[([]\s*(\d+)\s*[)\]]/, step: fromDigits },
  { pattern: /^(\d+)\s*(?:[.)、:](?!\d)|$)/, step: fromDigits },
];

/**
 * Returns the 0-based index of the first step named in `errorStep` (earliest in the text).
 * A number n is read as "Step n" (1-based). Valid indices lie in [0, stepCount).
 */
export function parseErrorStep(
  errorStep: string | number | null | undefined,
  stepCount: number,
): ParsedErrorStep {
  if (errorStep === null || errorStep === undefined) return { index: null, unclear: false };
  if (typeof errorStep === 'number') {
    return Number.isInteger(errorStep) ? resolve(errorStep, stepCount) : { index: null, unclear: true };
  }
  const text = normalise(errorStep);
  if (text === '') return { index: null, unclear: false };

  let best: { at: number; step: number | null } | null = null;
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match && (best === null || match.index < best.at)) {
      best = { at: match.index, step: rule.step(match, stepCount) };
    }
  }
  return best === null || best.step === null ? { index: null, unclear: true } : resolve(best.step, stepCount);
}

/** Converts a 1-based step number into a checked 0-based index. */
function resolve(oneBased: number, stepCount: number): ParsedErrorStep {
  const index = oneBased - 1;
  return Number.isInteger(index) && index >= 0 && index < stepCount
    ? { index, unclear: false }
    : { index: null, unclear: true };
}

/**
 * Reads circled numbers as "(n)", folds full-width digits to ASCII (NFKC) and drops markdown/LaTeX decoration
 * ("**Step 2**", "Step $3$") so the rules only see words and numbers.
 */
function normalise(raw: string): string {
  return raw
    // A circled number is a step reference wherever it stands ("② 计算错误"): read it as "(2)".
    .replace(/[\u2460-\u2473]/g, (ch) => `(${ch.charCodeAt(0) - 0x2460 + 1})`)
    .normalize('NFKC')
    .replace(/[*_`$]/g, '')
    .replace(/^[\s#>]+/, '')
    .trim();
}

function wordValue(word: string | undefined, table: readonly string[]): number | null {
  const at = table.indexOf((word ?? '').toLowerCase());
  return at < 0 ? null : at + 1;
}

/** Reads "3", "三", "十二", "二十", "二十三" (1..99); anything else is null. */
function chineseValue(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (ch: string | undefined): number => (ch === undefined ? 0 : CHINESE_DIGITS.indexOf(ch) + 1);
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? digit(text) || null : null;
  if (ten > 1 || text.length - ten > 2) return null;
  const tens = ten === 0 ? 1 : digit(text[0]);
  const ones = digit(text[ten + 1]);
  if (tens === 0 || (text.length > ten + 1 && ones === 0)) return null;
  return tens * 10 + ones;
}
