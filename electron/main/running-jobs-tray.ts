// The tray icon with the count of running jobs (Show Mull, Quit), and the count on the dock or
// launcher badge where the OS has one (macOS; Linux launchers that speak Unity's protocol). The
// tray keeps the app reachable while jobs run with the window closed.
import { Menu, Tray, app, nativeImage } from 'electron';
import { badgeCount, runningJobsLabel, trayTitle, trayTooltip } from './running-jobs.js';

export interface TrayActions {
  show: () => void;
  quit: () => void;
}

export class RunningJobsTray {
  private readonly tray: Tray;

  constructor(
    iconPath: string,
    private readonly actions: TrayActions,
  ) {
    this.tray = new Tray(nativeImage.createFromPath(iconPath));
    // Windows and some Linux trays: a click on the icon brings the window up.
    this.tray.on('click', actions.show);
    this.showCount(0);
  }

  showCount(count: number): void {
    this.tray.setToolTip(trayTooltip(count));
    if (process.platform === 'darwin') this.tray.setTitle(trayTitle(count));
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: runningJobsLabel(count), enabled: false },
        { type: 'separator' },
        { label: 'Show Mull', click: this.actions.show },
        { label: 'Quit', click: this.actions.quit },
      ]),
    );
    // Windows has no badge count (setBadgeCount returns false there); the tray says it.
    app.setBadgeCount(badgeCount(count));
  }

  destroy(): void {
    this.tray.destroy();
  }
}
