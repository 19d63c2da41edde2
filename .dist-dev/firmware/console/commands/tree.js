/** The console's commands, as one keyword tree (see command-tree.ts for how it is walked). */
import { parseFail } from '../../config/command-fail.js';
import { MAIN_BLOCK_MAX_S } from '../../diag/main-block.js';
import { listCommands } from '../command-tree.js';
import { beginConfig, sectionChoices, show } from './config.js';
import { renderFlashList, restoreImageNode } from './firmware-image.js';
import { renderChecksumShow, renderRecalculate } from './ha-checksum.js';
import { renderChecksumCluster } from './ha-config-sync.js';
import { controlBranch } from './ha-control-diag.js';
import { renderHaDiagnose, renderHeartbeat } from './ha-diagnose.js';
import { failover, failoverStatus, resetUptime } from './ha-execute.js';
import { manageNode } from './ha-manage.js';
import { renderPortStats } from './ha-port-stats.js';
import { renderHaStatus } from './ha-status.js';
import { logBranch } from './log.js';
import { sessionBranch } from './session-tree.js';
import { renderSystemStatus } from './system-status.js';
const text = (output) => ({ output });
/** A leaf that takes no words. */
function leaf(word, help, run) {
    return { word, help, run: () => text(run()) };
}
function branch(word, help, children) {
    return { word, help, children };
}
/** A test command's one argument, whole seconds within [min, max]; null when it is not. */
function testSeconds(words, min, max) {
    const seconds = Number(words[0]);
    return words.length === 1 && /^[0-9]+$/.test(words[0] ?? '') && seconds >= min && seconds <= max ? seconds : null;
}
function badSeconds(command, words, min, max) {
    return parseFail(words[0] ?? '', `${command} needs seconds, an integer ${min}-${max}`, 'value');
}
function mainLoad(diag, words) {
    const seconds = testSeconds(words, 0, 3600);
    return seconds === null ? badSeconds('main-load', words, 0, 3600) : diag.mainLoad(seconds);
}
function mainBlock(diag, words) {
    const seconds = testSeconds(words, 1, MAIN_BLOCK_MAX_S);
    return seconds === null ? badSeconds('main-block', words, 1, MAIN_BLOCK_MAX_S) : diag.mainBlock(seconds);
}
export function buildCommandTree(deps) {
    const { config, ha } = deps;
    const syncStatus = () => deps.sessions?.syncStatus() ?? null;
    const settings = () => {
        try {
            return config.haSettings();
        }
        catch {
            return null;
        }
    };
    const failoverNode = (word, on) => ({
        word,
        help: on ? 'Make this unit lose every HA election.' : 'Let this unit take part in HA elections again.',
        args: 'words',
        argsHelp: '[cluster index]',
        run: (args) => text(failover(ha, on, args)),
    });
    const help = () => {
        const rows = listCommands(root);
        const width = Math.max(...rows.map(([line]) => line.length)) + 3;
        return rows.map(([line, h]) => `${line.padEnd(width)}${h}\n`).join('');
    };
    const root = {
        word: '',
        help: '',
        children: [
            branch('get', 'Get dynamic and system information.', [
                branch('system', 'System status.', [
                    leaf('status', 'System status: version, serial, hostname, HA mode.', () => renderSystemStatus(ha.snapshot(), config.hostname(), deps.firmwareVersion, deps.lastReboot, config.bootSource().alarm)),
                    branch('ha', 'HA information.', [
                        leaf('status', 'HA cluster status.', () => renderHaStatus(ha.snapshot(), settings(), syncStatus(), deps.configSync?.status() ?? null, deps.images?.rolloutStatus() ?? null)),
                    ]),
                ]),
            ]),
            {
                word: 'show',
                help: 'Show configuration.',
                args: 'words',
                argsHelp: '[section words]',
                run: (words) => show(config, words, false),
                complete: (words) => sectionChoices(config.sections(), words, false),
                children: [
                    {
                        word: 'full-configuration',
                        help: 'Show the configuration with default values.',
                        args: 'words',
                        argsHelp: '[section words]',
                        run: (words) => show(config, words, true),
                        complete: (words) => sectionChoices(config.sections(), words, false),
                    },
                ],
            },
            branch('diagnose', 'Diagnose facility.', [
                branch('sys', 'System diagnostics.', [
                    branch('flash', 'Firmware image slots.', [
                        leaf('list', 'The A/B slots: the image in each, which runs, which boots next.', () => renderFlashList(deps.images)),
                    ]),
                    branch('ha', 'HA diagnostics.', [
                        leaf('status', 'Detailed HA state: election, members, scheduling, session sync.', () => renderHaDiagnose(ha.snapshot(), syncStatus())),
                        leaf('heartbeat', 'Heartbeat links and validation counters.', () => renderHeartbeat(ha.snapshot(), settings())),
                        leaf('port-stats', 'Monitored ports and remote link ping servers.', () => renderPortStats(ha.snapshot(), deps.portStats?.views() ?? null)),
                        leaf('reset-uptime', "Reset this unit's HA age and re-run the election.", () => resetUptime(ha)),
                        leaf('clear-stats', 'Restart the heartbeat tick jitter statistics.', () => {
                            ha.clearStats();
                            return 'heartbeat timing statistics cleared\n';
                        }),
                        branch('checksum', 'Configuration checksums.', [
                            {
                                word: 'show',
                                help: "This unit's configuration checksums: groups, then each section.",
                                run: () => text(renderChecksumShow(config, ha.snapshot())),
                                children: [
                                    leaf('global', 'Checksums of the system-wide sections.', () => renderChecksumShow(config, ha.snapshot(), 'global')),
                                    leaf('root', 'Checksums of the firewall and routing sections.', () => renderChecksumShow(config, ha.snapshot(), 'root')),
                                ],
                            },
                            {
                                word: 'cluster',
                                help: "Every unit's checksums side by side, differences marked.",
                                run: async () => text(await renderChecksumCluster(config, deps.configSync, ha.snapshot())),
                            },
                            leaf('recalculate', 'Compute the checksums again and cache them.', () => renderRecalculate(config)),
                        ]),
                        controlBranch(deps.control, ha),
                    ]),
                    sessionBranch(deps.sessions),
                ]),
                branch('test', 'Test facilities.', [
                    {
                        word: 'main-load',
                        help: 'Load the main thread with allocation for N seconds (0 stops): heartbeats must not care.',
                        args: 'words',
                        argsHelp: '<seconds 0-3600>',
                        run: (words) => text(mainLoad(deps.diag, words)),
                    },
                    {
                        word: 'main-block',
                        help: 'Block the main thread for N seconds: the watchdog stops being kicked, and resets the unit past its limits.',
                        args: 'words',
                        argsHelp: `<seconds 1-${MAIN_BLOCK_MAX_S}>`,
                        run: (words) => text(mainBlock(deps.diag, words)),
                    },
                ]),
            ]),
            branch('execute', 'Execute static commands.', [
                branch('ha', 'HA commands.', [
                    branch('failover', 'Force this unit out of (or back into) the primary role.', [
                        failoverNode('set', true),
                        failoverNode('unset', false),
                        leaf('status', 'Show whether failover is set on this unit.', () => failoverStatus(ha)),
                    ]),
                    manageNode(ha, deps.remoteConsoles),
                    branch('synchronize', 'Configuration sync between cluster units.', [
                        leaf('start', "Send the primary's whole configuration to every unit (or ask for it, on a secondary).", () => deps.configSync ? deps.configSync.synchronize() : 'Command fail. Config sync is not running on this unit.\n'),
                    ]),
                ]),
                logBranch(deps.eventLog),
                branch('restore', 'Restore from a file or URL.', [restoreImageNode(deps.images)]),
            ]),
            {
                word: 'config',
                help: 'Configure object.',
                args: 'words',
                argsHelp: '<section words>',
                run: (words) => beginConfig(config, words),
                complete: (words) => sectionChoices(config.sections(), words, true),
            },
            leaf('help', 'List commands.', () => help()),
            { word: 'exit', help: 'Exit the CLI.', run: () => ({ output: '', exit: true }) },
        ],
    };
    return root;
}
//# sourceMappingURL=tree.js.map