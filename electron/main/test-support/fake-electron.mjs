/* global setImmediate, setTimeout, Request, Buffer */
// A stand-in for the `electron` module, loaded with `node --import` before the bundled main process
// (out/main/index.cjs), so the composition root runs under plain Node where Electron's binary is
// missing. It records what the app asks of Electron, plays a short scenario once the window has
// loaded (IPC from our page and from a stranger, the app:// protocol, permissions, navigation, a
// job to the end, a notification click, a quit), and writes what it saw to FAKE_ELECTRON_REPORT.
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

const appRoot = process.env.FAKE_APP_ROOT ?? process.cwd();
const report = { events: [], ipcChannels: [], sent: [], notifications: [], errors: [] };
const note = (event) => report.events.push(event);
process.on('exit', () =>
  writeFileSync(process.env.FAKE_ELECTRON_REPORT ?? 'report.json', JSON.stringify(report)),
);

const handlers = new Map();
let protocolHandler;
const permissions = {};
const windows = [];
const notifications = [];

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  enableSandbox: () => note('enableSandbox'),
  whenReady: () => Promise.resolve(),
  getPath: (name) => join(appRoot, name),
  getAppPath: () => appRoot,
  getVersion: () => '0.1.0-test',
  setAppUserModelId: () => undefined,
  setBadgeCount: (count) => {
    report.badge = count;
    return true;
  },
  quit() {
    const event = {
      defaultPrevented: false,
      preventDefault: () => (event.defaultPrevented = true),
    };
    app.emit('before-quit', event);
    note(event.defaultPrevented ? 'quit held' : 'quit');
    if (!event.defaultPrevented) process.exit(0);
  },
  exit: (code) => process.exit(code),
});

class WebContents extends EventEmitter {
  url = '';
  getURL = () => this.url;
  isDestroyed = () => false;
  send = (channel, payload) => report.sent.push({ channel, payload });
  setWindowOpenHandler = (handler) => (this.windowOpenHandler = handler);
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    report.windowOptions = options;
    this.webContents = new WebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.webContents.url = url;
    note(`loadURL ${url}`);
    if (windows.length === 1) setImmediate(() => scenario(this).catch((e) => fail(e)));
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  show = () => note('window shown');
  focus = () => undefined;
  restore = () => undefined;
}

class Notification extends EventEmitter {
  static isSupported = () => true;
  constructor(options) {
    super();
    report.notifications.push(options);
    notifications.push(this);
  }
  show = () => undefined;
  close = () => undefined;
}

const fake = {
  app,
  BrowserWindow,
  Notification,
  ipcMain: { handle: (channel, handler) => handlers.set(channel, handler) },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => (report.schemes = schemes),
  },
  session: {
    defaultSession: {
      protocol: { handle: (scheme, handler) => (protocolHandler = handler) },
      setPermissionRequestHandler: (h) => (permissions.request = h),
      setPermissionCheckHandler: (h) => (permissions.check = h),
      setDevicePermissionHandler: (h) => (permissions.device = h),
      webRequest: { onBeforeRequest: (filter, h) => (permissions.network = { filter, h }) },
    },
  },
  shell: { openExternal: (url) => (report.openedExternally = url) && Promise.resolve() },
  dialog: { showErrorBox: (title, text) => report.errors.push(`${title}: ${text}`) },
  Tray: class extends EventEmitter {
    setToolTip = (text) => (report.trayTooltip = text);
    setTitle = () => undefined;
    setContextMenu = (menu) => (report.trayMenu = menu);
    destroy = () => note('tray destroyed');
  },
  Menu: { buildFromTemplate: (items) => items.map((item) => item.label ?? item.type) },
  nativeImage: { createFromPath: (path) => ({ path }) },
  powerMonitor: new EventEmitter(),
  net: { isOnline: () => true },
};

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake : load.call(this, request, ...rest);
};

function fail(error) {
  report.errors.push(String(error?.stack ?? error));
  process.exit(2);
}

const ownFrame = { senderFrame: { url: 'app://mull/index.html', parent: null } };
const strangerFrame = { senderFrame: { url: 'https://evil.example/', parent: null } };
const until = async (check, what) => {
  for (let i = 0; i < 400 && !check(); i += 1) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

async function scenario(window) {
  report.ipcChannels = [...handlers.keys()];
  const invoke = (channel, request, event = ownFrame) => handlers.get(channel)(event, request);
  report.appInfo = await invoke('app:info', {});
  report.fromStranger = await invoke('app:info', {}, strangerFrame);
  report.fromSubframe = await invoke(
    'app:info',
    {},
    {
      senderFrame: { url: 'app://mull/index.html', parent: {} },
    },
  );

  // Attachment bytes on their own channels: stored and read back from our page, refused to others.
  const call = (channel, args, event = ownFrame) => handlers.get(channel)(event, ...args);
  const png = new Uint8Array(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
  report.attachmentStored = await call('attachments:store', ['dot.png', png]);
  const read = await call('attachments:read', [report.attachmentStored.value?.sha256]);
  report.attachmentRead = read.ok
    ? {
        ok: true,
        mediaType: read.value.mediaType,
        sameBytes: Buffer.from(read.value.bytes).equals(Buffer.from(png)),
      }
    : read;
  report.attachmentFromStranger = {
    store: await call('attachments:store', ['evil.png', png], strangerFrame),
    read: await call('attachments:read', [report.attachmentStored.value?.sha256], strangerFrame),
  };

  const page = await protocolHandler(new Request('app://mull/index.html'));
  report.page = {
    status: page.status,
    csp: page.headers.get('content-security-policy'),
    body: await page.text(),
  };
  report.outside = (
    await protocolHandler(new Request('app://mull/%2e%2e/%2e%2e/secret.txt'))
  ).status;

  report.permissions = {
    media: await new Promise((r) =>
      permissions.request(window.webContents, 'media', r, { requestingUrl: 'app://mull/' }),
    ),
    clipboardWrite: permissions.check(null, 'clipboard-sanitized-write', 'app://mull'),
    network: permissions.network.filter.urls,
  };
  const navigation = {
    url: 'https://example.com/',
    isMainFrame: true,
    defaultPrevented: false,
    preventDefault: () => (navigation.defaultPrevented = true),
  };
  window.webContents.emit('will-navigate', navigation);
  report.navigationPrevented = navigation.defaultPrevented;
  report.windowOpen = window.webContents.windowOpenHandler({ url: 'javascript:alert(1)' });

  report.submitted = await invoke('jobs:submit', {
    jobs: [{ prompt: 'Smoke question', model: 'gpt-5-pro', providerId: 'demo' }],
  });
  await until(() => notifications.length > 0, 'the terminal notification');
  notifications[0].emit('click');
  await until(() => report.sent.some((s) => s.channel === 'app:showJob'), 'app:showJob');
  app.quit();
}

export default fake;
