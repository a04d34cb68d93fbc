import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, problemsOf } from './api-error';
import { signIn } from './auth';
import { configureApi } from './http';
import { listProjects, takeNextSolution } from './projects';
import { putAnnotation } from './solutions';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const annotation = {
  verdict: 'incorrect', firstErrorStep: 1, stepRatings: null, errorType: 'calculation',
  errorAnalysis: '', improvementSuggestion: '', correctedSolution: null, regions: [],
  flags: { badProblem: false, unsure: false }, status: 'draft', version: 3, timeSpentMs: 10,
  updatedAt: '2025-01-01T00:00:00Z', submittedAt: null,
};
const putBody = { ...annotation, status: 'draft' as const, version: 2, verdict: 'incorrect' as const };

describe('api calls', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const onUnauthorized = vi.fn();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    configureApi({ csrfToken: () => 'tok', onUnauthorized });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    onUnauthorized.mockReset();
  });

  it('sends the CSRF header and a JSON body on writes, with same-origin credentials', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    expect(await takeNextSolution('demo')).toBeNull();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/projects/demo/queue/next');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{}');
    expect((init?.headers as Record<string, string>)['x-redline-csrf']).toBe('tok');
  });

  it('sends no CSRF header on reads and parses with the shared schema', async () => {
    fetchMock.mockResolvedValue(json(200, { projects: [] }));
    expect(await listProjects()).toEqual([]);
    expect((fetchMock.mock.calls[0]![1]?.headers as Record<string, string>)['x-redline-csrf']).toBeUndefined();
  });

  it('throws ApiError with the server code and message', async () => {
    fetchMock.mockResolvedValue(json(401, { code: 'INVALID_CREDENTIALS', message: 'Wrong name or password' }));
    const error = await signIn('a', 'b').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', message: 'Wrong name or password' });
    expect(onUnauthorized).not.toHaveBeenCalled(); // a wrong password does not end a session
  });

  it('reports an ended session on a 401 elsewhere', async () => {
    fetchMock.mockResolvedValue(json(401, { code: 'UNAUTHENTICATED', message: 'Sign in' }));
    await expect(listProjects()).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('turns a non-JSON failure and an unreachable server into ApiError', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(listProjects()).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    await expect(listProjects()).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('refuses a 2xx answer that does not match the schema', async () => {
    fetchMock.mockResolvedValue(json(200, { projects: [{ name: 1 }] }));
    await expect(listProjects()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('returns a version conflict with the server copy instead of throwing', async () => {
    fetchMock.mockResolvedValue(json(409, { code: 'VERSION_CONFLICT', message: 'Changed', current: annotation }));
    const outcome = await putAnnotation(7, putBody);
    expect(outcome).toEqual({ kind: 'conflict', current: annotation });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/solutions/7/annotation');
  });

  it('reads a conflict body that has no message', async () => {
    fetchMock.mockResolvedValue(json(409, { code: 'VERSION_CONFLICT', current: annotation }));
    expect(await putAnnotation(7, putBody)).toEqual({ kind: 'conflict', current: annotation });
  });

  it('returns the saved annotation, and throws 422 with its problems', async () => {
    fetchMock.mockResolvedValueOnce(json(200, annotation));
    expect(await putAnnotation(7, putBody)).toEqual({ kind: 'saved', annotation });
    fetchMock.mockResolvedValueOnce(json(422, { code: 'ANNOTATION_INVALID', message: 'Invalid', details: { problems: ['verdict is required'] } }));
    const error = await putAnnotation(7, putBody).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(problemsOf(error as ApiError)).toEqual(['verdict is required']);
  });
});
