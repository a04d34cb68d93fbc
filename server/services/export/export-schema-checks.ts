import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import type { ExportFormat } from '../../domain/export/formats';
import type { ExportKind } from '../../domain/export/records';

/**
 * Checks a JSON Schema cannot express, over one exported line (test helper for
 * export-schemas.test.ts). `expectedImages` are the sha256s of the record's problem images, in order.
 */

type Json = Record<string, unknown>;
interface Part { type: string; text?: string; image_url?: { url: string } }
interface Message { role?: string; from?: string; content?: string | Part[]; value?: string }

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The roles of a line's turns in order, normalised to user / assistant. */
export function rolesOf(line: Json, format: ExportFormat, kind: ExportKind): string[] {
  const role = (m: Message) => (m.from === 'human' || m.role === 'user' ? 'user' : 'assistant');
  if (kind === 'preference') {
    const prompt = (format === 'sharegpt' ? line.conversations : format === 'openai' ? (line.input as Json).messages : line.prompt) as Message[];
    const sides = format === 'openai' ? [line.preferred_output, line.non_preferred_output] : [line.chosen, line.rejected];
    return [...prompt.map(role), ...sides.flatMap((side) => (Array.isArray(side) ? (side as Message[]).map(role) : [role(side as Message)]))];
  }
  if (format === 'trl' && kind === 'prm') return [];
  return ((format === 'sharegpt' ? line.conversations : line.messages) as Message[]).map(role);
}

/** Turns alternate user, assistant, … (preference: prompt turns, then the two answers). */
export function expectRolesInOrder(roles: string[], kind: ExportKind): void {
  if (roles.length === 0) return;
  if (kind === 'preference') {
    expect(roles).toEqual(['user', 'assistant', 'assistant']);
    return;
  }
  expect(roles.length % 2).toBe(0);
  roles.forEach((r, i) => expect(r).toBe(i % 2 === 0 ? 'user' : 'assistant'));
}

/** Every message-like object of a line (turns, prompt, answers). */
function messagesOf(line: Json): Message[] {
  const found: Message[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const v = value as Json;
      if ('role' in v || 'from' in v) found.push(v as Message);
      else Object.values(v).forEach(visit);
    }
  };
  visit(line);
  return found;
}

/** Image references match the problem's images: count, order, files present and hashed, tokens. */
export function expectImages(line: Json, format: ExportFormat, outDir: string, expectedImages: string[]): void {
  const messages = messagesOf(line);
  if (format === 'openai') {
    const urls = messages.flatMap((m) => (Array.isArray(m.content) ? m.content : []).filter((p) => p.type === 'image_url').map((p) => p.image_url!.url));
    expect(urls.map((url) => sha256(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')))).toEqual(expectedImages);
    return;
  }
  const paths = line.images as string[];
  expect(paths.map((p) => basename(p).split('.')[0])).toEqual(expectedImages);
  for (const path of paths) {
    expect(existsSync(join(outDir, path))).toBe(true);
    expect(sha256(readFileSync(join(outDir, path)))).toBe(basename(path).split('.')[0]);
  }
  if (format === 'sharegpt') {
    const tokens = messages.map((m) => (m.value ?? '').split('<image>').length - 1);
    expect(tokens.reduce((a, b) => a + b, 0)).toBe(paths.length);
    expect(tokens[0]).toBe(paths.length);
  } else if (messages.length > 0) {
    // trl chats: one {"type":"image"} per image (prm lines are prompt/completions: no placeholders).
    const placeholders = messages.map((m) => (Array.isArray(m.content) ? m.content : []).filter((p) => p.type === 'image').length);
    expect(placeholders.reduce((a, b) => a + b, 0)).toBe(paths.length);
  }
}

/** orm: the assistant's text is MathSE's judgment JSON. */
export function expectOrmJudgment(line: Json): void {
  const last = messagesOf(line).at(-1)!;
  const text = typeof last.content === 'string' ? last.content : Array.isArray(last.content) ? last.content[0]!.text! : last.value!;
  const judgment = JSON.parse(text) as Json;
  expect(Object.keys(judgment)).toEqual(['status', 'error_step', 'error_analysis', 'improvement_suggestion']);
  expect(['CORRECT', 'WRONG']).toContain(judgment.status);
  expect(judgment.error_step).toMatch(judgment.status === 'CORRECT' ? /^$/ : /^(Step [1-9]\d*)?$/);
}
