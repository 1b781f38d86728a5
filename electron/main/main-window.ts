// The app's one window. Closing it destroys it (no hidden renderer kept in memory); show() makes a
// new one when needed (the tray, a notification, a second launch, the macOS dock).
import { BrowserWindow, type WebContents } from 'electron';
import { appEntryUrl } from './app-url.js';
import { secureWebPreferences } from './web-preferences.js';

export interface MainWindowOptions {
  preload: string;
  devTools: boolean;
  log: (message: string, error?: unknown) => void;
}

export class MainWindow {
  private window: BrowserWindow | undefined;
  private loaded: Promise<BrowserWindow> | undefined;

  constructor(private readonly options: MainWindowOptions) {}

  /** Shows and focuses the window, creating it if needed; resolves once its page has loaded. */
  show(): Promise<BrowserWindow> {
    const existing = this.window;
    if (existing && !existing.isDestroyed() && this.loaded) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return this.loaded;
    }
    const window = new BrowserWindow({
      width: 1280,
      height: 840,
      minWidth: 720,
      minHeight: 480,
      title: 'Mull',
      show: false,
      backgroundColor: '#16181d',
      webPreferences: secureWebPreferences({
        preload: this.options.preload,
        devTools: this.options.devTools,
      }),
    });
    this.window = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (this.window === window) {
        this.window = undefined;
        this.loaded = undefined;
      }
    });
    this.loaded = window.loadURL(appEntryUrl).then(
      () => window,
      (error: unknown) => {
        this.options.log('The window could not load the app', error);
        throw error;
      },
    );
    return this.loaded;
  }

  /** The window's web contents, when it is open. */
  contents(): WebContents[] {
    const window = this.window;
    return window && !window.isDestroyed() ? [window.webContents] : [];
  }
}
