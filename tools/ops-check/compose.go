package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

// CheckCompose loads the compose file the way `docker compose config` does (compose-go, with
// schema validation, interpolation from the environment and .env, and consistency checks), then
// applies the rules of this repository.
func CheckCompose(ctx context.Context, root, file string) *Report {
	r := &Report{}
	path := file
	if !filepath.IsAbs(path) {
		path = filepath.Join(root, file)
	}
	where := relTo(root, path)
	if _, err := os.Stat(path); err != nil {
		r.Addf(where, "compose file not found: %v", err)
		return r
	}

	opts, err := cli.NewProjectOptions(
		[]string{path},
		cli.WithWorkingDirectory(filepath.Dir(path)),
		cli.WithOsEnv,
		cli.WithDotEnv,
		cli.WithLoadOptions(func(o *loader.Options) {
			o.SkipValidation = false // JSON-schema validation of the compose specification
			o.SkipConsistencyCheck = false
			o.SkipInterpolation = false
			o.SkipNormalization = false
			o.ResolvePaths = true
		}),
	)
	if err != nil {
		r.Addf(where, "compose options: %v", err)
		return r
	}
	project, err := opts.LoadProject(ctx)
	if err != nil {
		r.Addf(where, "invalid compose file: %v", err)
		return r
	}

	hostPorts := map[string]string{} // "ip:port/proto" -> service
	built := 0
	for _, name := range sortedKeys(project.Services) {
		svc := project.Services[name]
		at := fmt.Sprintf("%s service %q", where, name)

		if svc.Image == "" && svc.Build == nil {
			r.Addf(at, "has neither image nor build")
		}
		if svc.Build != nil {
			built++
			checkComposeBuild(r, root, at, svc.Build)
		}
		if svc.ContainerName != "" {
			r.Addf(at, "sets container_name %q, which stops `docker compose up --scale`; drop it", svc.ContainerName)
		}
		for _, dep := range sortedKeys(svc.DependsOn) {
			cond := svc.DependsOn[dep].Condition
			target, ok := project.Services[dep]
			if !ok {
				r.Addf(at, "depends_on %q, which is not a service", dep)
				continue
			}
			if cond == types.ServiceConditionHealthy && !hasHealthcheck(root, target) {
				r.Addf(at, "depends_on %q with condition service_healthy, but %q has no healthcheck", dep, dep)
			}
		}
		if hc := svc.HealthCheck; hc != nil && !hc.Disable && len(hc.Test) == 0 {
			r.Addf(at, "healthcheck without a test")
		}
		for _, p := range svc.Ports {
			if p.Published == "" {
				continue
			}
			proto := p.Protocol
			if proto == "" {
				proto = "tcp"
			}
			ip := p.HostIP
			if ip == "" {
				ip = "0.0.0.0"
			}
			key := fmt.Sprintf("%s:%s/%s", ip, p.Published, proto)
			if other, taken := hostPorts[key]; taken {
				r.Addf(at, "publishes host port %s, already published by service %q", key, other)
			} else {
				hostPorts[key] = name
			}
		}
	}
	r.Checked = append(r.Checked, fmt.Sprintf("%s: %d services (%d built from a Dockerfile)", where, len(project.Services), built))
	return r
}

func checkComposeBuild(r *Report, root, at string, b *types.BuildConfig) {
	ctxDir := b.Context
	if ctxDir == "" {
		ctxDir = "."
	}
	if strings.Contains(ctxDir, "://") || strings.HasPrefix(ctxDir, "git@") {
		return // a remote context cannot be checked here
	}
	if st, err := os.Stat(ctxDir); err != nil || !st.IsDir() {
		r.Addf(at, "build context %s is not a directory", relTo(root, ctxDir))
		return
	}
	if b.DockerfileInline != "" {
		return
	}
	dockerfile := b.Dockerfile
	if dockerfile == "" {
		dockerfile = "Dockerfile"
	}
	if !filepath.IsAbs(dockerfile) {
		dockerfile = filepath.Join(ctxDir, dockerfile)
	}
	st, err := os.Stat(dockerfile)
	if err != nil || !st.Mode().IsRegular() {
		r.Addf(at, "build.dockerfile %s not found", relTo(root, dockerfile))
		return
	}
	args := map[string]string{}
	for k, v := range b.Args {
		if v != nil {
			args[k] = *v
		} else {
			args[k] = ""
		}
	}
	for _, msg := range CheckDockerfile(dockerfile, args, b.Target) {
		r.Addf(at, "%s: %s", relTo(root, dockerfile), msg)
	}
}

// hasHealthcheck: the service defines one, or it is built from a Dockerfile whose final stage
// has a HEALTHCHECK.
func hasHealthcheck(root string, svc types.ServiceConfig) bool {
	if hc := svc.HealthCheck; hc != nil {
		return !hc.Disable && len(hc.Test) > 0 && !(len(hc.Test) == 1 && hc.Test[0] == "NONE")
	}
	if b := svc.Build; b != nil && b.DockerfileInline == "" {
		df := b.Dockerfile
		if df == "" {
			df = "Dockerfile"
		}
		if !filepath.IsAbs(df) {
			df = filepath.Join(b.Context, df)
		}
		return DockerfileHasHealthcheck(df, b.Target)
	}
	return false
}

func relTo(root, path string) string {
	if rel, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return path
}
