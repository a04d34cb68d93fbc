import { describe, expect, it } from 'vitest';
import { addPicked, formatBytes, uploadNameOf } from './upload-files';

const file = (name: string, webkitRelativePath = '') => Object.assign(new File(['x'], name), { webkitRelativePath }) as File;

describe('uploadNameOf', () => {
  it('keeps paths relative to the picked folder, which is the data file\'s folder', () => {
    expect(uploadNameOf(file('p-1.png', 'round2/img/p-1.png'))).toBe('img/p-1.png');
    expect(uploadNameOf(file('data.jsonl', 'round2/data.jsonl'))).toBe('data.jsonl');
    expect(uploadNameOf(file('data.jsonl'))).toBe('data.jsonl');
  });
});

describe('addPicked', () => {
  it('keeps data files and images, data first; a repeat name replaces; the rest is counted', () => {
    const first = addPicked([], [file('data.jsonl')]);
    const second = addPicked(first.files, [
      file('p-1.png', 'r/img/p-1.png'), file('data.jsonl', 'r/data.jsonl'), file('.DS_Store', 'r/.DS_Store'), file('notes.txt', 'r/notes.txt'),
    ]);
    expect(second.files.map((f) => f.name)).toEqual(['data.jsonl', 'img/p-1.png']);
    expect(second.files[0]?.file).not.toBe(first.files[0]?.file);
    expect(second.skipped).toBe(2);
  });
});

describe('formatBytes', () => {
  it('reads as people expect', () => {
    expect([formatBytes(812), formatBytes(3482), formatBytes(12 * 1024 * 1024)]).toEqual(['812 B', '3.4 KB', '12.0 MB']);
  });
});
