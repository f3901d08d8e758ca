import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, UserError } from './dispatch.ts';

const appInfo = () => ({ host: 'web' as const, version: '1', workspace: '/w', nativeDialogs: false });

describe('dispatcher', () => {
  it('serves no name inherited from Object.prototype', async () => {
    const dispatcher = createDispatcher({ 'app.info': appInfo });
    for (const channel of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '']) {
      expect(dispatcher.has(channel), channel).toBe(false);
      expect(await dispatcher.dispatch(channel, {}), channel).toEqual({
        ok: false,
        error: `This host does not serve "${channel}".`,
      });
    }
  });

  it('refuses __proto__ in a payload and leaves Object.prototype alone', async () => {
    const close = vi.fn(() => ({}));
    const dispatcher = createDispatcher({ 'doc.close': close });
    const payload = JSON.parse('{"docId": "doc_1", "__proto__": {"polluted": true}}') as unknown;
    expect(await dispatcher.dispatch('doc.close', payload)).toMatchObject({ ok: false });
    expect(close).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('tells the user what failed without passing on internal details', async () => {
    const failure = Object.assign(
      new Error("EACCES: permission denied, open '/home/someone/.config/secret/recent.json'"),
      { code: 'EACCES' },
    );
    const logged = vi.fn();
    const dispatcher = createDispatcher(
      {
        'recent.clear': () => {
          throw failure;
        },
        'recent.list': () => {
          throw new UserError('A message written for people.');
        },
      },
      logged,
    );
    const result = await dispatcher.dispatch('recent.clear', {});
    expect(result).toEqual({ ok: false, error: expect.stringContaining('recent.clear') });
    if (result.ok) return;
    expect(result.error).toContain('EACCES');
    expect(result.error).not.toContain('/home/someone');
    expect(logged).toHaveBeenCalledWith(failure);
    expect(await dispatcher.dispatch('recent.list', {})).toEqual({
      ok: false,
      error: 'A message written for people.',
    });
  });
});
