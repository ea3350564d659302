import type { NginxDirective } from './ast.js';
import { existsIn, legacyForm, type NginxVersion } from './versions.js';

/**
 * The directive table of nginx OSS 1.29 (the official image's nginx, its bundled modules and the
 * dynamic modules it ships: geoip, image_filter, perl, xslt): name → where it may appear and how many
 * arguments it takes.
 *
 * Source: nginxinc/nginx-go-crossplane `analyze_oss_latest_directives.gen.go` (generated from the
 * nginx source's ngx_command_t tables), cross-checked against crossplane 0.5.8's analyzer.py. The
 * encoding is ours. Each entry is one or more `|`-separated forms; a form is `<contexts> <arguments>`:
 *   contexts: M main, E events, H http, S server, L location, U upstream, I if in server,
 *             J if in location, X limit_except, T stream, R stream server, P stream upstream,
 *             A mail, B mail server;
 *   arguments: comma-separated: 0 none, digits = exact counts (12 = one or two), F on|off,
 *              * any, 1+ / 2+ at least, B block.
 * nginx Plus-only and removed directives (`ssl`, `spdy_*`) are absent on purpose: the official image
 * would reject them too.
 */
const TABLE: Record<string, string> = {
  absolute_redirect: 'HSL F',
  accept_mutex: 'E F',
  accept_mutex_delay: 'E 1',
  access_log: 'HSLJX 1+ | TR 1+',
  add_after_body: 'HSL 1',
  add_before_body: 'HSL 1',
  add_header: 'HSLJ 23',
  add_header_inherit: 'HSLJ 1',
  add_trailer: 'HSLJ 23',
  add_trailer_inherit: 'HSLJ 1',
  addition_types: 'HSL 1+',
  aio: 'HSL 1',
  aio_write: 'HSL F',
  alias: 'L 1',
  allow: 'HSLX 1 | TR 1',
  ancient_browser: 'HSL 1+',
  ancient_browser_value: 'HSL 1',
  auth_basic: 'HSLX 1',
  auth_basic_user_file: 'HSLX 1',
  auth_delay: 'HSL 1',
  auth_http: 'AB 1',
  auth_http_header: 'AB 2',
  auth_http_pass_client_cert: 'AB F',
  auth_http_timeout: 'AB 1',
  auth_request: 'HSL 1',
  auth_request_set: 'HSL 2',
  autoindex: 'HSL F',
  autoindex_exact_size: 'HSL F',
  autoindex_format: 'HSL 1',
  autoindex_localtime: 'HSL F',
  break: 'SLIJ 0',
  charset: 'HSLJ 1',
  charset_map: 'H 2,B',
  charset_types: 'HSL 1+',
  chunked_transfer_encoding: 'HSL F',
  client_body_buffer_size: 'HSL 1',
  client_body_in_file_only: 'HSL 1',
  client_body_in_single_buffer: 'HSL F',
  client_body_temp_path: 'HSL 1234',
  client_body_timeout: 'HSL 1',
  client_header_buffer_size: 'HS 1',
  client_header_timeout: 'HS 1',
  client_max_body_size: 'HSL 1',
  connection_pool_size: 'HS 1',
  create_full_put_path: 'HSL F',
  daemon: 'M F',
  dav_access: 'HSL 123',
  dav_methods: 'HSL 1+',
  debug_connection: 'E 1',
  debug_points: 'M 1',
  default_type: 'HSL 1',
  deny: 'HSLX 1 | TR 1',
  directio: 'HSL 1',
  directio_alignment: 'HSL 1',
  disable_symlinks: 'HSL 12',
  early_hints: 'HSL 1+',
  empty_gif: 'L 0',
  env: 'M 1',
  error_log: 'M 1+ | HSL 1+ | AB 1+ | TR 1+',
  error_page: 'HSLJ 2+',
  etag: 'HSL F',
  events: 'M 0,B',
  expires: 'HSLJ 12',
  fastcgi_bind: 'HSL 12',
  fastcgi_buffer_size: 'HSL 1',
  fastcgi_buffering: 'HSL F',
  fastcgi_buffers: 'HSL 2',
  fastcgi_busy_buffers_size: 'HSL 1',
  fastcgi_cache: 'HSL 1',
  fastcgi_cache_background_update: 'HSL F',
  fastcgi_cache_bypass: 'HSL 1+',
  fastcgi_cache_key: 'HSL 1',
  fastcgi_cache_lock: 'HSL F',
  fastcgi_cache_lock_age: 'HSL 1',
  fastcgi_cache_lock_timeout: 'HSL 1',
  fastcgi_cache_max_range_offset: 'HSL 1',
  fastcgi_cache_methods: 'HSL 1+',
  fastcgi_cache_min_uses: 'HSL 1',
  fastcgi_cache_path: 'H 2+',
  fastcgi_cache_revalidate: 'HSL F',
  fastcgi_cache_use_stale: 'HSL 1+',
  fastcgi_cache_valid: 'HSL 1+',
  fastcgi_catch_stderr: 'HSL 1',
  fastcgi_connect_timeout: 'HSL 1',
  fastcgi_force_ranges: 'HSL F',
  fastcgi_hide_header: 'HSL 1',
  fastcgi_ignore_client_abort: 'HSL F',
  fastcgi_ignore_headers: 'HSL 1+',
  fastcgi_index: 'HSL 1',
  fastcgi_intercept_errors: 'HSL F',
  fastcgi_keep_conn: 'HSL F',
  fastcgi_limit_rate: 'HSL 1',
  fastcgi_max_temp_file_size: 'HSL 1',
  fastcgi_next_upstream: 'HSL 1+',
  fastcgi_next_upstream_timeout: 'HSL 1',
  fastcgi_next_upstream_tries: 'HSL 1',
  fastcgi_no_cache: 'HSL 1+',
  fastcgi_param: 'HSL 23',
  fastcgi_pass: 'LJ 1',
  fastcgi_pass_header: 'HSL 1',
  fastcgi_pass_request_body: 'HSL F',
  fastcgi_pass_request_headers: 'HSL F',
  fastcgi_read_timeout: 'HSL 1',
  fastcgi_request_buffering: 'HSL F',
  fastcgi_send_lowat: 'HSL 1',
  fastcgi_send_timeout: 'HSL 1',
  fastcgi_socket_keepalive: 'HSL F',
  fastcgi_split_path_info: 'HSL 1',
  fastcgi_store: 'HSL 1',
  fastcgi_store_access: 'HSL 123',
  fastcgi_temp_file_write_size: 'HSL 1',
  fastcgi_temp_path: 'HSL 1234',
  flv: 'L 0',
  geo: 'H 12,B | T 12,B',
  geoip_city: 'H 12 | T 12',
  geoip_country: 'H 12 | T 12',
  geoip_org: 'H 12 | T 12',
  geoip_proxy: 'H 1',
  geoip_proxy_recursive: 'H F',
  google_perftools_profiles: 'M 1',
  grpc_bind: 'HSL 12',
  grpc_buffer_size: 'HSL 1',
  grpc_connect_timeout: 'HSL 1',
  grpc_hide_header: 'HSL 1',
  grpc_ignore_headers: 'HSL 1+',
  grpc_intercept_errors: 'HSL F',
  grpc_next_upstream: 'HSL 1+',
  grpc_next_upstream_timeout: 'HSL 1',
  grpc_next_upstream_tries: 'HSL 1',
  grpc_pass: 'LJ 1',
  grpc_pass_header: 'HSL 1',
  grpc_read_timeout: 'HSL 1',
  grpc_send_timeout: 'HSL 1',
  grpc_set_header: 'HSL 2',
  grpc_socket_keepalive: 'HSL F',
  grpc_ssl_certificate: 'HSL 1',
  grpc_ssl_certificate_cache: 'HSL 123',
  grpc_ssl_certificate_key: 'HSL 1',
  grpc_ssl_ciphers: 'HSL 1',
  grpc_ssl_conf_command: 'HSL 2',
  grpc_ssl_crl: 'HSL 1',
  grpc_ssl_name: 'HSL 1',
  grpc_ssl_password_file: 'HSL 1',
  grpc_ssl_protocols: 'HSL 1+',
  grpc_ssl_server_name: 'HSL F',
  grpc_ssl_session_reuse: 'HSL F',
  grpc_ssl_trusted_certificate: 'HSL 1',
  grpc_ssl_verify: 'HSL F',
  grpc_ssl_verify_depth: 'HSL 1',
  gunzip: 'HSL F',
  gunzip_buffers: 'HSL 2',
  gzip: 'HSLJ F',
  gzip_buffers: 'HSL 2',
  gzip_comp_level: 'HSL 1',
  gzip_disable: 'HSL 1+',
  gzip_http_version: 'HSL 1',
  gzip_min_length: 'HSL 1',
  gzip_proxied: 'HSL 1+',
  gzip_static: 'HSL 1',
  gzip_types: 'HSL 1+',
  gzip_vary: 'HSL F',
  hash: 'U 12 | P 12',
  http: 'M 0,B',
  http2: 'HS F',
  http2_body_preread_size: 'HS 1',
  http2_chunk_size: 'HSL 1',
  http2_idle_timeout: 'HS 1',
  http2_max_concurrent_pushes: 'HS 1',
  http2_max_concurrent_streams: 'HS 1',
  http2_max_field_size: 'HS 1',
  http2_max_header_size: 'HS 1',
  http2_max_requests: 'HS 1',
  http2_push: 'HSL 1',
  http2_push_preload: 'HSL F',
  http2_recv_buffer_size: 'H 1',
  http2_recv_timeout: 'HS 1',
  http3: 'HS F',
  http3_hq: 'HS F',
  http3_max_concurrent_streams: 'HS 1',
  http3_stream_buffer_size: 'HS 1',
  if: 'SL 1+,B',
  if_modified_since: 'HSL 1',
  ignore_invalid_headers: 'HS F',
  image_filter: 'L 123',
  image_filter_buffer: 'HSL 1',
  image_filter_interlace: 'HSL F',
  image_filter_jpeg_quality: 'HSL 1',
  image_filter_sharpen: 'HSL 1',
  image_filter_transparency: 'HSL F',
  image_filter_webp_quality: 'HSL 1',
  imap_auth: 'AB 1+',
  imap_capabilities: 'AB 1+',
  imap_client_buffer: 'AB 1',
  include: 'MEHSLUTRPABIJX 1',
  index: 'HSL 1+',
  internal: 'L 0',
  ip_hash: 'U 0',
  keepalive: 'U 1',
  keepalive_disable: 'HSL 12',
  keepalive_min_timeout: 'HSL 1',
  keepalive_requests: 'HSL 1 | U 1',
  keepalive_time: 'HSL 1 | U 1',
  keepalive_timeout: 'HSL 12 | U 1',
  large_client_header_buffers: 'HS 2',
  least_conn: 'U 0 | P 0',
  limit_conn: 'HSL 2 | TR 2',
  limit_conn_dry_run: 'HSL F | TR F',
  limit_conn_log_level: 'HSL 1 | TR 1',
  limit_conn_status: 'HSL 1',
  limit_conn_zone: 'H 2 | T 2',
  limit_except: 'L 1+,B',
  limit_rate: 'HSLJ 1',
  limit_rate_after: 'HSLJ 1',
  limit_req: 'HSL 123',
  limit_req_dry_run: 'HSL 1',
  limit_req_log_level: 'HSL 1',
  limit_req_status: 'HSL 1',
  limit_req_zone: 'H 34',
  lingering_close: 'HSL 1',
  lingering_time: 'HSL 1',
  lingering_timeout: 'HSL 1',
  listen: 'S 1+ | B 1+ | R 1+',
  load_module: 'M 1',
  location: 'SL 12,B',
  lock_file: 'M 1',
  log_format: 'H 2+ | T 2+',
  log_not_found: 'HSL F',
  log_subrequest: 'HSL F',
  mail: 'M 0,B',
  map: 'H 2,B | T 2,B',
  map_hash_bucket_size: 'H 1 | T 1',
  map_hash_max_size: 'H 1 | T 1',
  master_process: 'M F',
  max_errors: 'AB 1',
  max_headers: 'HS 1',
  max_ranges: 'HSL 1',
  memcached_bind: 'HSL 12',
  memcached_buffer_size: 'HSL 1',
  memcached_connect_timeout: 'HSL 1',
  memcached_gzip_flag: 'HSL 1',
  memcached_next_upstream: 'HSL 1+',
  memcached_next_upstream_timeout: 'HSL 1',
  memcached_next_upstream_tries: 'HSL 1',
  memcached_pass: 'LJ 1',
  memcached_read_timeout: 'HSL 1',
  memcached_send_timeout: 'HSL 1',
  memcached_socket_keepalive: 'HSL F',
  merge_slashes: 'HS F',
  min_delete_depth: 'HSL 1',
  mirror: 'HSL 1',
  mirror_request_body: 'HSL F',
  modern_browser: 'HSL 12',
  modern_browser_value: 'HSL 1',
  mp4: 'L 0',
  mp4_buffer_size: 'HSL 1',
  mp4_max_buffer_size: 'HSL 1',
  mp4_start_key_frame: 'HSL F',
  msie_padding: 'HSL F',
  msie_refresh: 'HSL F',
  multi_accept: 'E F',
  open_file_cache: 'HSL 12',
  open_file_cache_errors: 'HSL F',
  open_file_cache_min_uses: 'HSL 1',
  open_file_cache_valid: 'HSL 1',
  open_log_file_cache: 'HSL 1234 | TR 1234',
  output_buffers: 'HSL 2',
  override_charset: 'HSLJ F',
  pass: 'R 1',
  pcre_jit: 'M F',
  perl: 'LX 1',
  perl_modules: 'H 1',
  perl_require: 'H 1',
  perl_set: 'H 2',
  pid: 'M 1',
  pop3_auth: 'AB 1+',
  pop3_capabilities: 'AB 1+',
  port_in_redirect: 'HSL F',
  postpone_output: 'HSL 1',
  preread_buffer_size: 'TR 1',
  preread_timeout: 'TR 1',
  protocol: 'B 1',
  proxy_bind: 'HSL 12 | TR 12',
  proxy_buffer: 'AB 1',
  proxy_buffer_size: 'HSL 1 | TR 1',
  proxy_buffering: 'HSL F',
  proxy_buffers: 'HSL 2',
  proxy_busy_buffers_size: 'HSL 1',
  proxy_cache: 'HSL 1',
  proxy_cache_background_update: 'HSL F',
  proxy_cache_bypass: 'HSL 1+',
  proxy_cache_convert_head: 'HSL F',
  proxy_cache_key: 'HSL 1',
  proxy_cache_lock: 'HSL F',
  proxy_cache_lock_age: 'HSL 1',
  proxy_cache_lock_timeout: 'HSL 1',
  proxy_cache_max_range_offset: 'HSL 1',
  proxy_cache_methods: 'HSL 1+',
  proxy_cache_min_uses: 'HSL 1',
  proxy_cache_path: 'H 2+',
  proxy_cache_revalidate: 'HSL F',
  proxy_cache_use_stale: 'HSL 1+',
  proxy_cache_valid: 'HSL 1+',
  proxy_connect_timeout: 'HSL 1 | TR 1',
  proxy_cookie_domain: 'HSL 12',
  proxy_cookie_flags: 'HSL 1234',
  proxy_cookie_path: 'HSL 12',
  proxy_download_rate: 'TR 1',
  proxy_force_ranges: 'HSL F',
  proxy_half_close: 'TR F',
  proxy_headers_hash_bucket_size: 'HSL 1',
  proxy_headers_hash_max_size: 'HSL 1',
  proxy_hide_header: 'HSL 1',
  proxy_http_version: 'HSL 1',
  proxy_ignore_client_abort: 'HSL F',
  proxy_ignore_headers: 'HSL 1+',
  proxy_intercept_errors: 'HSL F',
  proxy_limit_rate: 'HSL 1',
  proxy_max_temp_file_size: 'HSL 1',
  proxy_method: 'HSL 1',
  proxy_next_upstream: 'HSL 1+ | TR F',
  proxy_next_upstream_timeout: 'HSL 1 | TR 1',
  proxy_next_upstream_tries: 'HSL 1 | TR 1',
  proxy_no_cache: 'HSL 1+',
  proxy_pass: 'LJX 1 | R 1',
  proxy_pass_error_message: 'AB F',
  proxy_pass_header: 'HSL 1',
  proxy_pass_request_body: 'HSL F',
  proxy_pass_request_headers: 'HSL F',
  proxy_pass_trailers: 'HSL F',
  proxy_protocol: 'TR F',
  proxy_protocol_timeout: 'TR 1',
  proxy_read_timeout: 'HSL 1',
  proxy_redirect: 'HSL 12',
  proxy_request_buffering: 'HSL F',
  proxy_requests: 'TR 1',
  proxy_responses: 'TR 1',
  proxy_send_lowat: 'HSL 1',
  proxy_send_timeout: 'HSL 1',
  proxy_set_body: 'HSL 1',
  proxy_set_header: 'HSL 2',
  proxy_smtp_auth: 'AB F',
  proxy_socket_keepalive: 'HSL F | TR F',
  proxy_ssl: 'TR F',
  proxy_ssl_certificate: 'HSL 1 | TR 1',
  proxy_ssl_certificate_cache: 'HSL 123 | TR 123',
  proxy_ssl_certificate_key: 'HSL 1 | TR 1',
  proxy_ssl_ciphers: 'HSL 1 | TR 1',
  proxy_ssl_conf_command: 'HSL 2 | TR 2',
  proxy_ssl_crl: 'HSL 1 | TR 1',
  proxy_ssl_name: 'HSL 1 | TR 1',
  proxy_ssl_password_file: 'HSL 1 | TR 1',
  proxy_ssl_protocols: 'HSL 1+ | TR 1+',
  proxy_ssl_server_name: 'HSL F | TR F',
  proxy_ssl_session_reuse: 'HSL F | TR F',
  proxy_ssl_trusted_certificate: 'HSL 1 | TR 1',
  proxy_ssl_verify: 'HSL F | TR F',
  proxy_ssl_verify_depth: 'HSL 1 | TR 1',
  proxy_store: 'HSL 1',
  proxy_store_access: 'HSL 123',
  proxy_temp_file_write_size: 'HSL 1',
  proxy_temp_path: 'HSL 1234',
  proxy_timeout: 'AB 1 | TR 1',
  proxy_upload_rate: 'TR 1',
  quic_active_connection_id_limit: 'HS 1',
  quic_bpf: 'M F',
  quic_gso: 'HS F',
  quic_host_key: 'HS 1',
  quic_retry: 'HS F',
  random: 'U 0,12 | P 0,12',
  random_index: 'L F',
  read_ahead: 'HSL 1',
  real_ip_header: 'HSL 1',
  real_ip_recursive: 'HSL F',
  recursive_error_pages: 'HSL F',
  referer_hash_bucket_size: 'SL 1',
  referer_hash_max_size: 'SL 1',
  request_pool_size: 'HS 1',
  reset_timedout_connection: 'HSL F',
  resolver: 'HSL 1+ | U 1+ | AB 1+ | TR 1+ | P 1+',
  resolver_timeout: 'HSL 1 | U 1 | AB 1 | TR 1 | P 1',
  return: 'SLIJ 12 | R 1',
  rewrite: 'SLIJ 23',
  rewrite_log: 'HSLIJ F',
  root: 'HSLJ 1',
  satisfy: 'HSL 1',
  scgi_bind: 'HSL 12',
  scgi_buffer_size: 'HSL 1',
  scgi_buffering: 'HSL F',
  scgi_buffers: 'HSL 2',
  scgi_busy_buffers_size: 'HSL 1',
  scgi_cache: 'HSL 1',
  scgi_cache_background_update: 'HSL F',
  scgi_cache_bypass: 'HSL 1+',
  scgi_cache_key: 'HSL 1',
  scgi_cache_lock: 'HSL F',
  scgi_cache_lock_age: 'HSL 1',
  scgi_cache_lock_timeout: 'HSL 1',
  scgi_cache_max_range_offset: 'HSL 1',
  scgi_cache_methods: 'HSL 1+',
  scgi_cache_min_uses: 'HSL 1',
  scgi_cache_path: 'H 2+',
  scgi_cache_revalidate: 'HSL F',
  scgi_cache_use_stale: 'HSL 1+',
  scgi_cache_valid: 'HSL 1+',
  scgi_connect_timeout: 'HSL 1',
  scgi_force_ranges: 'HSL F',
  scgi_hide_header: 'HSL 1',
  scgi_ignore_client_abort: 'HSL F',
  scgi_ignore_headers: 'HSL 1+',
  scgi_intercept_errors: 'HSL F',
  scgi_limit_rate: 'HSL 1',
  scgi_max_temp_file_size: 'HSL 1',
  scgi_next_upstream: 'HSL 1+',
  scgi_next_upstream_timeout: 'HSL 1',
  scgi_next_upstream_tries: 'HSL 1',
  scgi_no_cache: 'HSL 1+',
  scgi_param: 'HSL 23',
  scgi_pass: 'LJ 1',
  scgi_pass_header: 'HSL 1',
  scgi_pass_request_body: 'HSL F',
  scgi_pass_request_headers: 'HSL F',
  scgi_read_timeout: 'HSL 1',
  scgi_request_buffering: 'HSL F',
  scgi_send_timeout: 'HSL 1',
  scgi_socket_keepalive: 'HSL F',
  scgi_store: 'HSL 1',
  scgi_store_access: 'HSL 123',
  scgi_temp_file_write_size: 'HSL 1',
  scgi_temp_path: 'HSL 1234',
  secure_link: 'HSL 1',
  secure_link_md5: 'HSL 1',
  secure_link_secret: 'HSL 1',
  send_lowat: 'HSL 1',
  send_timeout: 'HSL 1',
  sendfile: 'HSLJ F',
  sendfile_max_chunk: 'HSL 1',
  server: 'H 0,B | U 1+ | A 0,B | T 0,B | P 1+',
  server_name: 'S 1+ | AB 1 | R 1+',
  server_name_in_redirect: 'HSL F',
  server_names_hash_bucket_size: 'H 1 | T 1',
  server_names_hash_max_size: 'H 1 | T 1',
  server_tokens: 'HSL 1',
  set: 'SLIJ 2 | R 2',
  set_real_ip_from: 'HSL 1 | TR 1',
  slice: 'HSL 1',
  smtp_auth: 'AB 1+',
  smtp_capabilities: 'AB 1+',
  smtp_client_buffer: 'AB 1',
  smtp_greeting_delay: 'AB 1',
  source_charset: 'HSLJ 1',
  split_clients: 'H 2,B | T 2,B',
  ssi: 'HSLJ F',
  ssi_last_modified: 'HSL F',
  ssi_min_file_chunk: 'HSL 1',
  ssi_silent_errors: 'HSL F',
  ssi_types: 'HSL 1+',
  ssi_value_length: 'HSL 1',
  ssl_alpn: 'TR 1+',
  ssl_buffer_size: 'HS 1',
  ssl_certificate: 'HS 1 | AB 1 | TR 1',
  ssl_certificate_cache: 'HS 123 | TR 123',
  ssl_certificate_compression: 'HS F | AB F | TR F',
  ssl_certificate_key: 'HS 1 | AB 1 | TR 1',
  ssl_ciphers: 'HS 1 | AB 1 | TR 1',
  ssl_client_certificate: 'HS 1 | AB 1 | TR 1',
  ssl_conf_command: 'HS 2 | AB 2 | TR 2',
  ssl_crl: 'HS 1 | AB 1 | TR 1',
  ssl_dhparam: 'HS 1 | AB 1 | TR 1',
  ssl_early_data: 'HS F',
  ssl_ecdh_curve: 'HS 1 | AB 1 | TR 1',
  ssl_ech_file: 'HS 1 | TR 1',
  ssl_engine: 'M 1',
  ssl_handshake_timeout: 'TR 1',
  ssl_object_cache_inheritable: 'M F',
  ssl_ocsp: 'HS 1 | TR 1',
  ssl_ocsp_cache: 'HS 1 | TR 1',
  ssl_ocsp_responder: 'HS 1 | TR 1',
  ssl_password_file: 'HS 1 | AB 1 | TR 1',
  ssl_prefer_server_ciphers: 'HS F | AB F | TR F',
  ssl_preread: 'TR F',
  ssl_protocols: 'HS 1+ | AB 1+ | TR 1+',
  ssl_reject_handshake: 'HS F | TR F',
  ssl_session_cache: 'HS 12 | AB 12 | TR 12',
  ssl_session_ticket_key: 'HS 1 | AB 1 | TR 1',
  ssl_session_tickets: 'HS F | AB F | TR F',
  ssl_session_timeout: 'HS 1 | AB 1 | TR 1',
  ssl_stapling: 'HS F | TR F',
  ssl_stapling_file: 'HS 1 | TR 1',
  ssl_stapling_responder: 'HS 1 | TR 1',
  ssl_stapling_verify: 'HS F | TR F',
  ssl_trusted_certificate: 'HS 1 | AB 1 | TR 1',
  ssl_verify_client: 'HS 1 | AB 1 | TR 1',
  ssl_verify_depth: 'HS 1 | AB 1 | TR 1',
  starttls: 'AB 1',
  stream: 'M 0,B',
  stub_status: 'SL 0,1',
  sub_filter: 'HSL 2',
  sub_filter_last_modified: 'HSL F',
  sub_filter_once: 'HSL F',
  sub_filter_types: 'HSL 1+',
  subrequest_output_buffer_size: 'HSL 1',
  tcp_nodelay: 'HSL F | TR F',
  tcp_nopush: 'HSL F',
  thread_pool: 'M 23',
  timeout: 'AB 1',
  timer_resolution: 'M 1',
  try_files: 'SL 2+',
  types: 'HSL 0,B',
  types_hash_bucket_size: 'HSL 1',
  types_hash_max_size: 'HSL 1',
  underscores_in_headers: 'HS F',
  uninitialized_variable_warn: 'HSLIJ F',
  upstream: 'H 1,B | T 1,B',
  use: 'E 1',
  user: 'M 12',
  userid: 'HSL 1',
  userid_domain: 'HSL 1',
  userid_expires: 'HSL 1',
  userid_flags: 'HSL 123',
  userid_mark: 'HSL 1',
  userid_name: 'HSL 1',
  userid_p3p: 'HSL 1',
  userid_path: 'HSL 1',
  userid_service: 'HSL 1',
  uwsgi_bind: 'HSL 12',
  uwsgi_buffer_size: 'HSL 1',
  uwsgi_buffering: 'HSL F',
  uwsgi_buffers: 'HSL 2',
  uwsgi_busy_buffers_size: 'HSL 1',
  uwsgi_cache: 'HSL 1',
  uwsgi_cache_background_update: 'HSL 1',
  uwsgi_cache_bypass: 'HSL 1+',
  uwsgi_cache_key: 'HSL 1',
  uwsgi_cache_lock: 'HSL F',
  uwsgi_cache_lock_age: 'HSL 1',
  uwsgi_cache_lock_timeout: 'HSL 1',
  uwsgi_cache_max_range_offset: 'HSL 1',
  uwsgi_cache_methods: 'HSL 1+',
  uwsgi_cache_min_uses: 'HSL 1',
  uwsgi_cache_path: 'H 2+',
  uwsgi_cache_revalidate: 'HSL F',
  uwsgi_cache_use_stale: 'HSL 1+',
  uwsgi_cache_valid: 'HSL 1+',
  uwsgi_connect_timeout: 'HSL 1',
  uwsgi_force_ranges: 'HSL F',
  uwsgi_hide_header: 'HSL 1',
  uwsgi_ignore_client_abort: 'HSL F',
  uwsgi_ignore_headers: 'HSL 1+',
  uwsgi_intercept_errors: 'HSL F',
  uwsgi_limit_rate: 'HSL 1',
  uwsgi_max_temp_file_size: 'HSL 1',
  uwsgi_modifier1: 'HSL 1',
  uwsgi_modifier2: 'HSL 1',
  uwsgi_next_upstream: 'HSL 1+',
  uwsgi_next_upstream_timeout: 'HSL 1',
  uwsgi_next_upstream_tries: 'HSL 1',
  uwsgi_no_cache: 'HSL 1+',
  uwsgi_param: 'HSL 23',
  uwsgi_pass: 'LJ 1',
  uwsgi_pass_header: 'HSL 1',
  uwsgi_pass_request_body: 'HSL F',
  uwsgi_pass_request_headers: 'HSL F',
  uwsgi_read_timeout: 'HSL 1',
  uwsgi_request_buffering: 'HSL F',
  uwsgi_send_timeout: 'HSL 1',
  uwsgi_socket_keepalive: 'HSL F',
  uwsgi_ssl_certificate: 'HSL 1',
  uwsgi_ssl_certificate_cache: 'HSL 123',
  uwsgi_ssl_certificate_key: 'HSL 1',
  uwsgi_ssl_ciphers: 'HSL 1',
  uwsgi_ssl_conf_command: 'HSL 2',
  uwsgi_ssl_crl: 'HSL 1',
  uwsgi_ssl_name: 'HSL 1',
  uwsgi_ssl_password_file: 'HSL 1',
  uwsgi_ssl_protocols: 'HSL 1+',
  uwsgi_ssl_server_name: 'HSL F',
  uwsgi_ssl_session_reuse: 'HSL F',
  uwsgi_ssl_trusted_certificate: 'HSL 1',
  uwsgi_ssl_verify: 'HSL F',
  uwsgi_ssl_verify_depth: 'HSL 1',
  uwsgi_store: 'HSL 1',
  uwsgi_store_access: 'HSL 123',
  uwsgi_temp_file_write_size: 'HSL 1',
  uwsgi_temp_path: 'HSL 1234',
  valid_referers: 'SL 1+',
  variables_hash_bucket_size: 'H 1 | T 1',
  variables_hash_max_size: 'H 1 | T 1',
  worker_aio_requests: 'E 1',
  worker_connections: 'E 1',
  worker_cpu_affinity: 'M 1+',
  worker_priority: 'M 1',
  worker_processes: 'M 1',
  worker_rlimit_core: 'M 1',
  worker_rlimit_nofile: 'M 1',
  worker_shutdown_timeout: 'M 1',
  working_directory: 'M 1',
  xclient: 'AB F',
  xml_entities: 'HSL 1',
  xslt_last_modified: 'HSL F',
  xslt_param: 'HSL 2',
  xslt_string_param: 'HSL 2',
  xslt_stylesheet: 'L 1+',
  xslt_types: 'HSL 1+',
  zone: 'U 12 | P 12',
};

/** Where a directive stands: nginx's configuration contexts, plus the data blocks whose lines are not directives. */
export type NginxContext =
  | 'main'
  | 'events'
  | 'http'
  | 'server'
  | 'location'
  | 'upstream'
  | 'if-in-server'
  | 'if-in-location'
  | 'limit_except'
  | 'stream'
  | 'stream-server'
  | 'stream-upstream'
  | 'mail'
  | 'mail-server'
  | 'map'
  | 'types'
  | 'geo'
  | 'split_clients'
  | 'charset_map'
  /** Inside a block we do not know (a third-party module's): nothing there is checked. */
  | 'unknown';

const CONTEXT_LETTER: Partial<Record<NginxContext, string>> = {
  main: 'M',
  events: 'E',
  http: 'H',
  server: 'S',
  location: 'L',
  upstream: 'U',
  'if-in-server': 'I',
  'if-in-location': 'J',
  limit_except: 'X',
  stream: 'T',
  'stream-server': 'R',
  'stream-upstream': 'P',
  mail: 'A',
  'mail-server': 'B',
};

/** Blocks whose content is data (`map` pairs, `types` entries …) and not directives. */
const DATA_BLOCKS: Partial<Record<string, NginxContext>> = {
  map: 'map',
  types: 'types',
  geo: 'geo',
  split_clients: 'split_clients',
  charset_map: 'charset_map',
};

export interface DirectiveForm {
  contexts: string;
  counts: Set<number>;
  flag: boolean;
  any: boolean;
  atLeast?: number;
  block: boolean;
}

function parseForm(spec: string): DirectiveForm {
  const [contexts = '', args = ''] = spec.trim().split(' ');
  const form: DirectiveForm = { contexts, counts: new Set(), flag: false, any: false, block: false };
  for (const part of args.split(',')) {
    if (part === 'F') form.flag = true;
    else if (part === '*') form.any = true;
    else if (part === 'B') form.block = true;
    else if (part.endsWith('+')) form.atLeast = Number(part.slice(0, -1));
    else for (const digit of part) form.counts.add(Number(digit));
  }
  return form;
}

// Parsed per directive on first use: a config names a few dozen of the table's hundreds, and parsing
// them all at load time was a measurable part of validate's cold start.
const FORMS = new Map<string, DirectiveForm[]>();

/** The forms of a known directive, or undefined for a directive nginx does not know. */
export function directiveForms(name: string): readonly DirectiveForm[] | undefined {
  let forms = FORMS.get(name);
  if (forms === undefined && Object.hasOwn(TABLE, name)) {
    forms = TABLE[name]!.split('|').map(parseForm);
    FORMS.set(name, forms);
  }
  return forms;
}

export function isKnownDirective(name: string): boolean {
  return Object.hasOwn(TABLE, name);
}

/** The context the children of `parent` live in, given the context of `parent` itself. */
export function childContext(parentContext: NginxContext, parent: NginxDirective): NginxContext {
  const name = parent.directive;
  const data = DATA_BLOCKS[name];
  if (data && parentContext !== 'unknown') return data;
  switch (parentContext) {
    case 'main':
      if (name === 'events' || name === 'http' || name === 'stream' || name === 'mail') return name;
      return 'unknown';
    case 'http':
      if (name === 'server') return 'server';
      if (name === 'upstream') return 'upstream';
      if (name === 'location') return 'location';
      return 'unknown';
    case 'server':
      if (name === 'location') return 'location';
      if (name === 'if') return 'if-in-server';
      return 'unknown';
    case 'location':
      if (name === 'location') return 'location';
      if (name === 'if') return 'if-in-location';
      if (name === 'limit_except') return 'limit_except';
      return 'unknown';
    case 'stream':
      if (name === 'server') return 'stream-server';
      if (name === 'upstream') return 'stream-upstream';
      return 'unknown';
    case 'mail':
      return name === 'server' ? 'mail-server' : 'unknown';
    default:
      return 'unknown';
  }
}

/** The context of a directive whose enclosing blocks are `parents` (outermost first). */
export function contextOf(parents: readonly NginxDirective[]): NginxContext {
  let ctx: NginxContext = 'main';
  for (const p of parents) ctx = childContext(ctx, p);
  return ctx;
}

export interface DirectiveProblem {
  kind: 'unknown' | 'context' | 'args';
  /** nginx's own wording. */
  message: string;
}

function acceptsArgs(form: DirectiveForm, args: readonly string[]): boolean {
  const n = args.length;
  if (form.any) return true;
  if (form.counts.has(n)) return true;
  if (form.flag && n === 1) return true;
  if (form.atLeast !== undefined && n >= form.atLeast) return true;
  return false;
}

/**
 * What `nginx -t` would say about one directive in a context, in its words: an unknown directive, a
 * directive that is not allowed here, a block/simple mismatch, a wrong argument count or a bad flag.
 * Data blocks (map, types …) and unknown blocks are not checked. With a `version`, a directive that
 * version does not have is left to versions.ts's `versionProblems` (which says why), and one it still
 * has (`ssl`) is checked in its old form.
 */
export function checkDirective(
  d: NginxDirective,
  context: NginxContext,
  version?: NginxVersion,
): DirectiveProblem[] {
  const letter = CONTEXT_LETTER[context];
  if (letter === undefined) return [];
  if (version && !existsIn(d.directive, version)) return [];
  const legacy = version ? legacyForm(d.directive, version) : undefined;
  const forms = legacy ? legacy.split('|').map(parseForm) : directiveForms(d.directive);
  if (!forms) return [{ kind: 'unknown', message: `unknown directive "${d.directive}"` }];
  const form = forms.find((f) => f.contexts.includes(letter));
  if (!form) return [{ kind: 'context', message: `"${d.directive}" directive is not allowed here` }];
  const isBlock = d.block !== undefined;
  if (form.block && !isBlock)
    return [{ kind: 'args', message: `directive "${d.directive}" has no opening "{"` }];
  if (!form.block && isBlock)
    return [{ kind: 'args', message: `directive "${d.directive}" is not terminated by ";"` }];
  if (!acceptsArgs(form, d.args)) {
    return [{ kind: 'args', message: `invalid number of arguments in "${d.directive}" directive` }];
  }
  if (form.flag && !form.any && !form.counts.has(1) && form.atLeast === undefined) {
    const value = d.args[0]!.toLowerCase();
    if (value !== 'on' && value !== 'off') {
      return [
        {
          kind: 'args',
          message: `invalid value "${d.args[0]}" in "${d.directive}" directive, it must be "on" or "off"`,
        },
      ];
    }
  }
  return [];
}
