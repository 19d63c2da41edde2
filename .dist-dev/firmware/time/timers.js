export const systemTimers = {
    after(ms, fn) {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
    },
};
//# sourceMappingURL=timers.js.map