// The Electron main process entry (bundled to dist/electron/main.cjs).
import { startApp } from './lifecycle';

void startApp();
