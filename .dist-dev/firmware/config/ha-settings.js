export {};
//# sourceMappingURL=ha-settings.js.map