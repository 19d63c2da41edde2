/**
 * A fence for tests: records the lease the kernel would hold and the ports it would fence, and
 * writes renewals, revocations and port changes to a journal (shared with other fakes if
 * given), so a test can check their order against the takeover's steps.
 *
 * It fails the way the BPF driver does: open() throws the HalError a kernel that cannot fence
 * gives (`openError`), and setPorts() throws HalError naming the port, ENODEV for an interface
 * that does not exist (when told which do) or the errno of a refused attachment (`attachErrno`),
 * with the ports before it left fenced.
 */
import { E, HalError } from '../errors.js';
export class FakeLeaseFence {
    journal;
    hasInterface;
    unpinned = null;
    untilMs = 0;
    revoked = true;
    renewals = 0;
    ports = [];
    /** errno of the attachment to the first port, when the kernel refuses it (0: attaches). */
    attachErrno = 0;
    closed = false;
    constructor(journal, hasInterface) {
        this.journal = journal;
        this.hasInterface = hasInterface;
    }
    renew(untilMs) {
        this.untilMs = untilMs;
        this.revoked = false;
        this.renewals++;
        this.journal.push(`fence renew ${untilMs}`);
    }
    revoke() {
        this.revoked = true;
        this.journal.push('fence revoke');
    }
    setPorts(ports) {
        const fenced = [];
        try {
            for (const p of ports) {
                if (!this.hasInterface(p.ifname))
                    throw new HalError(`fence ${p.name}`, 'find the interface', E.ENODEV, `no interface ${p.ifname}`);
                if (this.attachErrno)
                    throw new HalError(`fence ${p.name}`, `attach ingress fence to ${p.name}`, this.attachErrno);
                fenced.push(p);
            }
        }
        finally {
            this.ports = fenced;
            this.journal.push(`fence ports ${fenced.map((p) => p.name).join(' ')}`.trimEnd());
        }
    }
    close() {
        this.closed = true;
        this.journal.push('fence close');
    }
}
export class FakeFenceDevice {
    fence;
    /** When set, open() throws it, as on a kernel without BPF, tcx (Linux 6.6) or CAP_BPF. */
    openError = null;
    constructor(opts = {}) {
        this.fence = new FakeLeaseFence(opts.journal ?? [], opts.hasInterface ?? (() => true));
    }
    open() {
        if (this.openError)
            throw this.openError;
        return this.fence;
    }
}
//# sourceMappingURL=fence.fake.js.map