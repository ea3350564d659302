// The --tls / tls choices, apart from src/stack/certs.ts: `validate` checks the flag but must not load
// the certificate code, which brings the exec wrapper and execa (a 360 KB chunk) into its cold start.
export type TlsMode = 'auto' | 'self-signed' | 'provided';
export const TLS_MODES: readonly TlsMode[] = ['auto', 'self-signed', 'provided'];
