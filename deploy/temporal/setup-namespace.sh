#!/bin/sh
# Creates the namespace and registers Switchboard's search attributes (the same list as domain/search-attributes.ts).
set -eu
: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:=default}"
until temporal operator cluster health >/dev/null 2>&1; do sleep 2; done
temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1 ||
  temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE" --retention 30d
for attribute in UseCase:Keyword AccountRef:Keyword Intent:Keyword Department:Keyword Route:Keyword \
  Confidence:Double Decision:Keyword Approver:Keyword ModelId:Keyword PromptVersion:Keyword CostUsd:Double \
  Guardrails:KeywordList; do
  temporal operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" \
    --name "${attribute%%:*}" --type "${attribute#*:}" 2>/dev/null || true
done
temporal operator search-attribute list --namespace "$TEMPORAL_NAMESPACE"
