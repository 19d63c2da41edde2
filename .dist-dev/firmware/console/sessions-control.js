export {};
//# sourceMappingURL=sessions-control.js.map