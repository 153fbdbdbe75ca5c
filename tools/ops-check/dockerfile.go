package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerui"
	"github.com/opencontainers/go-digest"
	ocispecs "github.com/opencontainers/image-spec/specs-go/v1"
)

// CheckDockerfile runs BuildKit's Dockerfile front end in lint mode, as `docker build --check`
// does: the file must parse, every stage must convert (flags, stage references, ARG expansion
// with the given build args) and no lint rule may warn. Base images are not pulled: a stub
// stands in for the registry. It also reports build args that the Dockerfile never declares.
func CheckDockerfile(path string, buildArgs map[string]string, target string) []string {
	dt, err := os.ReadFile(path)
	if err != nil {
		return []string{err.Error()}
	}
	var msgs []string

	sm := llb.NewSourceMap(nil, filepath.Base(path), "Dockerfile", dt)
	if sm.Definition == nil {
		sm.Definition = &llb.Definition{}
	}
	platform := ocispecs.Platform{OS: "linux", Architecture: "amd64"}
	results, err := dockerfile2llb.DockerfileLint(context.Background(), dt, dockerfile2llb.ConvertOpt{
		Config: dockerui.Config{
			BuildArgs: buildArgs,
			Target:    target,
		},
		SourceMap:      sm,
		TargetPlatform: &platform,
		MetaResolver:   offlineResolver{platform: platform},
	})
	if err != nil {
		return append(msgs, fmt.Sprintf("lint: %v", err))
	}
	if results.Error != nil {
		line := ""
		if loc := &results.Error.Location; len(loc.Ranges) > 0 {
			line = fmt.Sprintf("line %d: ", loc.Ranges[0].Start.Line)
		}
		msgs = append(msgs, fmt.Sprintf("%sdoes not build: %s", line, results.Error.Message))
	}
	for _, w := range results.Warnings {
		line := ""
		if w.Location != nil && len(w.Location.Ranges) > 0 {
			line = fmt.Sprintf("line %d: ", w.Location.Ranges[0].Start.Line)
		}
		msgs = append(msgs, fmt.Sprintf("%s%s: %s", line, w.RuleName, w.Detail))
	}

	// Build args that no ARG declares are silently ignored by the builder: a typo in compose.
	if declared, err := declaredArgs(dt); err == nil {
		for _, k := range sortedKeys(buildArgs) {
			if !declared[k] && !predefinedArgs[k] {
				msgs = append(msgs, fmt.Sprintf("build arg %s is not declared by any ARG", k))
			}
		}
	}
	return msgs
}

var predefinedArgs = map[string]bool{
	"HTTP_PROXY": true, "http_proxy": true, "HTTPS_PROXY": true, "https_proxy": true,
	"FTP_PROXY": true, "ftp_proxy": true, "NO_PROXY": true, "no_proxy": true, "ALL_PROXY": true, "all_proxy": true,
	"BUILDKIT_INLINE_CACHE": true, "BUILDKIT_SYNTAX": true, "SOURCE_DATE_EPOCH": true,
}

func parseStages(dt []byte) ([]instructions.Stage, []instructions.ArgCommand, error) {
	res, err := parser.Parse(bytes.NewReader(dt))
	if err != nil {
		return nil, nil, err
	}
	return instructions.Parse(res.AST, nil)
}

func declaredArgs(dt []byte) (map[string]bool, error) {
	stages, meta, err := parseStages(dt)
	if err != nil {
		return nil, err
	}
	declared := map[string]bool{}
	for _, a := range meta {
		for _, kv := range a.Args {
			declared[kv.Key] = true
		}
	}
	for _, s := range stages {
		for _, c := range s.Commands {
			if a, ok := c.(*instructions.ArgCommand); ok {
				for _, kv := range a.Args {
					declared[kv.Key] = true
				}
			}
		}
	}
	return declared, nil
}

// DockerfileHasHealthcheck reports whether the target stage (the last one when target is
// empty) sets a HEALTHCHECK other than NONE.
func DockerfileHasHealthcheck(path, target string) bool {
	dt, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	stages, _, err := parseStages(dt)
	if err != nil || len(stages) == 0 {
		return false
	}
	stage := stages[len(stages)-1]
	if target != "" {
		for _, s := range stages {
			if strings.EqualFold(s.Name, target) {
				stage = s
			}
		}
	}
	has := false
	for _, c := range stage.Commands {
		if h, ok := c.(*instructions.HealthCheckCommand); ok {
			has = h.Health != nil && !(len(h.Health.Test) == 1 && h.Health.Test[0] == "NONE")
		}
	}
	return has
}

// offlineResolver answers BuildKit's image look-ups without a registry: every base image is an
// empty linux image of the target platform.
type offlineResolver struct{ platform ocispecs.Platform }

func (o offlineResolver) ResolveImageConfig(_ context.Context, ref string, _ sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	cfg := ocispecs.Image{
		Platform: o.platform,
		Config: ocispecs.ImageConfig{
			Env: []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"},
		},
		RootFS: ocispecs.RootFS{Type: "layers"},
	}
	dt, err := json.Marshal(cfg)
	if err != nil {
		return "", "", nil, err
	}
	return ref, digest.FromBytes([]byte(ref)), dt, nil
}
