/**
 * The CLI a FortiOS hand expects, typed on a fake terminal into a session on the real config
 * store: `?` at once in every mode, Tab, history, abbreviations and ambiguity errors, the
 * editor verbs and `| grep`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeTerminal, storeSession } from './terminal.testkit.js';
const INTERFACES = 'config system interface\n    edit "port1"\n    next\n    edit "port2"\n    next\nend\n';
test('? lists the choices the moment it is typed, then redraws the prompt and the partial line', async () => {
    const term = new FakeTerminal(storeSession().session);
    const top = await term.type('?');
    assert.ok(top.startsWith('?\r\nget         Get dynamic and system information.\r\n'), top);
    assert.ok(top.endsWith('exit        Exit the CLI.\r\nTDM0000000001 # '), top);
    assert.equal(await term.type('conf sys h?'), 'conf sys h?\r\nha    HA (FGCP) cluster settings.\r\nTDM0000000001 # conf sys h');
    assert.equal(await term.type('a\r'), 'a\r\nTDM0000000001 (ha) # ');
    assert.equal(await term.type('se prio ?'), 'se prio ?\r\n<integer>    an integer 0-255\r\nTDM0000000001 (ha) # se prio ', 'in config mode, with abbreviated words before it');
    assert.equal(await term.type('\x01\x1b[C\x1b[C?'), '\b'.repeat(8) +
        'se?\r\nset       Modify value.\r\nselect    Clear a list and select the given values.\r\nTDM0000000001 (ha) # se prio \b\b\b\b\b\b', 'the choices for the word at the cursor; the cursor goes back where it was');
    assert.equal(await term.type('\x05200\r'), ' prio 200\r\nTDM0000000001 (ha) # ');
    assert.equal(await term.type('end\r'), 'end\r\nTDM0000000001 # ');
    assert.match(await term.type('sh sys ha\r'), /set priority 200\r\n/);
});
test('? inside an edit offers the entry options and what each takes; a ? in quotes is typed', async () => {
    const { session } = storeSession(INTERFACES);
    const term = new FakeTerminal(session);
    await term.type('config firewall policy\redit 1\r');
    assert.equal(await term.type('set action ?'), 'set action ?\r\naccept\r\ndeny\r\nTDM0000000001 (1) # set action ');
    await term.type('\x15');
    assert.equal(await term.type('set name "why?'), 'set name "why?', 'no listing inside quotes');
    assert.equal(await term.type('"\r'), '"\r\nTDM0000000001 (1) # ');
    assert.match(await term.type('get | grep name\r'), /^get \| grep name\r\nname +: why\?\r\n/);
    assert.equal(await term.type('set srcintf port1 ?'), 'set srcintf port1 ?\r\nport2      data port\r\nport3      sync port\r\nha1        heartbeat port\r\nha2        heartbeat port\r\n' +
        'mgmt       mgmt port\r\n<name>     names of at most 35 characters, each once\r\n<Enter>\r\nTDM0000000001 (1) # set srcintf port1 ');
});
test('Tab completes commands, sections, options, values and port names; a second Tab lists', async () => {
    const term = new FakeTerminal(storeSession().session);
    assert.equal(await term.type('ge\t'), 'get ');
    assert.equal(await term.type('sy\t'), 'system ');
    assert.equal(await term.type('ha s\t'), 'ha status ');
    assert.match(await term.type('\r'), /^\r\nHA Health Status: OK\r\n/);
    assert.equal(await term.type('conf\tf\ts\tc\t'), 'config firewall service custom ');
    assert.equal(await term.type('\redit web\rset pro\t'), '\r\nTDM0000000001 (custom) # edit web\r\nTDM0000000001 (web) # set protocol');
    assert.equal(await term.type('\t'), '\r\nprotocol           Protocol type: TCP/UDP/SCTP, ICMP or IP.\r\nprotocol-number    IP protocol number.\r\n' +
        'TDM0000000001 (web) # set protocol', 'the second Tab lists what the word may become');
    assert.equal(await term.type(' I\t'), ' I\x07', 'ICMP or IP: the first Tab only rings');
    assert.equal(await term.type('\t'), '\r\nICMP\r\nIP\r\nTDM0000000001 (web) # set protocol I');
    assert.equal(await term.type('C\t\r'), 'CMP \r\nTDM0000000001 (web) # ');
    await term.type('abort\r');
    assert.equal(await term.type('conf sys ha\rset mon p\t'), 'conf sys ha\r\nTDM0000000001 (ha) # set mon port');
    assert.equal(await term.type('2\t'), '2 ', 'a port name completes');
    assert.equal(await term.type('\t'), '\r\nport1    data port\r\nport3    sync port\r\nha1      heartbeat port\r\nha2      heartbeat port\r\n' +
        'mgmt     mgmt port\r\nTDM0000000001 (ha) # set mon port2 ', 'a Tab right after a completion lists what may come next');
    assert.equal(await term.type('h\t'), 'ha', 'ha1 and ha2 share ha');
    assert.equal(await term.type('\t'), '\r\nha1    heartbeat port\r\nha2    heartbeat port\r\nTDM0000000001 (ha) # set mon port2 ha');
});
test("↑/↓ recall this session's lines; each session keeps its own", async () => {
    const { session } = storeSession();
    const term = new FakeTerminal(session);
    await term.type('get system status\rshow system global\r');
    assert.equal(await term.type('\x1b[A'), 'show system global');
    assert.equal(await term.type('\x1b[A'), `${'\b'.repeat(18)}${' '.repeat(18)}${'\b'.repeat(18)}get system status`);
    assert.match(await term.type('\r'), /^\r\nVersion: TANDEM-SIM v1\.0\.0\r\n/);
    const other = new FakeTerminal(storeSession().session);
    assert.equal(await other.type('\x1b[A'), '');
});
test('abbreviations everywhere; an ambiguous word is refused naming its candidates', async () => {
    const term = new FakeTerminal(storeSession(INTERFACES).session);
    assert.match(await term.type('ge sys ha stat\r'), /HA Health Status: OK/);
    assert.equal(await term.type('conf fir pol\r'), 'conf fir pol\r\nTDM0000000001 (policy) # ');
    assert.equal(await term.type('ed 5\r'), 'ed 5\r\nTDM0000000001 (5) # ');
    assert.equal(await term.type('se act acc\r'), 'se act acc\r\nTDM0000000001 (5) # ');
    assert.match(await term.type('sh\r'), /set action accept/);
    assert.equal(await term.type('set s accept\r'), "set s accept\r\ncommand parse error before 's': ambiguous, could be status, srcintf, srcaddr, schedule, service\r\n" +
        'Command fail. Return code -61\r\nTDM0000000001 (5) # ');
    assert.equal(await term.type('a\r'), "a\r\ncommand parse error before 'a': ambiguous, could be append, abort\r\nCommand fail. Return code -61\r\nTDM0000000001 (5) # ");
    await term.type('abort\r');
    assert.equal(await term.type('e ha failover status\r'), "e ha failover status\r\ncommand parse error before 'e': ambiguous, could be execute, exit\r\nCommand fail. Return code -61\r\nTDM0000000001 # ");
    assert.equal(await term.type('exe ha fail stat\r'), 'exe ha fail stat\r\nfailover status: unset\r\nTDM0000000001 # ');
    assert.match(await term.type('conf sys nope\r'), /command parse error before 'nope': unknown section system nope, allowed: system global, /);
});
test('| grep filters any command, in config mode too; a bad filter runs nothing', async () => {
    const { session, store } = storeSession(INTERFACES);
    const run = async (line) => (await session.execute(line)).output;
    assert.equal(await run('show system interface | grep -f port2'), 'config system interface\n    edit "port2" <---\n    next\nend\n');
    assert.equal(await run('sh full sys global | grep -c lockout'), '2\n');
    assert.equal(await run('get system status | grep -i hostNAME'), 'Hostname: TDM0000000001\n');
    assert.equal(await run('show | grep'), "command parse error before 'grep': grep needs a pattern; usage: grep [-invcf] [-A|-B|-C <n>] <pattern>\nCommand fail. Return code -61\n");
    await run('config system ha');
    assert.equal(await run('set priority 7 | grep x'), '', 'the command ran; its (empty) output was filtered');
    assert.equal(await run('get | grep ^priority'), 'priority                      : 7\n');
    assert.equal(await run('show | grep -v set'), 'config system ha\nend\n');
    assert.equal(await run('set priority 9 | sort'), "command parse error before 'sort': only grep may follow |\nCommand fail. Return code -61\n");
    assert.equal(await run('set group-name "a|b"'), '', 'a quoted | is a character');
    assert.equal(await run('end'), '');
    assert.equal(store.haSettings().priority, 7);
    assert.equal(store.haSettings().groupName, 'a|b');
    assert.equal(await run('show system ha ?'), '<Enter>\n');
    assert.equal(await run('show | ?'), 'grep    Print the lines that match a pattern.\n');
});
test('exit ends the session; a session opened after it starts afresh', async () => {
    const { session } = storeSession();
    const reply = await session.execute('exit');
    assert.deepEqual(reply, { output: '', prompt: 'TDM0000000001 # ', exit: true });
    assert.equal((await session.execute('config system ha')).exit, undefined);
    assert.equal((await session.execute('exit')).output, "command parse error before 'exit': unknown command exit, allowed: set, unset, append, select, unselect, config, get, show, end, abort\nCommand fail. Return code -61\n", 'exit is no config-mode verb: end or abort leaves');
});
test('show takes full-configuration abbreviated where no section could be meant', async () => {
    const { session } = storeSession();
    const run = async (line) => (await session.execute(line)).output;
    assert.match(await run('show full system global'), /set admin-lockout-threshold 3/);
    assert.equal(await run('show fi'), await run('show firewall'), 'fi: firewall only');
    assert.equal(await run('show f'), "command parse error before 'f': ambiguous, could be full-configuration, firewall\nCommand fail. Return code -61\n");
});
test('the editor verbs on the terminal: clone, move and rename with their words offered by ?', async () => {
    const term = new FakeTerminal(storeSession(INTERFACES).session);
    await term.type('config firewall policy\redit 1\rset srcintf port1\rset dstintf port2\rset srcaddr all\rset dstaddr all\r');
    await term.type('set service ALL\rnext\rclone 1 to 2\r');
    assert.equal(await term.type('move 2 ?'), 'move 2 ?\r\nbefore    Move it before the entry that follows.\r\nafter     Move it after the entry that follows.\r\nTDM0000000001 (policy) # move 2 ');
    assert.equal(await term.type('b\t'), 'before ');
    assert.equal(await term.type('?'), '?\r\n1\r\n2\r\nTDM0000000001 (policy) # move 2 before ');
    await term.type('1\rrename 1 to 9\r');
    assert.equal(await term.type('get\r'), 'get\r\n== [ 2 ]\r\n== [ 9 ]\r\nTDM0000000001 (policy) # ');
});
//# sourceMappingURL=processor-terminal.test.js.map