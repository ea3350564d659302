import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TLS_MODES } from '../../../src/core/tls-modes.js';
import { TLS_MODES as CERT_TLS_MODES } from '../../../src/stack/certs.js';

test('the --tls choices validate checks are the ones the certificate code implements', () => {
  assert.ok(TLS_MODES.length > 0);
  assert.deepEqual([...TLS_MODES], [...CERT_TLS_MODES]);
});
