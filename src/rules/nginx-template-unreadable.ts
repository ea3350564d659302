import path from 'node:path';
import { finding, proxyService, type Rule } from './rule.js';

/**
 * The official image's entrypoint renders /etc/nginx/templates/*.template into conf.d with envsubst (or
 * what the proxy's NGINX_ENVSUBST_TEMPLATE_DIR, _SUFFIX and _OUTPUT_DIR say; the view knows both ends). A
 * template stackgate refuses to read (a FIFO, a device, over the size caps) was not analysed, and
 * envsubst would block on a FIFO or run on a device: say which file, at the file.
 */
export const nginxTemplateUnreadable: Rule = {
  id: 'nginx-template-unreadable',
  severity: 'warning',
  title: 'An nginx template (templates/*.template) that is not a regular, readable file',
  check(view) {
    return view.unreadableTemplates.map((t) =>
      finding(
        nginxTemplateUnreadable,
        { file: t.hostPath, line: 1, column: 1 },
        `${t.containerPath} (${path.relative(view.cwd, t.hostPath) || t.hostPath}) was not analysed: ${t.message}; the image's entrypoint renders it into ${t.outputPath} with envsubst, which waits forever on a FIFO`,
        'Make the template a regular file (or remove it from the mounted templates directory).',
        proxyService(view),
      ),
    );
  },
};
