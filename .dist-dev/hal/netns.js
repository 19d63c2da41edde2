/**
 * Network namespaces by name (iproute2's /run/netns/NAME), for the test rig and driver tests.
 *
 * `withNetns` moves only the calling thread, and only for the duration of a synchronous
 * function: sockets opened inside stay in the namespace after it returns. Worker threads
 * started inside inherit the namespace. Child processes should use `ip netns exec` instead.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { HalError } from './errors.js';
import { CLONE_NEWNET, E, errno, errnoText, libc } from './libc.js';
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
function checkName(name, operation) {
    if (!NAME.test(name)) {
        throw new HalError(`netns ${name}`, operation, E.EINVAL, 'name must be 1..64 of A-Z a-z 0-9 _ . -');
    }
}
function ip(args) {
    execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}
/** `ip netns add NAME`; throws when it exists. */
export function addNetns(name) {
    checkName(name, 'add');
    ip(['netns', 'add', name]);
}
/** `ip netns delete NAME`; a missing namespace is not an error. */
export function deleteNetns(name) {
    checkName(name, 'delete');
    try {
        ip(['netns', 'delete', name]);
    }
    catch (err) {
        if (!String(err.stderr ?? '').includes('No such file'))
            throw err;
    }
}
function enter(fd, name, operation) {
    if (libc.setns(fd, CLONE_NEWNET) < 0) {
        const err = errno();
        throw new HalError(`netns ${name}`, operation, err, errnoText(err));
    }
}
/** Runs `fn` on this thread inside namespace `name`, then returns the thread to where it was. */
export function withNetns(name, fn) {
    checkName(name, 'enter');
    const home = openSync('/proc/thread-self/ns/net', 'r');
    try {
        const target = openSync(`/run/netns/${name}`, 'r');
        try {
            enter(target, name, 'enter');
        }
        finally {
            closeSync(target);
        }
        try {
            return fn();
        }
        finally {
            enter(home, name, 'leave');
        }
    }
    finally {
        closeSync(home);
    }
}
//# sourceMappingURL=netns.js.map