// The stack/ sub-action: main = up + verify + speed test (kept running with keep-running), post = down +
// logs, which the runner calls at job end even when a later step failed. Main and post share state only
// through ./state.js.
import path from 'node:path';
import * as core from '@actions/core';
import { errorMessage, isUserError, UsageError } from '../core/errors.js';
import { TLS_MODES, type TlsMode } from '../core/tls-modes.js';
import { ACTION_INPUT_NAMES } from '../inputs.js';
import { renderRunMarkdown, speedtestOutputs, summaryReport, verifyOutputs } from '../report/stack.js';
import { down } from '../stack/down.js';
import { run } from '../stack/run.js';
import { defaultSpeedtest, type SpeedtestFn } from '../stack/speedtest-port.js';
import { readState } from '../stack/state.js';
import { getChoice, getList, getOptional } from './inputs.js';
import { loadRunState, saveRunState } from './state.js';

function getBool(name: string, fallback: boolean): boolean {
  const v = core.getInput(name).trim();
  if (v === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new UsageError(`input "${name}" must be true or false, not "${v}"`);
}

function getNumber(name: string, fallback: number | undefined, min: number, max: number): number | undefined {
  const v = core.getInput(name).trim();
  if (v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`input "${name}" must be a whole number from ${min} to ${max}, not "${v}"`);
  return n;
}

function logsDirOf(cwd: string): string {
  return process.env.RUNNER_TEMP
    ? path.join(process.env.RUNNER_TEMP, 'stackgate-logs')
    : path.join(cwd, '.stackgate', 'logs');
}

export async function runStackMain(speedtest: SpeedtestFn | undefined = defaultSpeedtest): Promise<void> {
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error('the job was canceled'));
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    const cwd = path.resolve(getOptional('working-directory') ?? '.');
    const keepRunning = getBool('keep-running', false);
    const expectStatus = getNumber('expect-status', undefined, 100, 599);
    const projectName = getOptional('project-name');
    const logsDir = logsDirOf(cwd);
    const wantSpeed = getBool('speedtest', true);
    const report = await run({
      cwd,
      files: getList('compose-file'),
      profiles: getList('profiles'),
      envFiles: getList('env-file'),
      env: process.env,
      timeoutSeconds: getNumber('timeout', 120, 1, 3600)!,
      validate: getBool('validate', true),
      tls: getChoice('tls', TLS_MODES as TlsMode[], 'auto'),
      verify: getBool('verify', true),
      keepRunning,
      logsDir,
      signal: controller.signal,
      log: (line) => core.info(line),
      inputNames: ACTION_INPUT_NAMES,
      ...(projectName ? { projectName } : {}),
      ...(expectStatus !== undefined ? { expectStatus } : {}),
      ...(wantSpeed && speedtest ? { speedtest } : {}),
      // Saved before any container exists, so that post cleans up even if main is killed mid-up.
      onState: (s) => saveRunState({ project: s.project, cwd: s.cwd, running: true, logsDir }),
    });
    if (wantSpeed && !speedtest) report.speedtest = { skipped: 'this build has no speed-test client' };
    if (report.project)
      saveRunState({ project: report.project, cwd, running: report.state !== undefined, logsDir });
    const short = summaryReport(report);
    core.setOutput('report', JSON.stringify(short));
    if (report.project) core.setOutput('project-name', report.project);
    const { url } = verifyOutputs(report.verify);
    if (url) core.setOutput('url', url);
    for (const [name, value] of Object.entries(speedtestOutputs(report.speedtest ?? null)))
      if (value !== '') core.setOutput(name, value);
    if (report.down?.logsFile) core.setOutput('logs-file', report.down.logsFile);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderRunMarkdown(report)).write();
    if (!report.ok)
      core.setFailed(
        `stackgate stack: ${report.failure?.phase ?? 'run'} failed: ${report.failure?.message ?? 'see the log'}`,
      );
  } catch (error) {
    core.setFailed(
      isUserError(error)
        ? errorMessage(error)
        : error instanceof Error
          ? (error.stack ?? error.message)
          : errorMessage(error),
    );
  } finally {
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGINT', onSignal);
  }
}

/** Post: down + logs of every service. It never fails the job: a teardown problem is a warning. */
export async function runStackPost(): Promise<void> {
  try {
    const saved = loadRunState();
    if (!saved?.running) {
      core.info('stackgate stack: nothing left running');
      return;
    }
    const state = readState(saved.cwd, saved.project);
    const result = await down(state, {
      env: process.env,
      log: (line) => core.info(line),
      allLogs: true,
      ...(saved.logsDir ? { logsDir: saved.logsDir } : {}),
    });
    saveRunState({ ...saved, running: !result.ok });
    if (!result.ok) core.warning(`stackgate stack: ${result.message}`);
  } catch (error) {
    core.warning(`stackgate stack post: ${errorMessage(error)}`);
  }
}
