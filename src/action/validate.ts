import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { exitCodeFor } from '../cli/commands/validate.js';
import { errorMessage, isUserError, stackFrames } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { TLS_MODES } from '../core/tls-modes.js';
import { MIN_HIDDEN_VALUE_LENGTH, showUntrusted } from '../core/untrusted-text.js';
import { ACTION_INPUT_NAMES } from '../inputs.js';
import { toAnnotation } from '../report/annotations.js';
import { renderMarkdown, renderMarkdownProjects } from '../report/markdown.js';
import { renderSarif, renderSarifProjects } from '../report/sarif.js';
import { annotationBase, summarize } from '../report/summary.js';
import { RULES } from '../rules/index.js';
import { validateProjects } from '../validate-projects.js';
import { getChoice, getLines, getList, getOptional } from './inputs.js';

function annotate(f: Finding, cwd: string): void {
  const { level, message, properties } = toAnnotation(f, cwd);
  const emit = { error: core.error, warning: core.warning, notice: core.notice }[level];
  emit(message, properties);
}

/**
 * The validate sub-action: findings as annotations, a job summary, an optional SARIF file, outputs.
 * `projects` (one directory per line, relative to `working-directory`) validates several projects in
 * one step, each in its own root boundary; outputs and fail-on count them all.
 */
export async function runValidateAction(): Promise<void> {
  try {
    const base = path.resolve(getOptional('working-directory') ?? '.');
    // The runner starts the step in the checkout: annotations name files from there.
    const workspace = path.resolve(process.env.GITHUB_WORKSPACE || '.');
    // One per line: a path may hold a comma.
    const listed = getLines('projects');
    const dirs = [...new Set((listed.length ? listed : ['.']).map((d) => path.resolve(base, d)))];
    const failOn = getChoice('fail-on', ['error', 'warning', 'note', 'never'] as const, 'error');
    const proxyService = getOptional('proxy-service');
    const allowPaths = getLines('allow-paths');
    const config = getOptional('config');
    const tls = getChoice('tls', TLS_MODES, 'provided');
    const { projects, findings } = await validateProjects({
      dirs,
      base: workspace,
      files: getList('compose-file'),
      nginxFiles: getList('nginx-config'),
      profiles: getList('profiles'),
      envFiles: getList('env-file'),
      env: process.env,
      ...(proxyService ? { proxyService } : {}),
      ...(config ? { config } : {}),
      allowPaths,
      inputNames: ACTION_INPUT_NAMES,
      ...(tls !== 'provided' ? { tlsGenerated: tls } : {}),
    });
    // The reports already show these as ${NAME}; masking also covers anything a later step prints.
    for (const { view } of projects)
      for (const value of view.compose.fromProcessEnv?.values() ?? [])
        if (value.length >= MIN_HIDDEN_VALUE_LENGTH) core.setSecret(value);
    for (const p of projects) for (const f of p.findings) annotate(f, annotationBase(p.cwd, workspace));
    const sarifPath = getOptional('sarif-file');
    if (sarifPath) {
      const sarif =
        projects.length === 1
          ? renderSarif(findings, RULES, projects[0]!.cwd)
          : renderSarifProjects(projects, RULES, workspace);
      writeFileSync(path.resolve(sarifPath), sarif);
      core.setOutput('sarif-file', path.resolve(sarifPath));
    }
    const s = summarize(findings);
    core.setOutput('errors', s.errors);
    core.setOutput('warnings', s.warnings);
    core.setOutput('notes', s.notes);
    const markdown =
      projects.length === 1
        ? renderMarkdown(findings, projects[0]!.cwd)
        : renderMarkdownProjects(projects, workspace);
    await core.summary.addRaw(markdown).write();
    if (exitCodeFor(findings, failOn) !== 0) {
      core.setFailed(
        `stackgate validate: ${s.errors} error(s), ${s.warnings} warning(s), ${s.notes} note(s) (fail-on: ${failOn})`,
      );
    }
  } catch (error) {
    // User errors read as one line; anything else keeps its stack for a bug report.
    const frames = isUserError(error) ? [] : stackFrames(error);
    core.setFailed([showUntrusted(errorMessage(error)), ...frames].join('\n'));
  }
}
