{{- define "aso.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Resources are named after the release and their component (after-sales-api), so two releases can share a namespace. */}}
{{- define "aso.fullname" -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{- define "aso.labels" -}}
app.kubernetes.io/name: {{ include "aso.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Selector labels of one component (api, worker, migrations); they never change across upgrades. */}}
{{- define "aso.selectorLabels" -}}
app.kubernetes.io/name: {{ include "aso.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "aso.componentLabels" -}}
{{ include "aso.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "aso.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "aso.secretEnv" -}}
- name: {{ .key }}
  valueFrom:
    secretKeyRef:
      name: {{ .root.Values.secrets.name }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}

{{/* The settings the API and the workers share: Temporal, the database, the payload keys. */}}
{{- define "aso.sharedEnv" -}}
- name: NODE_ENV
  value: production
- name: LOG_LEVEL
  value: {{ .Values.config.logLevel | quote }}
- name: POLICY_PROFILE
  value: {{ .Values.config.policyProfile | quote }}
- name: PUBLIC_BASE_URL
  value: {{ .Values.config.publicBaseUrl | quote }}
- name: PARTNER_TIMEOUT_MS
  value: {{ .Values.config.partnerTimeoutMs | quote }}
- name: ORDERS_URL
  value: {{ .Values.config.partners.orders | quote }}
- name: CUSTOMERS_URL
  value: {{ .Values.config.partners.customers | quote }}
- name: TEMPORAL_ADDRESS
  value: {{ .Values.temporal.address | quote }}
- name: TEMPORAL_NAMESPACE
  value: {{ .Values.temporal.namespace | quote }}
- name: TEMPORAL_TASK_QUEUE
  value: {{ .Values.temporal.taskQueue | quote }}
{{- if .Values.temporal.tls }}
- name: TEMPORAL_TLS
  value: "true"
{{- end }}
{{- with .Values.temporal.apiKey.secretName }}
- name: TEMPORAL_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.temporal.apiKey.key }}
{{- end }}
{{- if .Values.temporal.mtls.secretName }}
- name: TEMPORAL_TLS_CERT_PATH
  value: /etc/temporal-tls/tls.crt
- name: TEMPORAL_TLS_KEY_PATH
  value: /etc/temporal-tls/tls.key
{{- if .Values.temporal.mtls.withCA }}
- name: TEMPORAL_TLS_CA_PATH
  value: /etc/temporal-tls/ca.crt
{{- end }}
{{- end }}
- name: METRICS_HOST
  value: 0.0.0.0
{{- with .Values.tracing.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{ include "aso.secretEnv" (dict "root" . "key" "DATABASE_URL") }}
{{ include "aso.secretEnv" (dict "root" . "key" "PAYLOAD_KEYS") }}
{{ include "aso.secretEnv" (dict "root" . "key" "AUTH_JWT_SECRET") }}
{{ include "aso.secretEnv" (dict "root" . "key" "METRICS_TOKEN" "optional" true) }}
{{- range $name, $value := .Values.config.extraEnv }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* Writable /tmp (the root filesystem is read-only) and the mTLS pair when configured. */}}
{{- define "aso.volumes" -}}
- name: tmp
  emptyDir: {}
{{- with .Values.temporal.mtls.secretName }}
- name: temporal-tls
  secret:
    secretName: {{ . }}
{{- end }}
{{- end -}}

{{- define "aso.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if .Values.temporal.mtls.secretName }}
- name: temporal-tls
  mountPath: /etc/temporal-tls
  readOnly: true
{{- end }}
{{- end -}}

{{/* Roll the pods when a setting changes; Secrets are not watched (deploy/README.md, rotation). */}}
{{- define "aso.podAnnotations" -}}
checksum/values: {{ toJson (dict "config" .Values.config "temporal" .Values.temporal "metrics" .Values.metrics) | sha256sum }}
{{- end -}}
