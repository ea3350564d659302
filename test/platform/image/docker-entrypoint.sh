#!/bin/sh
# Entrypoint of stackgate/nginx:test. It does what the official nginx image's entrypoint does for
# configs, so tests see the same behaviour: render /etc/nginx/templates/*.template with envsubst into
# /etc/nginx/conf.d/ (only variables that are defined get substituted), then exec the command.
set -eu

log() {
  if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
    echo "$0: $*"
  fi
}

# Like the official 15-local-resolvers.envsh: opt-in NGINX_LOCAL_RESOLVERS from resolv.conf.
export_local_resolvers() {
  [ -n "${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0
  NGINX_LOCAL_RESOLVERS=$(awk 'BEGIN { ORS = " " } $1 == "nameserver" { print $2 }' /etc/resolv.conf)
  export NGINX_LOCAL_RESOLVERS
}

# Like the official 20-envsubst-on-templates.sh.
render_templates() {
  template_dir="${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
  suffix="${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"
  output_dir="${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"
  filter="${NGINX_ENVSUBST_FILTER:-}"
  [ -d "$template_dir" ] || return 0
  if [ ! -w "$output_dir" ]; then
    log "ERROR: $template_dir exists, but $output_dir is not writable"
    return 0
  fi
  # shellcheck disable=SC2016 # the ${NAME} list is for envsubst, not for this shell
  defined_envs=$(printf '${%s} ' $(awk "END { for (name in ENVIRON) { print ( name ~ /${filter}/ ) ? name : \"\" } }" </dev/null))
  find "$template_dir" -follow -type f -name "*$suffix" -print | while read -r template; do
    relative_path="${template#"$template_dir/"}"
    output_path="$output_dir/${relative_path%"$suffix"}"
    mkdir -p "$(dirname "$output_path")"
    log "Running envsubst on $template to $output_path"
    envsubst "$defined_envs" <"$template" >"$output_path"
  done
}

if [ "${1:-}" = "nginx" ] || [ "${1:-}" = "nginx-debug" ]; then
  export_local_resolvers
  render_templates
  log "Configuration complete; ready for start up"
fi

exec "$@"
