/**
 * The body of an OpenAI-compatible chat-completions request (as vLLM, SGLang, llama.cpp and
 * OpenAI serve it) for one solution: one user message whose content is the problem's images as
 * `image_url` parts with data URLs, in the problem's order, followed by the prompt text.
 */
export interface PromptImage {
  mime: string;
  data: Uint8Array;
}

export interface ChatRequestOptions {
  model: string;
  prompt: string;
  images: readonly PromptImage[];
  /** 0 by default: the same solution should get the same judgment. */
  temperature?: number;
  maxTokens?: number;
}

export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } };

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: 'user'; content: ContentPart[] }>;
  temperature: number;
  max_tokens?: number;
}

export function buildChatRequest(options: ChatRequestOptions): ChatRequestBody {
  const content: ContentPart[] = options.images.map((image) => ({
    type: 'image_url',
    image_url: { url: `data:${image.mime};base64,${Buffer.from(image.data).toString('base64')}` },
  }));
  content.push({ type: 'text', text: options.prompt });
  const body: ChatRequestBody = {
    model: options.model,
    messages: [{ role: 'user', content }],
    temperature: options.temperature ?? 0,
  };
  if (options.maxTokens !== undefined) body.max_tokens = options.maxTokens;
  return body;
}

/** The assistant's text from a chat-completions response body, or why there is none. */
export function replyText(body: unknown): { ok: true; text: string } | { ok: false; reason: string } {
  const choices = (body as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return { ok: false, reason: 'the response has no choices' };
  const content = (choices[0] as { message?: { content?: unknown } } | null)?.message?.content;
  if (typeof content === 'string') return { ok: true, text: content };
  // Some servers answer with content parts even for text.
  if (Array.isArray(content)) {
    const text = content
      .map((part) => ((part as { type?: unknown }).type === 'text' ? String((part as { text?: unknown }).text ?? '') : ''))
      .join('');
    return { ok: true, text };
  }
  return { ok: false, reason: 'the response has no message content' };
}
