// Command ops-check validates the operators' files of the repository without a Docker engine or
// a Kubernetes cluster:
//
//   - docker-compose.yml is loaded by compose-go (the library behind `docker compose config`)
//     with schema validation and consistency checks on; every service needs an image or a build
//     whose Dockerfile exists and parses (BuildKit's own Dockerfile parser); and a few rules of
//     ours (no container_name, healthchecks behind service_healthy, no clashing host ports).
//   - every kustomization is rendered with kustomize's krusty (what `kubectl kustomize` runs)
//     and each object is decoded strictly into the typed Kubernetes API structs (unknown fields,
//     duplicate fields and wrong types are errors); then our rules: probes and resources on
//     every container, Jobs that stop and go away, Services and PodDisruptionBudgets that select
//     pods, Ingress backends that name existing Services and ports, ConfigMaps and Secrets that
//     exist or are declared external, no secret values unless the kustomization allows them,
//     no passwords in ConfigMaps (see CheckObjects, and DeclarationsFile for ops-check.yaml).
//   - the front ends' nginx (docker/nginx/web.conf) sends the security headers of one snippet,
//     the one the launcher's static server reads too (see CheckWebHeaders).
//
// Usage: ops-check [-C repo] [-compose docker-compose.yml] [-web docker/nginx/web.conf] [kustomization-dir ...]
// Without directories: every folder under k8s/ that holds a kustomization.
// Exit status 0 when every check passes, 1 on problems, 2 on bad usage.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"sigs.k8s.io/yaml"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ops-check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("C", ".", "repository root; other paths are relative to it")
	composeFile := fs.String("compose", "docker-compose.yml", "compose file to check (empty: skip)")
	web := WebFiles{Headers: "docker/nginx/security-headers.conf", Dockerfile: "docker/web.Dockerfile"}
	fs.StringVar(&web.Conf, "web", "docker/nginx/web.conf", "front ends' nginx server block whose security headers to check (empty: skip)")
	fs.StringVar(&web.Headers, "web-headers", web.Headers, "the security headers' snippet that -web includes")
	fs.StringVar(&web.Dockerfile, "web-dockerfile", web.Dockerfile, "the image that copies -web and -web-headers")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ops-check [-C repo] [-compose file] [-web nginx-conf] [kustomization-dir ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	rootDir, err := filepath.Abs(*root)
	if err != nil {
		fmt.Fprintln(stderr, "ops-check:", err)
		return 2
	}

	report := &Report{}
	if *composeFile != "" {
		report.Merge(CheckCompose(context.Background(), rootDir, *composeFile))
	}
	if web.Conf != "" {
		report.Merge(CheckWebHeaders(rootDir, web))
	}

	dirs := fs.Args()
	if len(dirs) == 0 {
		dirs = defaultKustomizations(rootDir)
		if len(dirs) == 0 {
			report.Addf("k8s", "no kustomization found under k8s/")
		}
	}
	for _, dir := range dirs {
		report.Merge(CheckKustomization(rootDir, dir))
	}

	for _, line := range report.Checked {
		fmt.Fprintln(stdout, "checked", line)
	}
	if n := len(report.Problems); n > 0 {
		for _, p := range report.Problems {
			fmt.Fprintln(stdout, "FAIL", p.String())
		}
		fmt.Fprintf(stdout, "ops-check: %d problem(s) found\n", n)
		return 1
	}
	fmt.Fprintln(stdout, "ops-check: all checks passed")
	return 0
}

// defaultKustomizations lists every folder under k8s/ that holds a kustomization (base, the
// infra folders, each overlay), in path order, so that none is left unchecked. Components
// (kind: Component) are rendered only through the kustomizations that use them.
func defaultKustomizations(root string) []string {
	var dirs []string
	_ = filepath.WalkDir(filepath.Join(root, "k8s"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || !hasKustomization(path) || isComponent(path) {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		dirs = append(dirs, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(dirs)
	return dirs
}

func isComponent(dir string) bool {
	for _, name := range kustomizationFiles {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		var head struct {
			Kind string `json:"kind"`
		}
		return yaml.Unmarshal(raw, &head) == nil && head.Kind == "Component"
	}
	return false
}

var kustomizationFiles = []string{"kustomization.yaml", "kustomization.yml", "Kustomization"}

func hasKustomization(dir string) bool {
	for _, name := range kustomizationFiles {
		if st, err := os.Stat(filepath.Join(dir, name)); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}
