/** Linux errno values that drivers test for and report, and that fakes fail with. */
export const E = {
    EPERM: 1,
    ENOENT: 2,
    ESRCH: 3,
    EINTR: 4,
    ENXIO: 6,
    EBADF: 9,
    EAGAIN: 11,
    ENOMEM: 12,
    EBUSY: 16,
    EEXIST: 17,
    ENODEV: 19,
    EINVAL: 22,
    ENOTTY: 25,
    ENAMETOOLONG: 36,
    ENOPROTOOPT: 92,
    EOPNOTSUPP: 95,
    EADDRINUSE: 98,
    EADDRNOTAVAIL: 99,
    ENETDOWN: 100,
    ENETUNREACH: 101,
    ENOBUFS: 105,
    ETIMEDOUT: 110,
    ECONNREFUSED: 111,
};
/** A failed OS call in a driver: which device, which operation, which errno. */
export class HalError extends Error {
    device;
    operation;
    errno;
    constructor(device, operation, errno, detail) {
        super(`${device}: ${operation} failed (errno ${errno}${detail ? `, ${detail}` : ''})`);
        this.device = device;
        this.operation = operation;
        this.errno = errno;
        this.name = 'HalError';
    }
}
//# sourceMappingURL=errors.js.map