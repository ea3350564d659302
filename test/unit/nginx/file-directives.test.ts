import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileArgument } from '../../../src/nginx/file-directives.js';
import { parseNginxText } from '../../../src/nginx/parser.js';

/** fileArgument of each top-level directive of `text`, by its text. */
function files(text: string): (string | undefined)[] {
  const parsed = parseNginxText(text, 'x.conf').parsed;
  assert.equal(parsed.length, text.split(';').length - 1, 'every directive was parsed');
  return parsed.map(fileArgument);
}

test('fileArgument: the file a certificate, key, htpasswd or include names, as written', () => {
  assert.deepEqual(
    files(
      'ssl_certificate /certs/a.pem; ssl_certificate_key certs/a.key; auth_basic_user_file /etc/htpasswd; include conf.d/*.conf; proxy_ssl_trusted_certificate ca.pem;',
    ),
    ['/certs/a.pem', 'certs/a.key', '/etc/htpasswd', 'conf.d/*.conf', 'ca.pem'],
  );
});

test('fileArgument: no file for variables, data: and engine: keys, off, or other directives', () => {
  assert.deepEqual(
    files(
      'ssl_certificate $ssl_server_name.pem; ssl_certificate data:$cert; ssl_certificate_key engine:pkcs11:k; ssl_stapling_file off; root /srv/www; ssl_dhparam;',
    ),
    [undefined, undefined, undefined, undefined, undefined, undefined],
  );
});
