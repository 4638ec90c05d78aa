#!/bin/sh
# Creates the namespace and registers Switchboard's search attributes (the same list as domain/search-attributes.ts).
# Compose runs it in the admin-tools image; the stack's cluster profile runs it with the cached `temporal` CLI. Both
# pass the connection in the CLI's standard variables (TEMPORAL_ADDRESS, TEMPORAL_API_KEY, TEMPORAL_TLS_*).
set -eu
: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:=default}"
until temporal operator cluster health >/dev/null 2>&1; do sleep 2; done
temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1 ||
  temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE" --retention 30d
# A namespace just created reaches every frontend's cache within seconds: until then a create fails, so each
# attribute is retried until the server lists it.
for attribute in UseCase:Keyword AccountRef:Keyword Intent:Keyword Department:Keyword Route:Keyword \
  Confidence:Double Decision:Keyword Approver:Keyword ModelId:Keyword PromptVersion:Keyword CostUsd:Double \
  Guardrails:KeywordList; do
  tries=0
  until temporal operator search-attribute list --namespace "$TEMPORAL_NAMESPACE" | grep -qw "${attribute%%:*}"; do
    tries=$((tries + 1))
    [ "$tries" -le 60 ] || { echo "could not register ${attribute%%:*}" >&2; exit 1; }
    temporal operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" \
      --name "${attribute%%:*}" --type "${attribute#*:}" >/dev/null 2>&1 || sleep 1
  done
done
temporal operator search-attribute list --namespace "$TEMPORAL_NAMESPACE"
