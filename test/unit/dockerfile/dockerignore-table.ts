// One .dockerignore and what it excludes, by moby's rules
// (https://docs.docker.com/build/concepts/context/#dockerignore-files) as BuildKit (docker build's default
// since Docker 23, and compose's) applies them: the unit test checks the matcher against it, the e2e test a
// real docker build.
export const IGNORE = [
  '# a comment, and the blank line after it, match nothing',
  '',
  '/conf/secret.conf',
  '**/*.bak',
  '*.md',
  'nginx',
  '!nginx/keep.conf',
  'logs/*',
  '!logs/**/*.keep',
  'logs/old/*.keep',
  'trailing.conf   ',
  'dir/../tidy.conf',
].join('\n');

// [context-relative path, excluded?, why, and where the legacy builder differs: whether it excludes]
export const TABLE: [string, boolean, string, boolean?][] = [
  ['conf/secret.conf', true, 'a leading / is the context root'],
  ['conf/app.conf', false, 'a sibling of an excluded file stays'],
  ['a.bak', true, '** matches zero directories'],
  ['x/y/z.bak', true, '** matches any depth'],
  ['README.md', true, '* matches in the root'],
  ['docs/README.md', false, 'a pattern without ** is anchored at the root, unlike .gitignore'],
  ['nginx/default.conf', true, 'a pattern naming a directory excludes its tree'],
  ['nginx/keep.conf', false, 'an exception brings a file back from an excluded directory'],
  ['logs/a.log', true, 'logs/* excludes the directory entries'],
  // The legacy builder does not walk into logs/new: no exception starts with `logs/new/` (BuildKit walks
  // whenever an exception holds a wildcard).
  ['logs/new/x.keep', false, 'a later exception wins', true],
  ['logs/old/x.keep', true, 'and a still later exclusion wins over it: the last matching line decides'],
  ['trailing.conf', true, 'trailing blanks are not part of the pattern'],
  ['tidy.conf', true, 'patterns are cleaned as paths'],
  ['# a comment, and the blank line after it, match nothing', false, 'a comment is no pattern'],
];
