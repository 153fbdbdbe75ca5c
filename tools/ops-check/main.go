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
//     every container, Services and PodDisruptionBudgets that select pods, Ingress backends that
//     name existing Services and ports, ConfigMaps and Secrets that exist.
//
// Usage: ops-check [-C repo] [-compose docker-compose.yml] [kustomization-dir ...]
// Without directories: k8s/base, k8s/infra and each k8s/overlays/* that holds a kustomization.
// Exit status 0 when every check passes, 1 on problems, 2 on bad usage.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ops-check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("C", ".", "repository root; other paths are relative to it")
	composeFile := fs.String("compose", "docker-compose.yml", "compose file to check (empty: skip)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ops-check [-C repo] [-compose file] [kustomization-dir ...]")
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

	dirs := fs.Args()
	if len(dirs) == 0 {
		dirs = defaultKustomizations(rootDir)
		if len(dirs) == 0 {
			report.Addf("k8s", "no kustomization found (looked for k8s/base, k8s/infra, k8s/overlays/*)")
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

// defaultKustomizations lists k8s/base, k8s/infra and k8s/overlays/* that hold a kustomization.
func defaultKustomizations(root string) []string {
	var dirs []string
	for _, d := range []string{"k8s/base", "k8s/infra"} {
		if hasKustomization(filepath.Join(root, d)) {
			dirs = append(dirs, d)
		}
	}
	overlays, _ := filepath.Glob(filepath.Join(root, "k8s/overlays/*"))
	sort.Strings(overlays)
	for _, o := range overlays {
		if hasKustomization(o) {
			rel, _ := filepath.Rel(root, o)
			dirs = append(dirs, filepath.ToSlash(rel))
		}
	}
	return dirs
}

func hasKustomization(dir string) bool {
	for _, name := range []string{"kustomization.yaml", "kustomization.yml", "Kustomization"} {
		if st, err := os.Stat(filepath.Join(dir, name)); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}
