// The Electron main process entry (bundled to dist/electron/main.cjs).
import { startCardWorkersAsUtilityProcesses } from './cardWorker';
import { startApp } from './lifecycle';

startCardWorkersAsUtilityProcesses();
void startApp();
