export function heartbeatIntervalMs(s) {
    return s.hbInterval * s.hbIntervalUnitMs;
}
/** How long a peer may stay silent on every link before it is lost. */
export function lostAfterMs(s) {
    return heartbeatIntervalMs(s) * s.hbLostThreshold;
}
//# sourceMappingURL=settings.js.map