import type { NginxSyntaxError } from '../nginx/ast.js';
import { finding, proxyService, type Rule } from './rule.js';

/** A concrete repair for the common faults, keyed on nginx's wording. */
function fixText(e: NginxSyntaxError): string {
  const text = `${e.nginx ?? ''} ${e.message}`;
  if (/unclosed quote|unterminated (string|quote)/i.test(text)) {
    return 'Close the quoted string with the same quote character it opens with.';
  }
  if (/not terminated by ";"/.test(text)) return 'Add the missing ";" at the end of the directive.';
  if (/unexpected end of file/.test(text)) return 'Add the missing "}" that closes the open block.';
  if (/unexpected "}"/.test(text)) return 'Add the missing ";" before this "}", or remove the extra "}".';
  if (/unexpected "\{"|has no opening "\{"/.test(text))
    return 'Terminate the previous directive with ";", or give the block its directive name.';
  return 'Correct the syntax at this position; nginx stops reading the configuration here.';
}

export const nginxSyntax: Rule = {
  id: 'nginx-syntax',
  severity: 'error',
  title: 'nginx syntax error: unterminated directive, unbalanced braces or unclosed quote',
  check(view) {
    const out = [];
    for (const file of view.nginx?.files ?? []) {
      const shownAs = file.containerPath ?? file.file;
      for (const e of file.errors) {
        const nginxSays = e.nginx ?? e.message;
        const nginxLine = e.nginxLine ?? e.line;
        out.push(
          finding(
            nginxSyntax,
            { file: e.file, line: e.line, column: e.column },
            `${e.message}; nginx would exit with: [emerg] ${nginxSays} in ${shownAs}:${nginxLine}`,
            fixText(e),
            {
              ...proxyService(view),
              ...(e.nginxLine !== undefined
                ? {
                    related: [
                      {
                        pos: { file: e.file, line: e.nginxLine, column: 1 },
                        message: 'where nginx reports it',
                      },
                    ],
                  }
                : {}),
            },
          ),
        );
      }
    }
    return out;
  },
};
