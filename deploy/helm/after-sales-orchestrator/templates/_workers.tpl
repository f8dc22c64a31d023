{{/*
The worker Deployments to run, as a JSON list: one per build of worker.versioning.versions, each
joined to the Temporal worker deployment as that build (docs/versioning.md), so old and new builds
run side by side while `npm run rollout` moves new cases over; without versions, the one
unversioned worker of before versioning (kept beside the versioned ones by keepUnversioned, while
moving to them). Each: name, component (its selector, never shared by two), image, and, for a
build, its buildId and scaling overrides.
*/}}
{{- define "aso.workers" -}}
{{- $versioning := .Values.worker.versioning -}}
{{- $workers := list -}}
{{- if or (not $versioning.versions) $versioning.keepUnversioned -}}
{{- $workers = append $workers (dict "name" (printf "%s-worker" (include "aso.fullname" .)) "component" "worker" "image" (include "aso.image" .) "buildId" "") -}}
{{- end -}}
{{- $components := dict -}}
{{- range $versioning.versions -}}
{{- $buildId := toString (required "worker.versioning.versions[].buildId is required" .buildId) -}}
{{- if not (regexMatch "^[A-Za-z0-9][A-Za-z0-9._-]{0,55}$" $buildId) -}}
{{- fail (printf "worker.versioning.versions: build id %q must be letters, digits, '.', '_' and '-', at most 56 (WORKER_BUILD_ID, and a Kubernetes name)" $buildId) -}}
{{- end -}}
{{- $component := printf "worker-%s" (regexReplaceAll "[^a-z0-9-]" (lower $buildId) "-") | trunc 63 | trimSuffix "-" -}}
{{- if hasKey $components $component -}}
{{- fail (printf "worker.versioning.versions: build id %q is listed twice, or names the same Deployment as another" $buildId) -}}
{{- end -}}
{{- $_ := set $components $component true -}}
{{- $image := printf "%s:%s" $.Values.image.repository (toString (.imageTag | default $buildId)) -}}
{{- $workers = append $workers (dict "name" (printf "%s-%s" (include "aso.fullname" $) $component) "component" $component "image" $image "buildId" $buildId "replicas" .replicas "minReplicas" .minReplicas "maxReplicas" .maxReplicas) -}}
{{- end -}}
{{- if not $workers -}}
{{- fail "worker.versioning: no workers to run (no versions, and keepUnversioned is off)" -}}
{{- end -}}
{{- toJson $workers -}}
{{- end -}}

{{/* The Temporal worker deployment the versioned workers join: worker.versioning.deploymentName, else the release's name. */}}
{{- define "aso.workerDeploymentName" -}}
{{- .Values.worker.versioning.deploymentName | default (include "aso.fullname" .) -}}
{{- end -}}
