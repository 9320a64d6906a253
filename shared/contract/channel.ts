// The IPC channel names, in a module without dependencies: the sandboxed preload may require
// nothing but 'electron', so it must not pull anything else in with these constants.
export const IPC_INVOKE_CHANNEL = 'pusiaukele:invoke';
export const IPC_EVENT_CHANNEL = 'pusiaukele:event';
