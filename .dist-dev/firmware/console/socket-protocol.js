export const CONSOLE_SOCKET_NAME = 'console.sock';
//# sourceMappingURL=socket-protocol.js.map