#!/usr/bin/env bash
# Creates (or updates) the Secrets the manifests reference from an env file shaped like
# secrets.example.env. Usage: deploy/k8s/create-secrets.sh <env-file> <namespace>
set -euo pipefail
file="${1:?usage: create-secrets.sh <env-file> <namespace>}"; namespace="${2:?namespace}"
value() { grep -E "^$1=" "$file" | head -n1 | cut -d= -f2-; }
apply() { kubectl -n "$namespace" create secret generic "$@" --dry-run=client -o yaml | kubectl apply -f -; }

apply workflow-rabbitmq --from-literal=connection-string="$(value RABBITMQ_CONNECTION_STRING)" \
  --from-literal=username="$(value RABBITMQ_USERNAME)" --from-literal=password="$(value RABBITMQ_PASSWORD)"
apply workflow-databases \
  --from-literal=ingestdb="$(value INGESTDB)" --from-literal=extractdb="$(value EXTRACTDB)" \
  --from-literal=classifydb="$(value CLASSIFYDB)" --from-literal=routedb="$(value ROUTEDB)" --from-literal=notifydb="$(value NOTIFYDB)"
keys="$(value API_KEYS_FILE)"
apply workflow-api-keys --from-file=api-keys.json="$(cd "$(dirname "$file")" && realpath "$keys")"
if [ -n "$(value SQLSERVER_SA_PASSWORD)" ]; then apply workflow-sqlserver --from-literal=sa-password="$(value SQLSERVER_SA_PASSWORD)"; fi
if [ -n "$(value LLM_API_KEY)" ]; then apply workflow-llm --from-literal=api-key="$(value LLM_API_KEY)"; fi
if [ -n "$(value SMTP_PASSWORD)" ]; then apply workflow-smtp --from-literal=password="$(value SMTP_PASSWORD)"; fi
certificate="$(value NOTIFY_KEYS_CERTIFICATE_FILE)"
if [ -n "$certificate" ]; then
  apply workflow-notify-keys-certificate --from-file=certificate.pfx="$(cd "$(dirname "$file")" && realpath "$certificate")" \
    --from-literal=password="$(value NOTIFY_KEYS_CERTIFICATE_PASSWORD)"
fi
