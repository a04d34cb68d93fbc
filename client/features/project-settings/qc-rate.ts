/** The QC rate as typed: a number from 0 to 1 ("0.1", ".25", "0"). Pure. */
export function parseQcRate(text: string): { ok: true; rate: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  const rate = Number(trimmed);
  if (trimmed === '' || !/^(\d+(\.\d*)?|\.\d+)$/.test(trimmed) || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    return { ok: false, message: 'QC rate: a number from 0 to 1, please (e.g. 0.1)' };
  }
  return { ok: true, rate };
}
