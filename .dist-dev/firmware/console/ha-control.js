export {};
//# sourceMappingURL=ha-control.js.map