package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (path -> content) under a new temporary directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func expectProblems(t *testing.T, r *Report, wants ...[]string) {
	t.Helper()
	for _, want := range wants {
		if !r.Has(want...) {
			t.Errorf("expected a problem containing %q; got:\n%s", want, r)
		}
	}
}

func expectClean(t *testing.T, r *Report) {
	t.Helper()
	if len(r.Problems) > 0 {
		t.Fatalf("expected no problems; got:\n%s", r)
	}
}

// ---------------------------------------------------------------- compose

const goodDockerfile = `# syntax=docker/dockerfile:1
ARG BASE=node:22-bookworm-slim
FROM ${BASE} AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN echo "building $SERVICE"

FROM ${BASE} AS runtime
ARG SERVICE
WORKDIR /app
COPY --from=build /src/ ./
USER node
HEALTHCHECK CMD ["node", "-e", "process.exit(0)"]
CMD ["node", "main.js"]
`

const goodCompose = `name: fixture
services:
  db:
    image: mongo:8
    healthcheck:
      test: ["CMD", "mongosh", "--eval", "1"]
  api:
    build:
      context: .
      dockerfile: docker/app.Dockerfile
      args:
        SERVICE: api
    depends_on:
      db:
        condition: service_healthy
    ports:
      - "3000:3000"
  web:
    image: nginx:1
    depends_on:
      api:
        condition: service_healthy # the image's HEALTHCHECK counts
`

func checkComposeFixture(t *testing.T, compose string, extra map[string]string) *Report {
	t.Helper()
	files := map[string]string{"docker-compose.yml": compose, "docker/app.Dockerfile": goodDockerfile}
	for k, v := range extra {
		files[k] = v
	}
	dir := writeTree(t, files)
	return CheckCompose(context.Background(), dir, "docker-compose.yml")
}

func TestComposeFixturePasses(t *testing.T) {
	r := checkComposeFixture(t, goodCompose, nil)
	expectClean(t, r)
	if len(r.Checked) != 1 || !strings.Contains(r.Checked[0], "3 services (1 built") {
		t.Errorf("unexpected summary %q", r.Checked)
	}
}

func TestComposeSchemaViolations(t *testing.T) {
	// An unknown key (schema: additional properties) is reported by the loader.
	r := checkComposeFixture(t, strings.Replace(goodCompose, "    ports:", "    portz:", 1), nil)
	expectProblems(t, r, []string{"invalid compose file", "portz"})

	// A wrong type: ports must be a list.
	r = checkComposeFixture(t, strings.Replace(goodCompose, "    ports:\n      - \"3000:3000\"", "    ports: {http: 3000}", 1), nil)
	expectProblems(t, r, []string{"invalid compose file", "ports"})

	// Not even YAML.
	r = checkComposeFixture(t, "services: [\n", nil)
	expectProblems(t, r, []string{"invalid compose file"})
}

func TestComposeUndefinedDependency(t *testing.T) {
	r := checkComposeFixture(t, strings.Replace(goodCompose, "      db:\n        condition", "      ghost:\n        condition", 1), nil)
	expectProblems(t, r, []string{"invalid compose file", "ghost"})
}

func TestComposeServiceWithoutImageOrBuild(t *testing.T) {
	r := checkComposeFixture(t, goodCompose+"  worker:\n    command: [\"sleep\", \"1\"]\n", nil)
	expectProblems(t, r, []string{`service "worker"`, "neither"})
}

func TestComposeMissingDockerfile(t *testing.T) {
	r := checkComposeFixture(t, strings.Replace(goodCompose, "docker/app.Dockerfile", "docker/missing.Dockerfile", 1), nil)
	expectProblems(t, r, []string{`service "api"`, "docker/missing.Dockerfile not found"})

	r = checkComposeFixture(t, strings.Replace(goodCompose, "context: .", "context: ./nowhere", 1), nil)
	expectProblems(t, r, []string{`service "api"`, "nowhere"})
}

func TestComposeBrokenDockerfile(t *testing.T) {
	broken := strings.Replace(goodDockerfile, "WORKDIR /app", "WROKDIR /app", 1)
	r := checkComposeFixture(t, goodCompose, map[string]string{"docker/app.Dockerfile": broken})
	expectProblems(t, r, []string{`service "api"`, "docker/app.Dockerfile", "unknown instruction"})

	// Lint rules of `docker build --check`, and a build arg that no ARG declares.
	linty := strings.Replace(goodDockerfile, `CMD ["node", "main.js"]`, "ENV MODE $UNDEFINED_THING\nCMD node main.js", 1)
	r = checkComposeFixture(t, strings.Replace(goodCompose, "SERVICE: api", "SERVICE: api\n        SERVCIE: typo", 1),
		map[string]string{"docker/app.Dockerfile": linty})
	expectProblems(t, r,
		[]string{"JSONArgsRecommended"},
		[]string{"UndefinedVar", "UNDEFINED_THING"},
		[]string{"build arg SERVCIE is not declared"},
	)
}

func TestComposeHealthyDependencyNeedsHealthcheck(t *testing.T) {
	r := checkComposeFixture(t, strings.Replace(goodCompose, "    healthcheck:\n      test: [\"CMD\", \"mongosh\", \"--eval\", \"1\"]\n", "", 1), nil)
	expectProblems(t, r, []string{`service "api"`, `depends_on "db" with condition service_healthy`, "no healthcheck"})

	noHealth := strings.Replace(goodDockerfile, "HEALTHCHECK CMD [\"node\", \"-e\", \"process.exit(0)\"]\n", "", 1)
	r = checkComposeFixture(t, goodCompose, map[string]string{"docker/app.Dockerfile": noHealth})
	expectProblems(t, r, []string{`service "web"`, `depends_on "api"`, "no healthcheck"})
}

func TestComposeContainerNameAndPortClash(t *testing.T) {
	c := strings.Replace(goodCompose, "  web:\n    image: nginx:1\n", "  web:\n    image: nginx:1\n    container_name: web\n    ports:\n      - \"3000:80\"\n", 1)
	r := checkComposeFixture(t, c, nil)
	expectProblems(t, r,
		[]string{`service "web"`, "container_name", "--scale"},
		[]string{`service "web"`, "0.0.0.0:3000/tcp", `already published by service "api"`},
	)
}

// ---------------------------------------------------------------- kustomize

const goodApp = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: example/api:1
          ports:
            - name: http
              containerPort: 3000
          envFrom:
            - configMapRef:
                name: api-config
          env:
            - name: TOKEN
              valueFrom:
                secretKeyRef:
                  name: api-secrets
                  key: TOKEN
          livenessProbe:
            httpGet:
              path: /health/live
              port: http
          readinessProbe:
            httpGet:
              path: /health/ready
              port: http
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: "1"
              memory: 256Mi
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
    - name: http
      port: 3000
      targetPort: http
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site
spec:
  ingressClassName: nginx
  rules:
    - host: api.example
      http:
        paths:
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 3000
`

const goodKustomization = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: fixture
resources:
  - app.yaml
configMapGenerator:
  - name: api-config
    literals: [LOG_LEVEL=info]
secretGenerator:
  - name: api-secrets
    literals: [TOKEN=dev-only]
`

func checkKustomizeFixture(t *testing.T, app string, extra map[string]string) *Report {
	t.Helper()
	files := map[string]string{
		"k8s/kustomization.yaml": goodKustomization,
		"k8s/app.yaml":           app,
		// The fixture generates a Secret with a value, as a development overlay may.
		"k8s/ops-check.yaml": "committedSecrets: true\n",
	}
	for k, v := range extra {
		files[k] = v
	}
	dir := writeTree(t, files)
	return CheckKustomization(dir, "k8s")
}

func TestKustomizeFixturePasses(t *testing.T) {
	r := checkKustomizeFixture(t, goodApp, nil)
	expectClean(t, r)
	if len(r.Checked) != 1 || !strings.Contains(r.Checked[0], "k8s: 5 objects") {
		t.Errorf("unexpected summary %q", r.Checked)
	}
}

func TestKustomizeUnknownField(t *testing.T) {
	// A misspelt field would be dropped silently by a lenient decoder.
	r := checkKustomizeFixture(t, strings.Replace(goodApp, "readinessProbe:", "readinesProbe:", 1), nil)
	expectProblems(t, r, []string{"Deployment/fixture/api", "strict decoding error", `unknown field "spec.template.spec.containers[0].readinesProbe"`})
}

func TestKustomizeWrongType(t *testing.T) {
	r := checkKustomizeFixture(t, strings.Replace(goodApp, "replicas: 2", "replicas: two", 1), nil)
	expectProblems(t, r, []string{"Deployment/fixture/api", "does not decode strictly", "replicas"})

	r = checkKustomizeFixture(t, strings.Replace(goodApp, "containerPort: 3000", "containerPort: \"3000\"", 1), nil)
	expectProblems(t, r, []string{"Deployment/fixture/api", "does not decode strictly", "containerPort"})
}

func TestKustomizeUnknownKind(t *testing.T) {
	extra := "---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: tls\nspec: {}\n"
	r := checkKustomizeFixture(t, goodApp+extra, nil)
	expectProblems(t, r, []string{"Certificate/fixture/tls", "not a built-in Kubernetes kind"})
}

func TestKustomizeBuildFailure(t *testing.T) {
	r := checkKustomizeFixture(t, goodApp, map[string]string{
		"k8s/kustomization.yaml": strings.Replace(goodKustomization, "  - app.yaml", "  - app.yaml\n  - missing.yaml", 1),
	})
	expectProblems(t, r, []string{"k8s", "kustomize build failed", "missing.yaml"})

	// kustomize's own file is decoded strictly too.
	r = checkKustomizeFixture(t, goodApp, map[string]string{
		"k8s/kustomization.yaml": goodKustomization + "commonLabelz:\n  a: b\n",
	})
	expectProblems(t, r, []string{"kustomize build failed", "commonLabelz"})
}

func TestDeploymentWithoutProbes(t *testing.T) {
	app := strings.Replace(goodApp, `          livenessProbe:
            httpGet:
              path: /health/live
              port: http
          readinessProbe:
            httpGet:
              path: /health/ready
              port: http
`, "", 1)
	r := checkKustomizeFixture(t, app, nil)
	expectProblems(t, r,
		[]string{"Deployment/fixture/api", `container "api"`, "has no livenessProbe"},
		[]string{"Deployment/fixture/api", `container "api"`, "has no readinessProbe"},
	)
}

func TestProbeOnUndeclaredPort(t *testing.T) {
	r := checkKustomizeFixture(t, strings.Replace(goodApp, "              path: /health/ready\n              port: http", "              path: /health/ready\n              port: 3999", 1), nil)
	expectProblems(t, r, []string{`container "api"`, "readinessProbe port 3999 is not a port of the container"})
}

func TestDeploymentWithoutResources(t *testing.T) {
	app := strings.Replace(goodApp, `            limits:
              cpu: "1"
              memory: 256Mi
`, "", 1)
	r := checkKustomizeFixture(t, app, nil)
	expectProblems(t, r,
		[]string{`container "api"`, "has no resources.limits.cpu"},
		[]string{`container "api"`, "has no resources.limits.memory"},
	)
	r = checkKustomizeFixture(t, strings.Replace(goodApp, "memory: 128Mi", "memory: 1Gi", 1), nil)
	expectProblems(t, r, []string{`container "api"`, "resources.requests.memory 1Gi is above the limit 256Mi"})
}

func TestServiceSelectingNothing(t *testing.T) {
	r := checkKustomizeFixture(t, strings.Replace(goodApp, "  selector:\n    app: api\n", "  selector:\n    app: apii\n", 1), nil)
	expectProblems(t, r, []string{"Service/fixture/api", "selector {app=apii} matches no Deployment/StatefulSet/DaemonSet pods"})

	r = checkKustomizeFixture(t, strings.Replace(goodApp, "  selector:\n    app: api\n", "", 1), nil)
	expectProblems(t, r, []string{"Service/fixture/api", "has no selector"})

	r = checkKustomizeFixture(t, strings.Replace(goodApp, "      targetPort: http", "      targetPort: web", 1), nil)
	expectProblems(t, r, []string{"Service/fixture/api", "targetPort web is not a container port of Deployment/fixture/api"})
}

const goodAutoscaler = `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: api
  minReplicas: 2
  maxReplicas: 6
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
`

func TestAutoscalerTargets(t *testing.T) {
	expectClean(t, checkKustomizeFixture(t, goodApp+goodAutoscaler, nil))

	r := checkKustomizeFixture(t, goodApp+strings.Replace(goodAutoscaler, "    name: api\n  minReplicas", "    name: worker\n  minReplicas", 1), nil)
	expectProblems(t, r, []string{"HorizontalPodAutoscaler/fixture/api", `scaleTargetRef Deployment "worker" names no workload in the output`})

	r = checkKustomizeFixture(t, goodApp+strings.Replace(goodAutoscaler, "minReplicas: 2", "minReplicas: 8", 1), nil)
	expectProblems(t, r, []string{"HorizontalPodAutoscaler/fixture/api", "minReplicas 8 is above maxReplicas 6"})

	r = checkKustomizeFixture(t, strings.Replace(goodApp, "              cpu: 100m\n", "", 1)+goodAutoscaler, nil)
	expectProblems(t, r, []string{"HorizontalPodAutoscaler/fixture/api", `scales on cpu utilization, but container "api" of Deployment/fixture/api requests no cpu`})
}

func TestDeploymentSelectorMismatch(t *testing.T) {
	r := checkKustomizeFixture(t, strings.Replace(goodApp, "    matchLabels:\n      app: api", "    matchLabels:\n      app: other", 1), nil)
	// The API server would refuse this Deployment.
	expectProblems(t, r, []string{"Deployment/fixture/api", "spec.selector app=other does not match its pod template labels"})
}

func TestIngressBackends(t *testing.T) {
	r := checkKustomizeFixture(t, strings.Replace(goodApp, "                name: api\n", "                name: gateway\n", 1), nil)
	expectProblems(t, r, []string{"Ingress/fixture/site", "rule api.example path /api", `backend Service "gateway" does not exist`})

	r = checkKustomizeFixture(t, strings.Replace(goodApp, "                  number: 3000", "                  number: 80", 1), nil)
	expectProblems(t, r, []string{"Ingress/fixture/site", `Service "api" has no port 80`})

	r = checkKustomizeFixture(t, strings.Replace(goodApp, "  ingressClassName: nginx\n", "", 1), nil)
	expectProblems(t, r, []string{"Ingress/fixture/site", "no spec.ingressClassName"})
}

func TestMissingConfigMapAndSecret(t *testing.T) {
	r := checkKustomizeFixture(t, strings.Replace(strings.Replace(goodApp, "name: api-config", "name: api-settings", 1), "key: TOKEN", "key: PASSWORD", 1), nil)
	expectProblems(t, r,
		[]string{`container "api"`, `envFrom: ConfigMap "api-settings" is not in the output`},
		[]string{`container "api"`, `env TOKEN: Secret "api-secrets`, `has no key "PASSWORD"`},
	)
}

// ---------------------------------------------------------------- ops-check.yaml and secrets

// The fixture's kustomization without its secretGenerator: api-secrets must come from outside.
var kustomizationWithoutSecrets = strings.Replace(goodKustomization, "secretGenerator:\n  - name: api-secrets\n    literals: [TOKEN=dev-only]\n", "", 1)

func TestExternalSecrets(t *testing.T) {
	declared := "externalSecrets:\n  - name: api-secrets\n    keys: [TOKEN]\n"
	noSecrets := map[string]string{"k8s/kustomization.yaml": kustomizationWithoutSecrets}
	with := func(decl string) map[string]string {
		return map[string]string{"k8s/kustomization.yaml": kustomizationWithoutSecrets, "k8s/ops-check.yaml": decl}
	}

	r := checkKustomizeFixture(t, goodApp, with(declared))
	expectClean(t, r)
	if !strings.Contains(r.Checked[0], "1 external Secret(s)") {
		t.Errorf("unexpected summary %q", r.Checked)
	}
	// Without a key list, any key of the declared Secret is accepted.
	expectClean(t, checkKustomizeFixture(t, goodApp, with("externalSecrets:\n  - name: api-secrets\n")))

	// Undeclared, the missing Secret still fails.
	r = checkKustomizeFixture(t, goodApp, noSecrets)
	expectProblems(t, r, []string{`env TOKEN: Secret "api-secrets" is neither in the output nor declared in ops-check.yaml`})

	// The keys used must be among the declared keys.
	r = checkKustomizeFixture(t, goodApp, with("externalSecrets:\n  - name: api-secrets\n    keys: [PASSWORD]\n"))
	expectProblems(t, r, []string{`env TOKEN: Secret "api-secrets" has no key "TOKEN"`})

	// A declaration must stay true: used, and not rendered after all.
	r = checkKustomizeFixture(t, goodApp, with(declared+"  - name: forgotten\n"))
	expectProblems(t, r, []string{"k8s ops-check.yaml", `Secret "forgotten" is declared external but nothing refers to it`})
	rendered := "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: api-secrets\n"
	r = checkKustomizeFixture(t, goodApp+rendered, with(declared))
	expectProblems(t, r, []string{`Secret "api-secrets" is declared external but the kustomization renders it`})

	// The file is read strictly: a misspelt key must not silently switch a rule off.
	r = checkKustomizeFixture(t, goodApp, with("externalSecret:\n  - name: api-secrets\n"))
	expectProblems(t, r, []string{"k8s/ops-check.yaml", "unknown field", "externalSecret"})
	r = checkKustomizeFixture(t, goodApp, with(declared+"  - name: api-secrets\n"))
	expectProblems(t, r, []string{"k8s/ops-check.yaml", "api-secrets is declared twice"})
}

func TestIngressTLSSecret(t *testing.T) {
	tls := strings.Replace(goodApp, "  ingressClassName: nginx\n", "  ingressClassName: nginx\n  tls:\n    - hosts: [api.example]\n      secretName: site-tls\n", 1)
	r := checkKustomizeFixture(t, tls, nil)
	expectProblems(t, r, []string{"Ingress/fixture/site", `tls: Secret "site-tls" is neither in the output nor declared`})

	r = checkKustomizeFixture(t, tls, map[string]string{"k8s/ops-check.yaml": "committedSecrets: true\nexternalSecrets:\n  - name: site-tls\n    keys: [tls.crt, tls.key]\n"})
	expectClean(t, r)
}

func TestCommittedSecrets(t *testing.T) {
	// Secret values are refused by default (an empty ops-check.yaml is the same as none) and
	// when the kustomization says so.
	for _, decl := range []string{"", "committedSecrets: false\n"} {
		r := checkKustomizeFixture(t, goodApp, map[string]string{"k8s/ops-check.yaml": decl})
		expectProblems(t, r, []string{"Secret/fixture/api-secrets-", "carries secret values (keys TOKEN)", "does not allow committed secrets"})
	}
	// stringData counts as much as data.
	plain := "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: extra\nstringData:\n  PASSWORD: hunter2\n"
	r := checkKustomizeFixture(t, goodApp+plain, map[string]string{"k8s/ops-check.yaml": "committedSecrets: false\n"})
	expectProblems(t, r, []string{"Secret/fixture/extra", "carries secret values (keys PASSWORD)"})
	// A Secret without values (a service account token, say) is not a committed secret.
	empty := "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: extra\n"
	r = checkKustomizeFixture(t, goodApp+empty, map[string]string{"k8s/kustomization.yaml": kustomizationWithoutSecrets,
		"k8s/ops-check.yaml": "externalSecrets:\n  - name: api-secrets\n"})
	expectClean(t, r)
}

func TestPasswordsOutsideSecrets(t *testing.T) {
	r := checkKustomizeFixture(t, goodApp, map[string]string{
		"k8s/kustomization.yaml": strings.Replace(goodKustomization, "[LOG_LEVEL=info]", "[LOG_LEVEL=info, 'DB_URL=mongodb://app:s3cret@db:27017']", 1),
	})
	expectProblems(t, r, []string{"ConfigMap/fixture/api-config-", "key DB_URL holds a URL with a password"})

	literal := strings.Replace(goodApp, "          env:\n", "          env:\n            - name: AMQP_URL\n              value: amqp://app:s3cret@broker:5672\n", 1)
	r = checkKustomizeFixture(t, literal, nil)
	expectProblems(t, r, []string{`container "api"`, "env AMQP_URL holds a URL with a password"})

	// A user without a password, or one filled in from other variables, is fine.
	fine := strings.Replace(goodApp, "          env:\n", "          env:\n            - name: AMQP_URL\n              value: amqp://$(AMQP_USER):$(AMQP_PASS)@broker:5672\n"+
		"            - name: MONGO_URL\n              value: mongodb://app@db:27017\n", 1)
	expectClean(t, checkKustomizeFixture(t, fine, nil))
}

// ---------------------------------------------------------------- StatefulSets and Jobs

const goodStatefulSet = `---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      initContainers:
        - name: keyfile
          image: example/db:1
          command: ["sh", "-c", "cp /secret/keyfile /keyfile/keyfile && chmod 0400 /keyfile/keyfile"]
          resources:
            requests:
              cpu: 10m
              memory: 16Mi
            limits:
              cpu: 100m
              memory: 32Mi
          volumeMounts:
            - name: keyfile-secret
              mountPath: /secret
      containers:
        - name: db
          image: example/db:1
          ports:
            - name: db
              containerPort: 27017
          livenessProbe:
            tcpSocket:
              port: db
          readinessProbe:
            exec:
              command: ["db-ping"]
          resources:
            requests:
              cpu: 100m
              memory: 256Mi
            limits:
              cpu: "1"
              memory: 512Mi
      volumes:
        - name: keyfile-secret
          secret:
            secretName: db-keyfile
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  publishNotReadyAddresses: true
  selector:
    app: db
  ports:
    - name: db
      port: 27017
      targetPort: db
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: db
`

const goodJob = `---
apiVersion: batch/v1
kind: Job
metadata:
  name: db-init
spec:
  backoffLimit: 4
  ttlSecondsAfterFinished: 600
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: init
          image: example/db:1
          env:
            - name: ROOT_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db-credentials
                  key: ROOT_PASSWORD
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
            limits:
              cpu: 500m
              memory: 128Mi
`

// The database's Secrets are created by the operators.
var dbSecrets = map[string]string{"k8s/ops-check.yaml": "committedSecrets: true\nexternalSecrets:\n" +
	"  - name: db-keyfile\n    keys: [keyfile]\n  - name: db-credentials\n    keys: [ROOT_PASSWORD]\n"}

func TestStatefulSetRules(t *testing.T) {
	expectClean(t, checkKustomizeFixture(t, goodApp+goodStatefulSet+goodJob, dbSecrets))

	noProbes := strings.Replace(goodStatefulSet, "          livenessProbe:\n            tcpSocket:\n              port: db\n", "", 1)
	r := checkKustomizeFixture(t, goodApp+noProbes+goodJob, dbSecrets)
	expectProblems(t, r, []string{"StatefulSet/fixture/db", `container "db"`, "has no livenessProbe"})

	// Init containers need requests and limits as much as the others.
	noInitResources := strings.Replace(goodStatefulSet, `            limits:
              cpu: 100m
              memory: 32Mi
`, "", 1)
	r = checkKustomizeFixture(t, goodApp+noInitResources+goodJob, dbSecrets)
	expectProblems(t, r, []string{"StatefulSet/fixture/db", `container "keyfile"`, "has no resources.limits.memory"})

	r = checkKustomizeFixture(t, goodApp+strings.Replace(goodStatefulSet, "  serviceName: db", "  serviceName: db-nodes", 1)+goodJob, dbSecrets)
	expectProblems(t, r, []string{"StatefulSet/fixture/db", `serviceName "db-nodes" names no Service`})

	ghost := "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ghost\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: ghost\n"
	r = checkKustomizeFixture(t, goodApp+goodStatefulSet+ghost+goodJob, dbSecrets)
	expectProblems(t, r, []string{"PodDisruptionBudget/fixture/ghost", "selector {app=ghost} matches no"})

	// The Secret volume's Secret must be provided, here by the operators.
	r = checkKustomizeFixture(t, goodApp+goodStatefulSet, nil)
	expectProblems(t, r, []string{"StatefulSet/fixture/db", `volume "keyfile-secret": Secret "db-keyfile" is neither in the output nor declared`})
}

func TestJobRules(t *testing.T) {
	withDB := goodApp + goodStatefulSet // which uses db-keyfile, the other declared Secret
	expectClean(t, checkKustomizeFixture(t, withDB+strings.Replace(goodJob, "restartPolicy: Never", "restartPolicy: OnFailure", 1), dbSecrets))

	loose := strings.Replace(strings.Replace(goodJob, "  backoffLimit: 4\n", "", 1), "  ttlSecondsAfterFinished: 600\n", "", 1)
	r := checkKustomizeFixture(t, withDB+loose, dbSecrets)
	expectProblems(t, r,
		[]string{"Job/fixture/db-init", "has no backoffLimit"},
		[]string{"Job/fixture/db-init", "has no ttlSecondsAfterFinished"},
	)

	r = checkKustomizeFixture(t, withDB+strings.Replace(goodJob, "restartPolicy: Never", "restartPolicy: Always", 1), dbSecrets)
	expectProblems(t, r, []string{"Job/fixture/db-init", `restartPolicy "Always"`})

	r = checkKustomizeFixture(t, withDB+strings.Replace(goodJob, "              cpu: 500m\n", "", 1), dbSecrets)
	expectProblems(t, r, []string{"Job/fixture/db-init", `container "init"`, "has no resources.limits.cpu"})

	// A Job's references are checked like a workload's.
	r = checkKustomizeFixture(t, withDB+strings.Replace(goodJob, "key: ROOT_PASSWORD", "key: ROOT_PASS", 1), dbSecrets)
	expectProblems(t, r, []string{"Job/fixture/db-init", `env ROOT_PASSWORD: Secret "db-credentials" has no key "ROOT_PASS"`})
}

// ---------------------------------------------------------------- the command

func TestCommandExitStatus(t *testing.T) {
	good := writeTree(t, withWebFiles(map[string]string{
		"docker-compose.yml":          goodCompose,
		"docker/app.Dockerfile":       goodDockerfile,
		"k8s/base/kustomization.yaml": goodKustomization,
		"k8s/base/app.yaml":           goodApp,
		"k8s/base/ops-check.yaml":     "committedSecrets: true\n",
	}))
	var out, errOut bytes.Buffer
	if code := run([]string{"-C", good}, &out, &errOut); code != 0 {
		t.Fatalf("good tree: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "checked k8s/base: 5 objects") || !strings.Contains(out.String(), "all checks passed") {
		t.Errorf("unexpected output:\n%s", out.String())
	}

	bad := writeTree(t, map[string]string{
		"docker-compose.yml":          strings.Replace(goodCompose, "docker/app.Dockerfile", "docker/gone.Dockerfile", 1),
		"k8s/base/kustomization.yaml": goodKustomization,
		"k8s/base/app.yaml":           strings.Replace(goodApp, "    app: api\n  ports:", "    app: nobody\n  ports:", 1),
		"k8s/overlays/dev/kustomization.yaml": "resources: [../../base]\npatches:\n  - target: {kind: Deployment}\n" +
			"    patch: |-\n      - op: remove\n        path: /spec/template/spec/containers/0/livenessProbe\n",
	})
	out.Reset()
	if code := run([]string{"-C", bad}, &out, &errOut); code != 1 {
		t.Fatalf("bad tree: exit %d, want 1\n%s", code, out.String())
	}
	for _, want := range []string{
		"FAIL docker-compose.yml service \"api\": build.dockerfile docker/gone.Dockerfile not found",
		"FAIL k8s/base Service/fixture/api: selector {app=nobody} matches no",
		"FAIL k8s/overlays/dev Deployment/fixture/api container \"api\": has no livenessProbe",
		// No ops-check.yaml in the bad tree's base: its generated Secret is refused.
		"FAIL k8s/base Secret/fixture/api-secrets-",
		"problem(s) found",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	if code := run([]string{"-no-such-flag"}, &out, &errOut); code != 2 {
		t.Errorf("bad usage: exit %d, want 2", code)
	}
}

// Every kustomization under k8s/ is checked, however deep; components only through their users.
func TestDefaultKustomizations(t *testing.T) {
	tree := writeTree(t, withWebFiles(map[string]string{
		"docker-compose.yml":                      goodCompose,
		"docker/app.Dockerfile":                   goodDockerfile,
		"k8s/base/kustomization.yaml":             kustomizationWithoutSecrets,
		"k8s/base/app.yaml":                       goodApp,
		"k8s/base/ops-check.yaml":                 "externalSecrets:\n  - name: api-secrets\n",
		"k8s/infra/ha/kustomization.yaml":         "resources: [db.yaml]\n",
		"k8s/infra/ha/db.yaml":                    strings.TrimPrefix(goodStatefulSet, "---\n"),
		"k8s/infra/ha/ops-check.yaml":             "externalSecrets:\n  - name: db-keyfile\n",
		"k8s/components/extra/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n",
	}))
	if got, want := strings.Join(defaultKustomizations(tree), " "), "k8s/base k8s/infra/ha"; got != want {
		t.Errorf("defaultKustomizations = %q, want %q", got, want)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"-C", tree}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "checked k8s/infra/ha: 3 objects") {
		t.Errorf("unexpected output:\n%s", out.String())
	}
}

// The repository's own operators' files pass (tools/check-ops.sh runs the same on the binary).
func TestRepositoryFiles(t *testing.T) {
	root, _ := filepath.Abs("../..")
	if _, err := os.Stat(filepath.Join(root, "docker-compose.yml")); err != nil {
		t.Skip("not inside the repository")
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"-C", root}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
}
