/**
 * A value handed to the heartbeat encoder that the wire format cannot carry. Raised only at the
 * encoder's boundary (construction, `setAdvert`, a buffer too small): receiving never throws.
 */
export class WireError extends Error {
    constructor(message) {
        super(message);
        this.name = 'WireError';
    }
}
//# sourceMappingURL=errors.js.map