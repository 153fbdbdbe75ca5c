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
	files := map[string]string{"k8s/kustomization.yaml": goodKustomization, "k8s/app.yaml": app}
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

// ---------------------------------------------------------------- the command

func TestCommandExitStatus(t *testing.T) {
	good := writeTree(t, map[string]string{
		"docker-compose.yml":          goodCompose,
		"docker/app.Dockerfile":       goodDockerfile,
		"k8s/base/kustomization.yaml": goodKustomization,
		"k8s/base/app.yaml":           goodApp,
	})
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
