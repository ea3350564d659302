import { deleteTopLevelKey, fixWith } from '../fix/yaml-edit.js';
import { finding, type Rule } from './rule.js';

export const composeVersionObsolete: Rule = {
  id: 'compose-version-obsolete',
  severity: 'note',
  title: 'The top-level `version:` key is obsolete',
  fixable: true,
  check(view) {
    const version = view.compose.version;
    if (!version) return [];
    const edit = deleteTopLevelKey(version.pos.file, 'version');
    return [
      finding(
        composeVersionObsolete,
        version.pos,
        `"version: ${version.value}" is obsolete: docker compose ignores it and warns "the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion"`,
        fixWith('Delete the top-level `version:` line.', edit),
      ),
    ];
  },
};
