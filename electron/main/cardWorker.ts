import { utilityProcess } from 'electron';
import { usePkcs11Spawner } from '../services/index';

/**
 * Issue 16: the smart-card module runs apart from the data key, in a process of its own. In the
 * desktop app Electron cannot be run as Node (the runAsNode fuse is off), so Node's fork would not
 * start it: Electron's utility process does, with the minimal environment the services give it.
 */
export function startCardWorkersAsUtilityProcesses(): void {
  usePkcs11Spawner((entry, env) => {
    const child = utilityProcess.fork(entry, [], { env, execArgv: [], serviceName: 'Pusiaukelė: kortelė', stdio: 'ignore' });
    return {
      send: (request) => child.postMessage(request),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', listener),
      kill: () => void child.kill(),
    };
  });
}
