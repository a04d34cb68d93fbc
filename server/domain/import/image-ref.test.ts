import { describe, expect, it } from 'vitest';
import { classifyImageRef } from './image-ref';

describe('classifyImageRef', () => {
  it.each([
    ['img/p-001.png', 'img/p-001.png'],
    ['./img/./p.png', 'img/p.png'],
    ['img/sub/../p.png', 'img/p.png'],
    ['img\\windows\\p.png', 'img/windows/p.png'],
    ['img//p.png', 'img/p.png'],
    ['~/p.png', '~/p.png'],
  ])('accepts the relative path %j', (ref, path) => {
    expect(classifyImageRef(ref)).toEqual({ kind: 'path', path });
  });

  it('decodes base64 data: URLs, ignoring whitespace and the declared type', () => {
    const result = classifyImageRef('data:image/png;base64,iVBO\nRw0K');
    expect(result).toEqual({ kind: 'bytes', bytes: Buffer.from('iVBORw0K', 'base64') });
  });

  it('decodes percent-encoded data: URLs to raw bytes', () => {
    const result = classifyImageRef('data:image/svg+xml,%3Csvg%20width="1"%3E%89é');
    expect(result).toEqual({ kind: 'bytes', bytes: Buffer.concat([Buffer.from('<svg width="1">'), Buffer.from([0x89]), Buffer.from('é')]) });
  });

  const ABSOLUTE = "absolute image paths are refused: give a path relative to the JSONL file's folder";
  it.each([
    ['/etc/passwd', ABSOLUTE],
    ['C:\\images\\p.png', ABSOLUTE],
    ['c:/images/p.png', ABSOLUTE],
    ['\\\\server\\share\\p.png', ABSOLUTE],
    ['\\p.png', ABSOLUTE],
    ['../x.png', "image path escapes the file's folder"],
    ['img/../../x.png', "image path escapes the file's folder"],
    ['..\\x.png', "image path escapes the file's folder"],
    ['.', 'image path names the folder itself, not a file'],
    ['img/..', 'image path names the folder itself, not a file'],
    ['file:///etc/passwd', 'image URL scheme "file:" is not supported: give a relative path or a data: URL'],
    ['img/p\0.png', 'image path contains a NUL character'],
    ['data:image/png;base64', 'data: URL has no "," before its data'],
    ['data:image/png;base64,@@@', 'data: URL is not valid base64'],
    ['data:image/png;base64,', 'data: URL holds no bytes'],
    ['data:,%zz', 'data: URL has a malformed %-escape'],
  ])('refuses %j', (ref, reason) => {
    expect(classifyImageRef(ref)).toEqual({ kind: 'refused', reason });
  });

  it('refuses remote URLs, quoting them', () => {
    for (const ref of ['http://example.com/a.png', 'HTTPS://example.com/a.png']) {
      const result = classifyImageRef(ref);
      expect(result.kind).toBe('refused');
      expect(result.kind === 'refused' && result.reason).toMatch(/^remote image URLs are not fetched \(.*example\.com\/a\.png\)/i);
    }
  });
});
