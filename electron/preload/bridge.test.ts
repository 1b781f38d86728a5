import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { eventChannels, requestChannels } from '../../shared/ipc/contract.js';
import { mullApiOverBridge } from '../../shared/ipc/bridge-api.js';
import { attachmentChannels } from '../../shared/ipc/electron-bridge.js';
import { ContractError } from '../../shared/ipc/envelope.js';
import { createMullBridge, type IpcRendererLike } from './bridge.js';

/** An ipcRenderer stand-in: invoke answers from `answer`; `push` delivers like a main-process send. */
function fakeIpcRenderer(answer: (channel: string, ...args: unknown[]) => unknown) {
  const emitter = new EventEmitter();
  const ipcEvent = { sender: { secret: 'the raw ipcRenderer' }, ports: [] };
  const invoke = vi.fn((channel: string, ...args: unknown[]) =>
    Promise.resolve().then(() => answer(channel, ...args)),
  );
  const ipc: IpcRendererLike = {
    invoke,
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
  };
  return {
    ipc,
    invoke,
    push: (channel: string, payload: unknown) => emitter.emit(channel, ipcEvent, payload),
    listenerCount: (channel: string) => emitter.listenerCount(channel),
  };
}

describe('createMullBridge', () => {
  it('exposes exactly invoke, on and the two attachment functions', () => {
    const bridge = createMullBridge(fakeIpcRenderer(() => undefined).ipc);
    expect(Object.keys(bridge).sort()).toEqual([
      'invoke',
      'on',
      'readAttachment',
      'storeAttachment',
    ]);
  });

  it('sends every contract channel and hands back the settled envelope', async () => {
    const { ipc, invoke } = fakeIpcRenderer((channel) => ({ ok: true, value: channel }));
    const bridge = createMullBridge(ipc);
    for (const channel of requestChannels) {
      await expect(bridge.invoke(channel, {})).resolves.toEqual({ ok: true, value: channel });
    }
    expect(invoke).toHaveBeenCalledTimes(requestChannels.length);
  });

  it.each(['nope', 'jobs:changed', '__ELECTRON_LOG__', 'constructor', '__proto__', 42, null])(
    'refuses the unknown channel %s without sending anything',
    async (channel) => {
      const { ipc, invoke } = fakeIpcRenderer(() => ({ ok: true, value: 1 }));
      const bridge = createMullBridge(ipc);
      const settled = await bridge.invoke(channel as never, {});
      expect(settled).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(invoke).not.toHaveBeenCalled();
    },
  );

  it('turns a failed send into an envelope, not a rejection', async () => {
    const { ipc } = fakeIpcRenderer(() => {
      throw new Error('An object could not be cloned.');
    });
    const settled = await createMullBridge(ipc).invoke('jobs:list', {});
    expect(settled).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('gives event listeners the payload alone, never the IPC event', () => {
    const { ipc, push } = fakeIpcRenderer(() => undefined);
    const listener = vi.fn();
    createMullBridge(ipc).on('jobs:deleted', listener);
    push('jobs:deleted', { id: 'job-1' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ id: 'job-1' }]);
  });

  it('subscribes to every contract event, and unsubscribes', () => {
    const { ipc, push, listenerCount } = fakeIpcRenderer(() => undefined);
    const bridge = createMullBridge(ipc);
    for (const event of eventChannels) {
      const listener = vi.fn();
      const unsubscribe = bridge.on(event, listener);
      expect(listenerCount(event)).toBe(1);
      unsubscribe();
      expect(listenerCount(event)).toBe(0);
      push(event, {});
      expect(listener).not.toHaveBeenCalled();
    }
  });

  it.each(['jobs:list', 'not-an-event', 'ELECTRON_BROWSER_WINDOW_ALERT', undefined])(
    'refuses to listen to %s',
    (event) => {
      const { ipc, listenerCount } = fakeIpcRenderer(() => undefined);
      expect(() => createMullBridge(ipc).on(event as never, () => undefined)).toThrow(/no event/u);
      expect(listenerCount(String(event))).toBe(0);
    },
  );

  it('refuses a listener that is not a function', () => {
    const { ipc } = fakeIpcRenderer(() => undefined);
    expect(() => createMullBridge(ipc).on('jobs:changed', 'alert(1)' as never)).toThrow(TypeError);
  });
});

describe('attachments over the bridge', () => {
  const attachment = {
    sha256: 'a'.repeat(64),
    name: 'dot.png',
    mediaType: 'image/png',
    size: 3,
    kind: 'image',
  };

  it('sends a name and bytes on a channel of their own, never a contract channel', async () => {
    const { ipc, invoke } = fakeIpcRenderer(() => ({ ok: true, value: attachment }));
    const bytes = new Uint8Array([1, 2, 3]);
    const settled = await createMullBridge(ipc).storeAttachment('dot.png', bytes);
    expect(settled).toEqual({ ok: true, value: attachment });
    expect(invoke.mock.calls).toEqual([['attachments:store', 'dot.png', bytes]]);
    expect(requestChannels).not.toContain(attachmentChannels.store);
    expect(requestChannels).not.toContain(attachmentChannels.read);
  });

  it.each([
    ['a name that is not a string', 42, new Uint8Array([1])],
    ['bytes that are a string', 'a.txt', 'aGk='],
    ['bytes that are an array', 'a.txt', [104, 105]],
  ])('refuses %s without sending anything', async (_what, name, bytes) => {
    const { ipc, invoke } = fakeIpcRenderer(() => ({ ok: true, value: attachment }));
    const settled = await createMullBridge(ipc).storeAttachment(name as never, bytes as never);
    expect(settled).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('gives the page a File stored, a refusal as a ContractError and bytes as a typed Blob', async () => {
    const { ipc, invoke } = fakeIpcRenderer((channel, ...args) => {
      if (channel === attachmentChannels.read) {
        return { ok: true, value: { bytes: new Uint8Array([7, 8, 9]), mediaType: 'image/png' } };
      }
      return args[0] === 'x.pdf'
        ? { ok: false, error: { code: 'REFUSED', message: '"x.pdf" is named as ...' } }
        : { ok: true, value: attachment };
    });
    const api = mullApiOverBridge(createMullBridge(ipc));
    await expect(
      api.storeAttachment(new File([new Uint8Array([1, 2, 3])], 'dot.png')),
    ).resolves.toEqual(attachment);
    const sent: unknown = invoke.mock.calls[0]?.[2];
    expect(sent).toBeInstanceOf(Uint8Array);
    expect([...(sent as Uint8Array)]).toEqual([1, 2, 3]);
    const refused: unknown = await api
      .storeAttachment(new File(['x'], 'x.pdf'))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ContractError);
    expect(refused).toMatchObject({ code: 'REFUSED', message: '"x.pdf" is named as ...' });
    const blob = await api.readAttachment('a'.repeat(64));
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([7, 8, 9]);
  });
});

describe('mullApiOverBridge', () => {
  it('returns the value of a successful request', async () => {
    const { ipc } = fakeIpcRenderer(() => ({ ok: true, value: { jobs: [] } }));
    const api = mullApiOverBridge(createMullBridge(ipc));
    await expect(api.invoke('jobs:submit', { jobs: [] })).resolves.toEqual({ jobs: [] });
  });

  it('rejects with a ContractError that keeps its code', async () => {
    const { ipc } = fakeIpcRenderer(() => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'unknown sender' },
    }));
    const api = mullApiOverBridge(createMullBridge(ipc));
    const error: unknown = await api.invoke('app:info', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'unknown sender' });
  });

  it('passes event payloads through', () => {
    const { ipc, push } = fakeIpcRenderer(() => undefined);
    const api = mullApiOverBridge(createMullBridge(ipc));
    const listener = vi.fn();
    const unsubscribe = api.on('app:showJob', listener);
    push('app:showJob', { id: 'job-9' });
    unsubscribe();
    push('app:showJob', { id: 'job-10' });
    expect(listener.mock.calls).toEqual([[{ id: 'job-9' }]]);
  });
});
