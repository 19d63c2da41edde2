/**
 * Fakes of what the console is handed: an HaControl and a DiagControl that record what they
 * were asked, a PortStatsSource that shows a given view, and a small in-memory ConfigAccess
 * with a FortiOS-like editor.
 */
import { hashAdminPassword } from '../config/admin-password.js';
import { parseErrorLine, parseFail } from '../config/command-fail.js';
import { haSettings, pairSnapshot, remoteLinkView } from './views.fixture.js';
export class FakeHa {
    current;
    failoverCalls = [];
    resets = 0;
    constructor(current = pairSnapshot()) {
        this.current = current;
    }
    snapshot() {
        return this.current;
    }
    setFailover(on) {
        this.failoverCalls.push(on);
    }
    resetUptime() {
        this.resets++;
    }
    clearStats() {
        this.clears++;
    }
    clears = 0;
}
export class FakeDiag {
    loads = [];
    blocks = [];
    mainLoad(seconds) {
        this.loads.push(seconds);
        return `main-thread load running for ${seconds} s\n`;
    }
    mainBlock(seconds) {
        this.blocks.push(seconds);
        return `main thread blocked for ${seconds} s\n`;
    }
}
/** The password of FakeConfig's `admin`. */
export const FAKE_ADMIN_PASSWORD = 'fake-admin-pw';
const FAKE_ADMIN_HASH = hashAdminPassword(FAKE_ADMIN_PASSWORD);
/**
 * Knows two sections, `system global` (hostname) and `system ha` (priority), and one
 * administrator, `admin` with FAKE_ADMIN_PASSWORD. Edits apply at `end`, like the real store;
 * `abort` drops them.
 */
export class FakeConfig {
    host = 'TDM-A';
    priority = 200;
    showCalls = [];
    admins = new Map([['admin', FAKE_ADMIN_HASH]]);
    sections() {
        return [
            { words: ['system', 'global'], help: 'Global settings.' },
            { words: ['system', 'ha'], help: 'HA settings.' },
        ];
    }
    login() {
        return { lockoutThreshold: 3, lockoutDurationS: 60, admins: this.admins };
    }
    hostname() {
        return this.host;
    }
    haSettings() {
        return haSettings({ priority: this.priority });
    }
    show(words, full) {
        this.showCalls.push({ words: [...words], full });
        const key = words.join(' ');
        if (key === '' || key === 'system ha') {
            const extra = full ? '    set hb-interval 2\n' : '';
            return `config system ha\n    set priority ${this.priority}\n${extra}end\n`;
        }
        if (key === 'system global')
            return `config system global\n    set hostname "${this.host}"\nend\n`;
        return parseFail(words[0]);
    }
    beginEdit(words) {
        const key = words.join(' ');
        if (key !== 'system ha' && key !== 'system global')
            return parseErrorLine(words[words.length - 1]);
        const context = words[words.length - 1];
        const staged = {};
        const reply = (output, active = true) => ({ output, context, active });
        return {
            choices: (words) => words.length === 0
                ? [
                    { word: 'set', help: 'Modify value.' },
                    { word: 'end', help: '' },
                ]
                : [],
            handle: (line) => {
                const w = line.trim().split(/\s+/);
                if (w[0] === 'end') {
                    if (staged.host !== undefined)
                        this.host = staged.host;
                    if (staged.priority !== undefined)
                        this.priority = staged.priority;
                    return reply('', false);
                }
                if (w[0] === 'abort')
                    return reply('', false);
                if (w[0] === 'set' && key === 'system global' && w[1] === 'hostname' && w[2]) {
                    staged.host = w[2];
                    return reply('');
                }
                if (w[0] === 'set' && key === 'system ha' && w[1] === 'priority' && /^\d+$/.test(w[2] ?? '')) {
                    staged.priority = Number(w[2]);
                    return reply('');
                }
                return reply(parseFail(w[0]));
            },
        };
    }
    onChange() { }
    /** Fixed sums: `debugzone` is what `recalculate` last cached, `current` what the config gives now. */
    current = fakeSums('01', '02');
    debugzone = fakeSums('01', '02');
    recalculations = 0;
    boot = { kind: 'file' };
    bootSource() {
        return this.boot;
    }
    checksums() {
        return { debugzone: this.debugzone, checksum: this.current };
    }
    recalculate() {
        this.recalculations++;
        this.debugzone = this.current;
        return this.current;
    }
}
/** Sums made of one repeated byte each, readable in test output. */
export function fakeSums(globalByte, rootByte) {
    return {
        global: globalByte.repeat(16),
        root: rootByte.repeat(16),
        all: 'ff'.repeat(16),
        sections: {
            'system.global': 'a1'.repeat(16),
            'system.ha': globalByte.repeat(16),
            'firewall.policy': rootByte.repeat(16),
        },
    };
}
export class FakePortStats {
    current;
    constructor(current = remoteLinkView()) {
        this.current = current;
    }
    views() {
        return this.current;
    }
}
//# sourceMappingURL=controls.fake.js.map