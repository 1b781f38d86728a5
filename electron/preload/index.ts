// The preload: runs sandboxed, in its own JavaScript world, before the page. It exposes the bridge
// and nothing else (bundled to one CommonJS file: a sandboxed preload cannot import modules).
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName } from '../../shared/ipc/electron-bridge.js';
import { createMullBridge } from './bridge.js';

contextBridge.exposeInMainWorld(bridgeGlobalName, createMullBridge(ipcRenderer));
