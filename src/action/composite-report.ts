// The root composite's outputs from what its CLI steps printed (action.yml): verify's and the speed test's
// step outputs right after each, and the run report in its last step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { errorMessage } from '../core/errors.js';
import { type CompositePhases, compositeReport, speedtestOutputs, verifyOutputs } from '../report/stack.js';
import type { VerifyResult } from '../verify/index.js';
import { getChoice, getOptional } from './inputs.js';

/**
 * One phase's --json output in the composite's own run folder: up prints the whole run report, the others
 * their phase alone or under its name. A missing file is a phase that did not run (not a project file:
 * the composite wrote it, so the project boundary does not apply).
 */
function phase(dir: string | undefined, name: 'up' | 'verify' | 'speedtest' | 'down'): unknown {
  if (!dir) return null;
  let text: string;
  try {
    text = readFileSync(path.join(dir, `${name}.json`), 'utf8');
  } catch {
    return null;
  }
  if (text.trim() === '') return null;
  const j = JSON.parse(text) as Record<string, unknown> | null;
  return j?.[name] ?? j;
}

function count(name: string): number {
  const v = Number(getOptional(name));
  if (!Number.isInteger(v)) throw new Error(`input "${name}" must be a count, not "${getOptional(name)}"`);
  return v;
}

/** `step`: verify or speedtest sets that step's outputs from its file; report (the default) the run report. */
export function runCompositeReport(): void {
  let step = 'report';
  try {
    step = getChoice('step', ['verify', 'speedtest', 'report'] as const, 'report');
    const dir = getOptional('phases-dir');
    if (step !== 'report') {
      const outputs =
        step === 'verify'
          ? verifyOutputs(phase(dir, 'verify') as Pick<VerifyResult, 'probes'> | null)
          : speedtestOutputs(phase(dir, 'speedtest') as CompositePhases['speedtest']);
      for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
      return;
    }
    const phases = {
      // The validate step's outputs, when it ran.
      validate:
        getOptional('errors') !== undefined
          ? { errors: count('errors'), warnings: count('warnings'), notes: count('notes') }
          : null,
      up: phase(dir, 'up'),
      verify: phase(dir, 'verify'),
      speedtest: phase(dir, 'speedtest'),
      down: phase(dir, 'down'),
    } as CompositePhases;
    core.setOutput('report', JSON.stringify(compositeReport(phases)));
  } catch (error) {
    core.setFailed(`stackgate ${step}: ${errorMessage(error)}`);
  }
}
